"""The residents' e-mails move to the outbox app (issue 17), keeping what was sent and what waits.

Every `qa.OutboxEmail` row becomes an `outbox.Email`: a question's e-mail gets the key
``qa.question:<question>:email-<id>`` and the topic ``qa.question:<question>`` (the desk finds its
e-mails by topic), one without a question (the royalties' budget alerts) ``qa.outbox:<id>``.
Sent rows stay sent; unsent rows wait for the outbox's sweep (or count as failed after 13 tries).
Then `qa.OutboxEmail` is deleted.
"""

from django.db import migrations
from django.db.models import Q

# outbox.delivery.MAX_ATTEMPTS when this migration was written (migrations import no app code).
MAX_ATTEMPTS = 13
BATCH = 500


def key_and_topic(row):
    if row.question_id:
        topic = f"qa.question:{row.question_id}"
        return f"{topic}:email-{row.pk}", topic
    return f"qa.outbox:{row.pk}", ""


def status_of(row):
    if row.sent_at is not None:
        return "sent"
    return "failed" if row.attempts >= MAX_ATTEMPTS else "pending"


def move_to_outbox(apps, schema_editor):
    OutboxEmail = apps.get_model("qa", "OutboxEmail")
    Email = apps.get_model("outbox", "Email")
    batch = []
    for row in OutboxEmail.objects.order_by("pk").iterator(chunk_size=BATCH):
        key, topic = key_and_topic(row)
        batch.append(
            Email(
                key=key,
                topic=topic,
                recipients=row.recipient,
                subject=row.subject,
                body=row.body,
                status=status_of(row),
                created_at=row.created_at,
                sent_at=row.sent_at,
                attempts=row.attempts,
                last_attempt_at=row.sent_at,
                last_error=row.last_error,
            )
        )
        if len(batch) >= BATCH:
            Email.objects.bulk_create(batch, ignore_conflicts=True)
            batch = []
    Email.objects.bulk_create(batch, ignore_conflicts=True)


def move_back(apps, schema_editor):
    """Unapplying: the questions' e-mails (and the moved ones without a question) go back to qa."""
    OutboxEmail = apps.get_model("qa", "OutboxEmail")
    Email = apps.get_model("outbox", "Email")
    moving = Email.objects.filter(Q(topic__startswith="qa.question:") | Q(key__startswith="qa.outbox:"))
    for email in moving.order_by("pk").iterator(chunk_size=BATCH):
        question_id = int(email.topic.split(":", 1)[1]) if email.topic.startswith("qa.question:") else None
        OutboxEmail.objects.create(
            question_id=question_id,
            recipient=(email.recipients.splitlines() or [""])[0],
            subject=email.subject[:255],
            body=email.body,
            created_at=email.created_at,
            sent_at=email.sent_at,
            attempts=email.attempts,
            last_error=email.last_error,
        )
    moving.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("qa", "0006_used_form_token"),
        ("outbox", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(move_to_outbox, move_back),
        migrations.DeleteModel(name="OutboxEmail"),
    ]
