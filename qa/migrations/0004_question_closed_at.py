"""Keep when a question was closed, so that closing after the due date counts late (Điều 8đ).

Questions closed before this field existed get the time of their "qa.close" audit entry.
"""

from django.db import migrations, models


def backfill_closed_at(apps, schema_editor):
    Question = apps.get_model("qa", "Question")
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(app_label="qa", model="question").first()
    if content_type is None:
        return
    for question in Question.objects.filter(status="closed", closed_at__isnull=True):
        entry = (
            ModelLogEntry.objects.filter(content_type=content_type, object_id=str(question.pk), action="qa.close")
            .order_by("timestamp")
            .first()
        )
        if entry is not None:
            question.closed_at = entry.timestamp
            question.save(update_fields=["closed_at"])


class Migration(migrations.Migration):
    dependencies = [
        ("qa", "0003_officials_answer_rights"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="question",
            name="closed_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="closed at"),
        ),
        migrations.RunPython(backfill_closed_at, migrations.RunPython.noop),
    ]
