"""The deadline alerts' delivery records move to the outbox (issue 17), then the model goes.

`AlertDelivery` made each alert go out once by its unique key (``digest:2025-03-10:42``). The
outbox now does that for every e-mail under the key ``alert:<old key>``: copying the records
keeps an alert sent (or written) before the upgrade from going out a second time when its beat
job runs again the same day. A record never sent becomes a pending e-mail the sweep sends.
"""

from django.db import migrations

BATCH = 500


def move_to_outbox(apps, schema_editor):
    AlertDelivery = apps.get_model("workflows", "AlertDelivery")
    Email = apps.get_model("outbox", "Email")
    batch = []
    for row in AlertDelivery.objects.select_related("recipient").order_by("pk").iterator(chunk_size=BATCH):
        batch.append(
            Email(
                key=f"alert:{row.key}",
                topic=f"alert:{row.kind}",
                recipients=row.recipient.email,
                subject=row.subject,
                body=row.body,
                status="sent" if row.sent_at else "pending",
                created_at=row.created_at,
                sent_at=row.sent_at,
                last_attempt_at=row.sent_at,
                attempts=1 if row.sent_at else 0,
            )
        )
        if len(batch) >= BATCH:
            Email.objects.bulk_create(batch, ignore_conflicts=True)
            batch = []
    Email.objects.bulk_create(batch, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [
        ("workflows", "0010_calendar_2024_2026_rechecked"),
        ("outbox", "0001_initial"),
    ]

    operations = [
        # Not reversible into AlertDelivery rows: the outbox keeps them, which is what matters.
        migrations.RunPython(move_to_outbox, migrations.RunPython.noop),
        migrations.DeleteModel(name="AlertDelivery"),
    ]
