"""The outbox's API: every e-mail the portal sends is written here, in the caller's transaction.

`queue_email()` stores the e-mail under an idempotency key and hands it to Celery only after the
transaction commits (`PortalTask.apply_async_on_commit`: a stopped broker is logged, never an
error for the request). If the transaction rolls back, the e-mail is gone with the event it
reported; if the broker misses it, the beat sweep sends it. The same key written twice creates
nothing and sends nothing twice. Django's `send_mail` lands here too (`outbox.backends`).
"""

import logging
import uuid

from django.conf import settings
from django.db import transaction
from wagtail.log_actions import log

from outbox.models import Email, Status, join_addresses
from outbox.tasks import send_email

logger = logging.getLogger(__name__)

# Headers by which code that cannot import the outbox (the accounts app, below it; Wagtail;
# Django) gives a message sent with Django's mail API a key and a topic. Never delivered.
KEY_HEADER = "X-Outbox-Key"
TOPIC_HEADER = "X-Outbox-Topic"
RESEND_ACTION = "outbox.resend"


def enqueue(email):
    """Hand an e-mail to Celery once the current transaction commits (at once outside one)."""
    send_email.apply_async_on_commit((email.pk,))


@transaction.atomic
def queue_email(
    key,
    to,
    subject,
    body,
    *,
    html_body="",
    topic="",
    from_email=None,
    cc=(),
    bcc=(),
    reply_to=(),
    headers=None,
):
    """Write an e-mail to the outbox under `key` and send it after commit; returns (email, created).

    A key written before returns the existing e-mail and creates nothing; an existing e-mail
    still unsent is handed to Celery again (sending it is safe to repeat: it goes out once).
    """
    to = [address for address in to if address and address.strip()]
    if not (to or cc or bcc):
        raise ValueError("An e-mail needs at least one recipient.")
    email, created = Email.objects.get_or_create(
        key=key,
        defaults={
            "topic": topic,
            "from_email": from_email or settings.DEFAULT_FROM_EMAIL,
            "recipients": join_addresses(to),
            "cc": join_addresses(cc),
            "bcc": join_addresses(bcc),
            "reply_to": join_addresses(reply_to),
            "headers": headers or {},
            "subject": " ".join(str(subject).split()),
            "body": body,
            "html_body": html_body,
        },
    )
    if email.status != Status.SENT:
        enqueue(email)
    return email, created


def queue_message(message):
    """Write one Django `EmailMessage` to the outbox (see `outbox.backends.OutboxBackend`).

    Its key and topic come from the `X-Outbox-Key` / `X-Outbox-Topic` headers when the sender
    set them (they are not delivered); otherwise the message gets a key of its own.
    """
    if message.attachments:
        raise ValueError("The outbox does not keep attachments; send this e-mail another way.")
    headers = dict(message.extra_headers)
    key = str(headers.pop(KEY_HEADER, "") or f"mail:{uuid.uuid4().hex}")
    topic = str(headers.pop(TOPIC_HEADER, ""))
    html_body = next(
        (content for content, mimetype in getattr(message, "alternatives", []) if mimetype == "text/html"), ""
    )
    body = message.body
    if message.content_subtype == "html":
        html_body, body = body, ""
    return queue_email(
        key,
        message.to,
        message.subject,
        body,
        html_body=html_body,
        topic=topic,
        from_email=message.from_email,
        cc=message.cc,
        bcc=message.bcc,
        reply_to=message.reply_to,
        headers={name: str(value) for name, value in headers.items()},
    )


def sent(key):
    """Whether the e-mail written under `key` has gone out."""
    return Email.objects.filter(key=key, status=Status.SENT).exists()


def sent_keys(keys):
    """The keys among `keys` whose e-mail has gone out, in one query."""
    return set(Email.objects.filter(key__in=list(keys), status=Status.SENT).values_list("key", flat=True))


def emails_about(topic):
    """The e-mails about one thing (e.g. ``qa.question:42``), oldest first."""
    return Email.objects.filter(topic=topic).order_by("created_at", "pk")


@transaction.atomic
def resend(email, *, by):
    """Send a waiting or failed e-mail now (the head's action in the admin); False if it was sent.

    It counts as waiting again, with its attempts kept; the action is in the e-mail's history.
    """
    email = Email.objects.select_for_update().get(pk=email.pk)
    if email.status == Status.SENT:
        return False
    email.status = Status.PENDING
    email.save(update_fields=["status"])
    log(instance=email, action=RESEND_ACTION, user=by)
    enqueue(email)
    return True
