"""Account security services: two-factor devices, "báo mất mật khẩu", restoring an account.

Views, the `report_compromised` command and Celery tasks all call these functions, so the
rules of Điều 6 live in one place.
"""

import logging
import secrets
from importlib import import_module

from axes.utils import reset as reset_lockouts
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_otp import devices_for_user, verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

from accounts import policy

logger = logging.getLogger(__name__)

ACTION_REPORTED = "accounts.report_compromised"
ACTION_RESTORED = "accounts.restore_account"
ACTION_TWO_FACTOR_RESET = "accounts.reset_two_factor"
RECOVERY_DEVICE_NAME = "recovery"
TOTP_DEVICE_NAME = "authenticator"


def has_two_factor(user):
    """Whether the user has a confirmed authenticator app."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def start_enrolment(user):
    """Return the user's pending (unconfirmed) authenticator device, creating it if needed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    return device


@transaction.atomic
def confirm_enrolment(device, token):
    """Confirm a pending authenticator with a code from the app; return new recovery codes.

    Returns None when the code is wrong. Any older authenticator of the user is removed, so a
    person has one app at a time and a lost phone is replaced by enrolling again.
    """
    if not device.verify_token(normalise_token(token)):
        return None
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return replace_recovery_codes(device.user)


@transaction.atomic
def replace_recovery_codes(user):
    """Give the user a fresh set of single-use recovery codes; the old ones stop working."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_DEVICE_NAME)
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(settings.PORTAL_RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def normalise_token(token):
    """A code as people type it: spaces and dashes removed, lower case for recovery codes."""
    return "".join(token.split()).replace("-", "").lower()


def match_second_factor(user, token):
    """Return the user's device that accepts this code (authenticator or recovery), or None.

    A six-digit code is checked against the authenticator only and anything else against the
    recovery codes only, so that one typo does not count as a failure on both devices
    (django-otp throttles each device after failures).
    """
    token = normalise_token(token)
    if token.isdigit():
        candidates = [d for d in devices_for_user(user) if isinstance(d, TOTPDevice)]
    else:
        candidates = [d for d in devices_for_user(user) if isinstance(d, StaticDevice)]
    for device in candidates:
        verified = verify_token(user, device.persistent_id, token)
        if verified is not None:
            return verified
    return None


def end_sessions(user):
    """End every session of the user that the session store can list (database sessions).

    Sessions kept only in a cache cannot be listed; they end anyway on their next request,
    because Django checks each session against a hash of the password, which has changed.
    """
    engine = import_module(settings.SESSION_ENGINE)
    if not settings.SESSION_ENGINE.endswith(("sessions.backends.db", "sessions.backends.cached_db")):
        return 0
    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            engine.SessionStore(session.session_key).delete()
            ended += 1
    return ended


@transaction.atomic
def report_compromised(user, *, reported_by=None, via="admin"):
    """Close every door of an account whose password is lost or stolen ("báo mất mật khẩu").

    Ends all its sessions, makes its password unusable (so the e-mail password reset refuses it
    too), removes its two-factor devices, records who reported it in the audit log and writes
    the e-mail to the head in the same transaction (the outbox sends it after commit). The
    account stays closed until the head restores it.
    """
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    user.compromised_at = timezone.now()
    user.set_unusable_password()
    user.save(update_fields=["compromised_at", "password"])
    for device in devices_for_user(user, confirmed=None):
        device.delete()
    ended = end_sessions(user)
    log(
        instance=user,
        action=ACTION_REPORTED,
        user=reported_by,
        data={"via": via, "sessions_ended": ended},
    )
    notify_head_of_compromised_account(user, reported_by=reported_by)
    logger.warning("Account %s reported compromised via %s (%s sessions ended)", user.username, via, ended)
    return user


@transaction.atomic
def restore_account(user, *, restored_by=None):
    """Reopen a compromised account with a new random password, returned to show once.

    The person signs in with it, enrols two-factor login again (the old devices were removed)
    and should change the password at once.
    """
    password = secrets.token_urlsafe(12)
    user.set_password(password)
    user.compromised_at = None
    user.save(update_fields=["password", "compromised_at"])
    reset_lockouts(username=user.get_username())
    log(instance=user, action=ACTION_RESTORED, user=restored_by)
    return password


@transaction.atomic
def reset_two_factor(user, *, reset_by):
    """Remove every second-factor device of the account (a lost phone): it must enrol again.

    Its sessions end too, so the next sign-in asks for a new authenticator (the head and the
    members must have one, accounts.middleware). Recorded in the audit log.
    """
    removed = 0
    for device in devices_for_user(user, confirmed=None):
        device.delete()
        removed += 1
    ended = end_sessions(user)
    log(instance=user, action=ACTION_TWO_FACTOR_RESET, user=reset_by, data={"devices_removed": removed})
    logger.warning("Two-factor login of %s reset by %s (%s sessions ended)", user.username, reset_by, ended)
    return removed


def heads_to_notify(user):
    """Active heads with an e-mail address, other than the compromised account itself."""
    return policy.heads().filter(compromised_at__isnull=True).exclude(pk=user.pk).exclude(email="")


def notify_head_of_compromised_account(user, reported_by=None):
    """E-mail the heads that an account was reported compromised; returns the recipients.

    When no other head can be reached (the head's own account was stolen), the site's
    administrators (ADMINS) are told instead.
    """
    recipients = [head.email for head in heads_to_notify(user)] or [email for _, email in settings.ADMINS]
    if not recipients:
        logger.error("Nobody to notify that account %s was reported compromised", user.username)
        return []
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "account": user,
            "reported_by": reported_by,
            "reported_at": user.compromised_at,
            "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/bao-mat/tai-khoan/",
        }
        subject = _("Account %(username)s reported compromised") % {"username": user.get_username()}
        body = render_to_string("accounts/emails/compromised.txt", context)
    # EMAIL_BACKEND is the outbox: the e-mail is written in the caller's transaction and sent
    # after commit. The key header (read and removed by the outbox) names this report, so
    # telling the heads again about the same report writes and sends nothing more.
    key = f"accounts.compromised:{user.pk}:{user.compromised_at.isoformat() if user.compromised_at else ''}"
    headers = {"X-Outbox-Key": key, "X-Outbox-Topic": f"accounts.user:{user.pk}"}
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, recipients, headers=headers).send()
    return recipients
