"""Used question-form tokens: a form load is accepted once (issue 16, item 8)."""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("qa", "0005_question_channel_email_optional"),
    ]

    operations = [
        migrations.CreateModel(
            name="UsedFormToken",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("token_id", models.CharField(max_length=64, unique=True)),
                ("used_at", models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                (
                    "question",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="qa.question",
                    ),
                ),
            ],
            options={
                "verbose_name": "used form token",
                "verbose_name_plural": "used form tokens",
            },
        ),
    ]
