"""Questions from every channel (Điều 8đ "kể từ khi tiếp nhận") and an optional e-mail (DESIGN §6).

Every existing question came through the portal's form, hence the default `web`.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        # The field added last on main; this one only adds and relaxes columns.
        ("qa", "0004_question_closed_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="question",
            name="channel",
            field=models.CharField(
                choices=[
                    ("web", "Portal"),
                    ("phone", "Telephone"),
                    ("letter", "Letter"),
                    ("email", "E-mail"),
                    ("desk", "One-stop desk"),
                ],
                default="web",
                help_text="How the commune received the question.",
                max_length=10,
                verbose_name="received by",
            ),
        ),
        migrations.AlterField(
            model_name="question",
            name="email",
            field=models.EmailField(blank=True, max_length=254, verbose_name="e-mail"),
        ),
    ]
