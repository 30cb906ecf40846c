"""The outbox (issue 17): one table for every e-mail the portal sends."""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
    ]

    operations = [
        migrations.CreateModel(
            name='Email',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=255, unique=True, verbose_name='key')),
                ('topic', models.CharField(blank=True, db_index=True, max_length=100, verbose_name='about')),
                ('from_email', models.CharField(blank=True, max_length=255, verbose_name='from')),
                ('recipients', models.TextField(help_text='One address per line.', verbose_name='recipients')),
                ('cc', models.TextField(blank=True, verbose_name='cc')),
                ('bcc', models.TextField(blank=True, verbose_name='bcc')),
                ('reply_to', models.TextField(blank=True, verbose_name='reply to')),
                ('headers', models.JSONField(blank=True, default=dict, verbose_name='headers')),
                ('subject', models.CharField(max_length=998, verbose_name='subject')),
                ('body', models.TextField(blank=True, verbose_name='text')),
                ('html_body', models.TextField(blank=True, verbose_name='HTML')),
                ('status', models.CharField(choices=[('pending', 'Waiting'), ('sent', 'Sent'), ('failed', 'Failed')], default='pending', max_length=10, verbose_name='status')),
                ('created_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='written at')),
                ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='sent at')),
                ('attempts', models.PositiveIntegerField(default=0, verbose_name='attempts')),
                ('last_attempt_at', models.DateTimeField(blank=True, null=True, verbose_name='last attempt')),
                ('last_error', models.TextField(blank=True, verbose_name='last error')),
            ],
            options={
                'verbose_name': 'outgoing e-mail',
                'verbose_name_plural': 'outgoing e-mails',
                'ordering': ['-created_at', '-pk'],
                'permissions': [('resend_email', 'Can send an outgoing e-mail again')],
                'indexes': [models.Index(fields=['status', 'created_at'], name='outbox_email_status_created')],
            },
        ),
    ]
