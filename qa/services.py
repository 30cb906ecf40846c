"""Services of the questions desk: receiving, assigning, answering and closing residents' questions.

Every service that tells someone something writes the e-mail to the outbox in its own
transaction; the outbox sends it after commit (DESIGN §6 "nothing lost").
"""

import datetime
import logging
import re

from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import GroupPagePermission, Locale
from wagtail.rich_text import expand_db_html, get_text_for_indexing

from accounts import policy
from outbox.services import emails_about, queue_email
from portal.text import vietnamese_slugify
from qa.models import (
    GENERAL_QUESTION_PLACEHOLDER,
    QAIndexPage,
    QAPage,
    Question,
    QuestionStatus,
    UsedFormToken,
)
from qa.privacy import scrub
from workflows.deadlines import ANSWER, due_date

logger = logging.getLogger(__name__)


def absolute_url(path):
    """A link for an e-mail: e-mails are read outside the site, so links must be absolute."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def lookup_url(question):
    return absolute_url(reverse("qa:lookup") + f"?code={question.tracking_code}")


def email_topic(question):
    """What the outbox files a question's e-mails under."""
    return f"qa.question:{question.pk}"


def question_emails(question):
    """The e-mails written about `question` (receipt, assignment, answer, closing), oldest first."""
    return emails_about(email_topic(question))


def send_question_email(recipient, template, context, question, event):
    """Render an e-mail in Vietnamese and write it to the outbox; it is sent once the transaction commits.

    The templates are `templates/qa/emails/<template>_subject.txt` and `<template>.txt`; `event`
    completes the outbox key (``qa.question:<id>:<event>``). A resident who gave no e-mail address
    (it is optional, DESIGN §6) is sent nothing: returns None.
    """
    if not (recipient or "").strip():
        return None
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"qa/emails/{template}_subject.txt", context).split())
        body = render_to_string(f"qa/emails/{template}.txt", context)
    topic = email_topic(question)
    email, _created = queue_email(f"{topic}:{event}", [recipient], subject, body, topic=topic)
    return email


@transaction.atomic
def submit_question(data):
    """Store a resident's question and queue the receipt e-mail with its tracking code.

    The question is committed before anything else happens; its due date (15 working days, Điều 8đ)
    is set when it is saved (workflows' calendar).
    """
    question = Question.objects.create(**data)
    question.refresh_from_db()
    if question.email and receipt_allowed(question):
        send_question_email(
            question.email,
            "question_received",
            {"question": question, "lookup_url": lookup_url(question)},
            question,
            "receipt",
        )
    return question


def receipt_allowed(question):
    """Whether the receipt e-mail of `question` may go out: one address gets a bounded number a day.

    Anyone can type any address in the public form, so without a bound the commune's mail server
    would write to a stranger as often as someone sends the form. Counted over the last 24 hours,
    with "name+anything@" counted as "name@" (the same mailbox). Beyond the bound the question is
    stored as usual (the desk sees it), only the receipt is not sent, and that is logged.
    """
    local, _at, domain = question.email.rpartition("@")
    mailbox = rf"^{re.escape(local.split('+', 1)[0])}(\+[^@]*)?@{re.escape(domain)}$"
    since = question.received_at - timezone.timedelta(days=1)
    earlier = Question.objects.filter(email__iregex=mailbox, received_at__gt=since).exclude(pk=question.pk).count()
    if earlier < settings.QA_RECEIPTS_PER_ADDRESS_PER_DAY:
        return True
    logger.warning(
        "Question %s stored without its receipt e-mail: its address already had %s questions in 24 hours",
        question.pk,
        earlier,
    )
    return False


def question_of_used_token(token_id):
    """The question already sent from the form load `token_id`, or None if that form was not used."""
    used = UsedFormToken.objects.filter(token_id=token_id).select_related("question").first()
    return used.question if used is not None else None


@transaction.atomic
def submit_question_once(data, token_id):
    """Store the question of one form load at most once; returns (question, created).

    A second submission of the same form — a double click, or a replay — creates no question and
    no e-mail and gets the first one's question. The token's row is inserted in the same
    transaction as the question, so of two concurrent submissions only one gets past the unique id.
    """
    UsedFormToken.objects.filter(
        used_at__lt=timezone.now() - timezone.timedelta(seconds=settings.QA_FORM_MAX_AGE)
    ).delete()
    try:
        with transaction.atomic():
            used = UsedFormToken.objects.create(token_id=token_id)
    except IntegrityError:
        return question_of_used_token(token_id), False
    question = submit_question(data)
    used.question = question
    used.save(update_fields=["question"])
    return question, True


# Registration accepts no date before this: a typing slip (e.g. "1926"), not a real question.
EARLIEST_RECEIVED = datetime.date(2000, 1, 1)


def received_moment(received_on, now=None):
    """When a question registered for `received_on` (a local date) counts as received.

    Today's questions keep the moment of registration; an earlier date counts from noon of that
    day in Asia/Ho_Chi_Minh, which only its local date matters for (Điều 8đ, DESIGN §5).
    """
    now = now or timezone.now()
    if received_on >= timezone.localdate(now):
        return now
    return datetime.datetime.combine(received_on, datetime.time(12, 0), tzinfo=timezone.get_current_timezone())


@transaction.atomic
def register_question(data, received_on, *, by, now=None):
    """Register a question the commune received by phone, letter, e-mail or at the one-stop desk.

    Its 15 working days run from `received_on`, the day the commune received it (Điều 8đ "kể từ
    khi tiếp nhận"), not from the day it is typed in. A resident with an e-mail gets the receipt.
    """
    if not is_board(by):
        raise PermissionDenied
    if received_on < EARLIEST_RECEIVED or received_on > timezone.localdate(now or timezone.now()):
        raise ValidationError(_("The date received must be between 01/01/2000 and today."))
    question = Question(**data)
    question.received_at = received_moment(received_on, now)
    question.due_date = due_date(ANSWER, question.received_at)
    question.save()
    log(instance=question, action="qa.register", user=by, data={"channel": question.channel})
    send_question_email(
        question.email,
        "question_received",
        {"question": question, "lookup_url": lookup_url(question)},
        question,
        "receipt",
    )
    return question


def is_board(user):
    """Members and the head of the board run the questions desk."""
    return user.is_active and user.has_perm("qa.change_question")


def assignable_users():
    """Officials and board members who may be given a question to answer."""
    return policy.answerers()


@transaction.atomic
def assign_question(question, assignee, *, by):
    """Give an open question to an official (or board member) to answer, and notify them."""
    if not is_board(by):
        raise PermissionDenied
    if not question.is_open:
        raise ValidationError(_("Only an open question can be assigned."))
    if not assignable_users().filter(pk=assignee.pk).exists():
        raise ValidationError(_("Questions can be assigned only to officials and board members."))
    question.assignee = assignee
    question.status = QuestionStatus.ASSIGNED
    question.save(update_fields=["assignee", "status"])
    entry = log(instance=question, action="qa.assign", user=by, data={"assignee": assignee.get_username()})
    if assignee.email:
        # Each assignment is its own event (a question may come back to the same person).
        send_question_email(
            assignee.email,
            "question_assigned",
            {
                "question": question,
                "assignee": assignee,
                "admin_url": absolute_url(reverse("qa_question:edit", args=[question.pk])),
            },
            question,
            f"assigned:{assignee.pk}:{entry.pk}",
        )
    return question


def answer_index():
    """The live questions-and-answers section of the default locale, where answers are drafted."""
    index = QAIndexPage.objects.filter(locale=Locale.get_default()).live().order_by("path").first()
    if index is None:
        raise ValidationError(_("There is no published questions-and-answers section to put the answer in."))
    return index


def grant_officials_answer_rights(index):
    """Let officials add answer pages under `index` (they then edit only the pages they own).

    Wagtail's owner rule: `add_page` on a subtree lets a user create pages there and edit their
    own, not other people's; publishing stays with the head (DESIGN §2).
    """
    group = policy.group(policy.GROUP_OFFICIAL)
    permission = Permission.objects.get(content_type__app_label="wagtailcore", codename="add_page")
    GroupPagePermission.objects.get_or_create(group=group, page=index, permission=permission)


def scrub_personal_data(text, question):
    """Remove personal data from a text that will be published; returns `Scrubbed(text, removed)`.

    E-mail addresses, phone numbers in every common Vietnamese form, 12-digit citizen IDs, street
    and hamlet addresses, and the resident's own name, e-mail, phone and address. `removed` lists
    what went, so that the official can check the draft.
    """
    return scrub(text, name=question.name, email=question.email, phone=question.phone, address=question.address)


def draft_text(question):
    """Title and question text of a new answer page, and the personal data left out of them.

    Without the resident's consent the draft carries none of the resident's words (DESIGN §6):
    a general title and a placeholder the official must replace before the page can go live.
    """
    if not question.consent_to_publish:
        with translation.override(settings.LANGUAGE_CODE):
            title = _("Answer about: %(topic)s") % {"topic": question.get_topic_display()}
            return title, str(GENERAL_QUESTION_PLACEHOLDER), []
    title = scrub_personal_data(question.title, question)
    body = scrub_personal_data(question.body, question)
    return title.text, body.text, list(dict.fromkeys(title.removed + body.removed))


@transaction.atomic
def draft_answer(question, *, by):
    """Create the answer page (a draft under the Q&A section) pre-filled with the question text.

    The question text is scrubbed of personal data, or, without the resident's consent, replaced
    by a placeholder (`draft_text`). The page carries no personal data and belongs to the
    assignee, who writes the answer and submits it to the approval chain like any page. Returns
    the existing draft if there is one.
    """
    if not (is_board(by) or question.assignee_id == by.pk):
        raise PermissionDenied
    if not question.is_open:
        raise ValidationError(_("This question is no longer open."))
    existing = question.answer_pages.order_by("pk").first()
    if existing is not None:
        return existing.specific
    index = answer_index()
    grant_officials_answer_rights(index)
    owner = question.assignee or by
    title, question_text = draft_text(question)[:2]
    page = QAPage(
        title=title,
        slug=f"{vietnamese_slugify(title)[:60].strip('-') or 'cau-hoi'}-{question.pk}",
        topic=question.topic,
        question_text=question_text,
        answer="",
        question=question,
        owner=owner,
        live=False,
    )
    index.add_child(instance=page)
    # A draft may lack its answer (as in the admin editor): add_child checked title and slug, and
    # the full validation runs when the page is submitted and published.
    page.save_revision(user=owner, log_action=True, clean=False)
    log(instance=question, action="qa.draft_answer", user=by, data={"page_id": page.pk})
    return page


def answer_as_text(page):
    """The answer of an answer page as plain text, for the e-mail to the resident."""
    return get_text_for_indexing(expand_db_html(page.answer or "")).strip()


@transaction.atomic
def mark_answered(page):
    """The answer page `page` went live: the question is answered and its resident is told."""
    question = Question.objects.select_for_update().filter(pk=page.question_id).first()
    if question is None or question.status == QuestionStatus.ANSWERED:
        return question
    question.status = QuestionStatus.ANSWERED
    question.answered_at = page.first_published_at or timezone.now()
    question.save(update_fields=["status", "answered_at"])
    log(instance=question, action="qa.answered", data={"page_id": page.pk})
    send_question_email(
        question.email,
        "question_answered",
        {
            "question": question,
            "answer_url": page.full_url,
            "answer_text": answer_as_text(page),
            "lookup_url": lookup_url(question),
        },
        question,
        "answered",
    )
    return question


@transaction.atomic
def close_question(question, reason, *, by, notify=True):
    """Close a question without an answer (spam, out of scope); the reason is required.

    A real resident is told why (`notify`); spam is closed without writing back to the sender.
    """
    if not is_board(by):
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Please give the reason for closing this question."))
    if not question.is_open:
        raise ValidationError(_("This question is no longer open."))
    question.status = QuestionStatus.CLOSED
    question.close_reason = reason
    question.closed_at = timezone.now()
    question.save(update_fields=["status", "close_reason", "closed_at"])
    log(instance=question, action="qa.close", user=by, data={"reason": reason})
    if notify:
        send_question_email(
            question.email,
            "question_closed",
            {"question": question, "reason": reason, "lookup_url": lookup_url(question)},
            question,
            "closed",
        )
    return question
