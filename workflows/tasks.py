"""Celery tasks of the workflows app: deadline alerts and scheduled publication (each a thin wrapper).

The alerts' e-mails and the approval chain's notices go through the outbox (`outbox.tasks` sends
them); nothing here sends mail itself.
"""

import datetime
import logging

from celery import shared_task
from django.utils import timezone

from workflows import alerts
from workflows.services import publish_scheduled

logger = logging.getLogger(__name__)


def _day(iso_date: str | None) -> datetime.date:
    """The given ISO date, or today's local date (beat passes nothing)."""
    return (
        datetime.date.fromisoformat(iso_date)
        if iso_date
        else timezone.localdate(timezone=timezone.get_default_timezone())
    )


@shared_task
def send_morning_digest(iso_date: str | None = None) -> int:
    """Queue the 07:30 digest of late and due items for the board (working days only)."""
    return len(alerts.queue_morning_digest(_day(iso_date)))


@shared_task
def send_question_reminders(iso_date: str | None = None) -> int:
    """Queue reminders to the assignees of questions due in 3 working days or today."""
    return len(alerts.queue_question_reminders(_day(iso_date)))


@shared_task
def send_no_update_alert(iso_date: str | None = None) -> int:
    """Queue the 16:00 "nothing published today" alert (working days only)."""
    return len(alerts.queue_no_update_alert(_day(iso_date)))


# --- Approval chain (issue 4) ---


@shared_task
def publish_scheduled_pages() -> dict[str, int]:
    """Carry out due go-live and expiry dates (run by beat every minute); safe to run at once twice."""
    expired, published, refused = publish_scheduled()
    if expired or published or refused:
        logger.info("Scheduled publication: %s expired, %s published, %s refused", expired, published, refused)
    return {"expired": expired, "published": published, "refused": refused}
