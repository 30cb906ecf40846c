"""Deadline alerts by e-mail (Điều 8): the morning digest, question reminders, "no update today".

Every alert is written to the outbox under a key that names it (``alert:digest:2025-03-10:42``),
so a beat that fires twice, or a task redelivered after a worker restart, writes and sends
nothing more; the outbox sends it after commit, retrying while the mail server is down, and
beat's sweep sends what a stopped broker missed.
"""

import datetime
import logging
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Page

from accounts import policy
from accounts.models import User
from outbox.models import Email, join_addresses
from outbox.services import queue_email, sent, sent_keys
from workflows.calendar import add_working_days, is_working_day
from workflows.deadlines import deadline_for, open_requests_due
from workflows.open_work import open_work

logger = logging.getLogger(__name__)

DIGEST = "digest"
QUESTION_THREE_DAYS = "question-3-days"
QUESTION_DUE_TODAY = "question-due-today"
NO_UPDATE = "no-update"

# Reminder to a question's assignee this many working days before the due date (and on the day).
REMINDER_WORKING_DAYS = 3


def board_recipients() -> QuerySet[User]:
    """Active members and the head of the board who have an e-mail address."""
    return policy.heads_and_members().exclude(email="").order_by("pk")


def claim_alert(
    key: str,
    kind: str,
    recipient: User | None,
    subject: str,
    body: str,
    dry_run: bool = False,
    already_sent: set[str] | None = None,
) -> Email | None:
    """Write the alert `key` to the outbox for `recipient`; return its e-mail, or None if sent before.

    An alert written earlier but not sent yet (its task was lost) is handed to Celery again; it
    still goes out once. With `dry_run`, nothing is written or queued: the e-mail that would be;
    `already_sent` (from `alert_keys_sent`) answers "sent before?" without a query per alert.
    Nobody to write to (no person, no address): None.
    """
    if recipient is None or not recipient.email:
        return None
    outbox_key = f"alert:{key}"
    if dry_run:
        if outbox_key in already_sent if already_sent is not None else sent(outbox_key):
            return None
        return Email(
            key=outbox_key,
            topic=f"alert:{kind}",
            recipients=join_addresses([recipient.email]),
            subject=subject,
            body=body,
        )
    email, created = queue_email(outbox_key, [recipient.email], subject, body, topic=f"alert:{kind}")
    if not created and email.is_sent:
        return None
    return email


def alert_keys_sent(keys: list[str]) -> set[str]:
    """The outbox keys of the alerts `keys` that have gone out, in one query (for `claim_alert`)."""
    return sent_keys(f"alert:{key}" for key in keys)


def _render(template: str, context: dict[str, Any]) -> str:
    """Render an e-mail body in the portal's language (tasks run outside any request)."""
    return render_to_string(template, {"base_url": settings.WAGTAILADMIN_BASE_URL, **context})


def queue_morning_digest(today: datetime.date, dry_run: bool = False) -> list[Email]:
    """Queue the 07:30 digest of late and due items to every member and the head, on working days.

    Each state (overdue, due today, due in the next 2 working days) says how many items it holds
    and lists the most urgent (`workflows.open_work.LISTED`), then how many more there are and
    the deadlines report filtered on that state: the same e-mail with 20 or 2,000 open items.
    Returns the deliveries queued now (empty on a day off or when already sent today); with
    `dry_run`, the deliveries that would be queued, unsaved.
    """
    if not is_working_day(today):
        return []
    sections = open_work(today)
    queued = []
    recipients = list(board_recipients())
    keys = {user.pk: f"{DIGEST}:{today.isoformat()}:{user.pk}" for user in recipients}
    already_sent = alert_keys_sent(list(keys.values())) if dry_run else None
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Publication deadlines on %(date)s") % {"date": f"{today:%d/%m/%Y}"}
        for user in recipients:
            body = _render("workflows/emails/morning_digest.txt", {"user": user, "today": today, **sections})
            delivery = claim_alert(keys[user.pk], DIGEST, user, subject, body, dry_run, already_sent)
            if delivery:
                queued.append(delivery)
    logger.info("Morning digest for %s: %d e-mails queued", today, len(queued))
    return queued


def queue_question_reminders(today: datetime.date, dry_run: bool = False) -> list[Email]:
    """Remind each question's assignee 3 working days before its due date and on the day itself."""
    if not is_working_day(today):
        return []
    # Due in exactly 3 working days: from the 3rd working day after today up to (not including)
    # the 4th, days off in between included. Two calendar lookups, whatever the number of questions.
    third, fourth = add_working_days(today, REMINDER_WORKING_DAYS), add_working_days(today, REMINDER_WORKING_DAYS + 1)
    # The rare question without a stored due date is read too, and judged on its computed one.
    reminders = []
    for question in open_requests_due(today):
        deadline = deadline_for(question)
        assert deadline is not None  # a request received has a deadline
        due = deadline.due
        if due == today:
            kind = QUESTION_DUE_TODAY
        elif third <= due < fourth:
            kind = QUESTION_THREE_DAYS
        else:
            continue
        if question.assignee is None or not question.assignee.email:
            continue
        reminders.append((f"{kind}:{question.pk}:{due.isoformat()}", kind, question, due))
    already_sent = alert_keys_sent([key for key, *_rest in reminders]) if dry_run else None
    queued = []
    with translation.override(settings.LANGUAGE_CODE):
        for key, kind, question, due in reminders:
            if kind == QUESTION_DUE_TODAY:
                subject = _("Answer due today: %(code)s") % {"code": question.tracking_code}
            else:
                subject = _("Answer due in 3 working days: %(code)s") % {"code": question.tracking_code}
            body = _render(
                "workflows/emails/question_reminder.txt",
                {"question": question, "due": due, "due_today": kind == QUESTION_DUE_TODAY},
            )
            delivery = claim_alert(key, kind, question.assignee, subject, body, dry_run, already_sent)
            if delivery:
                queued.append(delivery)
    return queued


def published_on(day: datetime.date) -> bool:
    """Whether any page was published (first time or again) on the local date `day`."""
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min), timezone.get_default_timezone())
    end = start + datetime.timedelta(days=1)
    return Page.objects.filter(last_published_at__gte=start, last_published_at__lt=end).exists()


def queue_no_update_alert(today: datetime.date, dry_run: bool = False) -> list[Email]:
    """At 16:00 on a working day with nothing published yet, tell the board (daily updates, Điều 8)."""
    if not is_working_day(today) or published_on(today):
        return []
    queued = []
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Nothing published today, %(date)s") % {"date": f"{today:%d/%m/%Y}"}
        recipients = list(board_recipients())
        keys = {user.pk: f"{NO_UPDATE}:{today.isoformat()}:{user.pk}" for user in recipients}
        already_sent = alert_keys_sent(list(keys.values())) if dry_run else None
        for user in recipients:
            body = _render("workflows/emails/no_update.txt", {"user": user, "today": today})
            delivery = claim_alert(keys[user.pk], NO_UPDATE, user, subject, body, dry_run, already_sent)
            if delivery:
                queued.append(delivery)
    return queued
