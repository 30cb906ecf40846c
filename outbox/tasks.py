"""Celery tasks of the outbox: one e-mail with retries, and the beat sweep of what is left."""

import logging

from celery import shared_task
from django.conf import settings

from outbox import delivery

logger = logging.getLogger(__name__)


@shared_task(
    bind=True,
    autoretry_for=(Exception,),
    retry_backoff=settings.OUTBOX_RETRY_BACKOFF_SECONDS,
    retry_backoff_max=3600,
    retry_jitter=True,
    max_retries=12,
)
def send_email(self, email_id):
    """Send one outbox e-mail; a failing mail server is retried with backoff, a sent one is skipped.

    The last retry marks the row "failed"; the beat sweep (`send_pending_emails`) keeps trying it.
    """
    final = self.request.retries >= self.max_retries
    if delivery.deliver(email_id, final=final):
        logger.info("Sent outbox e-mail %s", email_id)
        return True
    return False


@shared_task
def send_pending_emails(older_than_seconds=60):
    """Beat sweep: send what a stopped broker or an exhausted retry left in the outbox.

    Only rows older than `older_than_seconds`, so that the sweep leaves fresh e-mails to their own task.
    """
    sent, failed = delivery.send_pending_emails(older_than_seconds)
    if sent or failed:
        logger.info("Outbox sweep: %s sent, %s still failing", sent, failed)
    return {"sent": sent, "failed": failed}
