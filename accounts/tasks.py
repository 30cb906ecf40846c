"""Celery tasks of the accounts app."""

import logging

from celery import shared_task
from django.contrib.auth import get_user_model

from accounts.services import notify_head_of_compromised_account

logger = logging.getLogger(__name__)


@shared_task
def notify_account_compromised(user_id, compromised_at, reporter_id=None):
    """Tell the heads that an account was reported compromised, from another process.

    `report_compromised` already writes that e-mail in its own transaction; this task writes it
    under the same outbox key, so it never makes a second one. The outbox sends it and retries
    while the mail server is down. Skips when the report no longer applies (the head already
    restored the account, or it was reported again, which writes its own notice).
    """
    User = get_user_model()
    user = User.objects.filter(pk=user_id).first()
    if user is None or user.compromised_at is None or user.compromised_at.isoformat() != compromised_at:
        logger.info("Compromise notice for user %s no longer applies", user_id)
        return []
    reporter = User.objects.filter(pk=reporter_id).first() if reporter_id else None
    return notify_head_of_compromised_account(user, reported_by=reporter)
