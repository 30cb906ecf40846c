"""Celery tasks of the accounts app."""

import logging
import smtplib

from celery import shared_task
from django.contrib.auth import get_user_model

from accounts.services import notify_head_of_compromised_account

logger = logging.getLogger(__name__)


@shared_task(
    autoretry_for=(smtplib.SMTPException, OSError),
    retry_backoff=30,
    retry_backoff_max=30 * 60,
    max_retries=8,
)
def notify_account_compromised(user_id, compromised_at, reporter_id=None):
    """Tell the head that an account was reported compromised, retrying while mail is down.

    Skips when the report no longer applies (the head already restored the account, or it was
    reported again, which enqueues its own notice).
    """
    User = get_user_model()
    user = User.objects.filter(pk=user_id).first()
    if user is None or user.compromised_at is None or user.compromised_at.isoformat() != compromised_at:
        logger.info("Compromise notice for user %s no longer applies", user_id)
        return []
    reporter = User.objects.filter(pk=reporter_id).first() if reporter_id else None
    return notify_head_of_compromised_account(user, reported_by=reporter)
