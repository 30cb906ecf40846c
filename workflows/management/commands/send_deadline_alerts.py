"""Send (or rerun) the deadline alerts of one day by hand, as beat would."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from workflows import alerts

ALERTS = {
    "digest": alerts.queue_morning_digest,
    "reminders": alerts.queue_question_reminders,
    "no-update": alerts.queue_no_update_alert,
}


class Command(BaseCommand):
    """Queue the morning digest, question reminders or "no update" alert of a day.

    Safe to rerun: alerts already sent are not sent again. `--dry-run` lists who would get what.
    """

    help = "Queue the deadline alerts of a day (default: today); alerts already sent are skipped."

    def add_arguments(self, parser):
        parser.add_argument("alert", choices=sorted(ALERTS))
        parser.add_argument("--date", help="YYYY-MM-DD, local date (default: today)")
        parser.add_argument("--dry-run", action="store_true", help="Show what would be sent; send nothing.")

    def handle(self, *args, alert, date=None, dry_run=False, **options):
        try:
            day = datetime.date.fromisoformat(date) if date else timezone.localdate()
        except ValueError as error:
            raise CommandError(f"Invalid --date: {date}") from error
        deliveries = ALERTS[alert](day, dry_run=dry_run)
        verb = "would be queued" if dry_run else "queued"
        for delivery in deliveries:
            self.stdout.write(f"{delivery.recipients_display}: {delivery.subject}")
        self.stdout.write(f"{len(deliveries)} e-mail(s) {verb} for {day:%d/%m/%Y}.")
