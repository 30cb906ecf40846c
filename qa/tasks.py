"""Celery tasks of the questions desk: e-mails to residents and officials, with retries."""

import logging

from celery import shared_task

from qa import services

logger = logging.getLogger(__name__)


@shared_task(
    bind=True,
    autoretry_for=(Exception,),
    retry_backoff=30,
    retry_backoff_max=3600,
    retry_jitter=True,
    max_retries=12,
)
def send_outbox_email(self, email_id):
    """Send one outbox e-mail; a failing mail server is retried with backoff, a sent one is skipped.

    After the last retry the row stays unsent and the beat sweep (`send_pending_emails`) keeps trying.
    """
    if services.deliver_email(email_id):
        logger.info("Sent outbox e-mail %s", email_id)


@shared_task
def send_pending_emails(older_than_seconds=60):
    """Beat sweep: send what a stopped broker or an exhausted retry left in the outbox.

    Only rows older than `older_than_seconds`, so that the sweep leaves fresh e-mails to their own task.
    """
    sent, failed = services.send_pending_emails(older_than_seconds)
    if sent or failed:
        logger.info("Outbox sweep: %s sent, %s still failing", sent, failed)
    return {"sent": sent, "failed": failed}
