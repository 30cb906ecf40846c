"""The task models of the approval chain (group approval with the regulation's rules)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        # The tasks' groups.
        ('auth', '0012_alter_user_first_name_max_length'),
        # Wagtail's Task model, which these extend.
        ('wagtailcore', '0098_apitoken'),
        # After the board's groups and the calendar's tables (the app's migrations form one chain).
        ('workflows', '0005_head_edits_calendar'),
    ]

    operations = [
        migrations.CreateModel(
            name='BoardReviewTask',
            fields=[
                ('task_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.task')),
                ('groups', models.ManyToManyField(help_text='Pages/snippets at this step in a workflow will be moderated or approved by these groups of users', to='auth.group', verbose_name='groups')),
            ],
            options={
                'verbose_name': 'board review task',
                'verbose_name_plural': 'board review tasks',
            },
            bases=('wagtailcore.task',),
        ),
        migrations.CreateModel(
            name='HeadApprovalTask',
            fields=[
                ('task_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.task')),
                ('groups', models.ManyToManyField(help_text='Pages/snippets at this step in a workflow will be moderated or approved by these groups of users', to='auth.group', verbose_name='groups')),
            ],
            options={
                'verbose_name': 'head approval task',
                'verbose_name_plural': 'head approval tasks',
            },
            bases=('wagtailcore.task',),
        ),
    ]
