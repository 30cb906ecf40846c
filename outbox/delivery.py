"""Handing outbox e-mails to the real mail server (`settings.OUTBOX_DELIVERY_BACKEND`).

Used by the outbox's Celery tasks and by `manage.py send_pending_emails`; the rest of the
project writes e-mails with `outbox.services` (or Django's `send_mail`) and never sends directly.
"""

import datetime
import logging

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone

from outbox.models import Email, Status

logger = logging.getLogger(__name__)

# The first try and the task's twelve retries (outbox.tasks.send_email): after that many failed
# attempts an e-mail counts as failed. The beat sweep still tries it; the head sees it.
MAX_ATTEMPTS = 13
OUTBOX_BACKEND = "outbox.backends.OutboxBackend"


def delivery_connection():
    """A connection to the real mail server, never back into the outbox."""
    backend = settings.OUTBOX_DELIVERY_BACKEND
    if backend == OUTBOX_BACKEND:
        raise ImproperlyConfigured("OUTBOX_DELIVERY_BACKEND must be a real mail backend, not the outbox itself.")
    return get_connection(backend, fail_silently=False)


def deliver(email_id, *, final=False):
    """Send one outbox e-mail unless it was sent already; returns True when it goes out now.

    The row stays locked while the mail server answers (select_for_update on PostgreSQL; SQLite
    serialises writers), so a retry, the sweep and a second worker cannot both send it. A failure
    is recorded on the row (attempts, last error; "failed" after `MAX_ATTEMPTS` or when `final`)
    and re-raised for the task's retry.
    """
    failure = None
    with transaction.atomic():
        email = Email.objects.select_for_update().filter(pk=email_id).first()
        if email is None or email.status == Status.SENT:
            return False
        try:
            delivery_connection().send_messages([email.message()])
        except Exception as error:  # noqa: BLE001 — SMTP, socket, TLS…: recorded, then retried.
            failure = error
        now = timezone.now()
        email.attempts += 1
        email.last_attempt_at = now
        if failure is None:
            email.status = Status.SENT
            email.sent_at = now
            email.last_error = ""
        else:
            email.last_error = f"{type(failure).__name__}: {failure}"[:2000]
            if final or email.attempts >= MAX_ATTEMPTS:
                email.status = Status.FAILED
        email.save(update_fields=["status", "sent_at", "attempts", "last_attempt_at", "last_error"])
    if failure is not None:
        raise failure
    return True


def pending_emails(older_than_seconds=60):
    """Unsent e-mails written some time ago: the broker missed them, or every retry failed."""
    cutoff = timezone.now() - datetime.timedelta(seconds=older_than_seconds)
    return Email.objects.exclude(status=Status.SENT).filter(created_at__lte=cutoff).order_by("created_at", "pk")


def send_pending_emails(older_than_seconds=60):
    """Try every pending e-mail now; returns (sent, failed) counts. Run by beat and by a command."""
    sent = failed = 0
    for email_id in list(pending_emails(older_than_seconds).values_list("pk", flat=True)):
        try:
            if deliver(email_id):
                sent += 1
        except Exception:  # noqa: BLE001 — one bad address must not stop the others.
            failed += 1
            logger.warning("Outbox e-mail %s still not sent", email_id, exc_info=True)
    return sent, failed
