"""Celery tasks of the workflows app (each a thin wrapper around a service)."""

import logging

from celery import shared_task

logger = logging.getLogger(__name__)


# --- Approval chain (issue 4) ---


@shared_task
def publish_scheduled_pages():
    """Carry out due go-live and expiry dates (run by beat every minute); safe to run at once twice."""
    from workflows.services import publish_scheduled

    expired, published, refused = publish_scheduled()
    if expired or published or refused:
        logger.info("Scheduled publication: %s expired, %s published, %s refused", expired, published, refused)
    return {"expired": expired, "published": published, "refused": refused}


@shared_task(
    bind=True,
    autoretry_for=(OSError,),  # SMTPException is an OSError subclass; so are connection errors.
    retry_backoff=True,
    retry_backoff_max=30 * 60,
    max_retries=12,
)
def send_workflow_notice(self, event, recipient_id, workflow_state_id, task_state_id=None):
    """Send one approval-chain e-mail; retried with backoff while the mail server fails."""
    from workflows.services import send_notice

    return send_notice(event, recipient_id, workflow_state_id, task_state_id)
