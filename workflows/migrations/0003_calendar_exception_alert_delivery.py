"""The working-day calendar's exceptions and the bookkeeping that sends each alert once."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        # The lead chains this after the approval chain's migrations at merge time.
        ('workflows', '0002_drop_wagtail_default_groups'),
        # AlertDelivery.recipient.
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='CalendarException',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('date', models.DateField(unique=True, verbose_name='date')),
                ('is_working_day', models.BooleanField(default=False, help_text='Tick for a Saturday or Sunday made a working day; leave empty for a day off.', verbose_name='working day')),
                ('note', models.CharField(blank=True, help_text='Why this day differs, and the announcement it comes from.', max_length=255, verbose_name='note')),
            ],
            options={
                'verbose_name': 'calendar exception',
                'verbose_name_plural': 'calendar exceptions',
                'ordering': ['-date'],
            },
        ),
        migrations.CreateModel(
            name='AlertDelivery',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=150, unique=True, verbose_name='key')),
                ('kind', models.CharField(db_index=True, max_length=40, verbose_name='kind')),
                ('subject', models.CharField(max_length=255, verbose_name='subject')),
                ('body', models.TextField(verbose_name='body')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='sent at')),
                ('recipient', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='alert_deliveries', to=settings.AUTH_USER_MODEL, verbose_name='recipient')),
            ],
            options={
                'verbose_name': 'alert delivery',
                'verbose_name_plural': 'alert deliveries',
                'ordering': ['-created_at'],
            },
        ),
    ]
