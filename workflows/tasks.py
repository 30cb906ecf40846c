"""Celery tasks of the workflows app: deadline alerts (beat entries in portal/settings/base.py)."""

import datetime
import logging
from smtplib import SMTPException

from celery import shared_task
from django.utils import timezone

from workflows import alerts

logger = logging.getLogger(__name__)


def _day(iso_date):
    """The given ISO date, or today's local date (beat passes nothing)."""
    return (
        datetime.date.fromisoformat(iso_date)
        if iso_date
        else timezone.localdate(timezone=timezone.get_default_timezone())
    )


@shared_task
def send_morning_digest(iso_date=None):
    """Queue the 07:30 digest of late and due items for the board (working days only)."""
    return len(alerts.queue_morning_digest(_day(iso_date)))


@shared_task
def send_question_reminders(iso_date=None):
    """Queue reminders to the assignees of questions due in 3 working days or today."""
    return len(alerts.queue_question_reminders(_day(iso_date)))


@shared_task
def send_no_update_alert(iso_date=None):
    """Queue the 16:00 "nothing published today" alert (working days only)."""
    return len(alerts.queue_no_update_alert(_day(iso_date)))


@shared_task(
    autoretry_for=(SMTPException, OSError),
    retry_backoff=60,
    retry_backoff_max=3600,
    max_retries=8,
)
def send_alert_email(delivery_id):
    """Send one claimed alert e-mail; does nothing if it was sent already."""
    sent = alerts.deliver_alert(delivery_id)
    logger.info("Alert delivery %s %s", delivery_id, "sent" if sent else "already sent or gone")
    return sent
