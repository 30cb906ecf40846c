"""`manage.py send_pending_emails`: send the e-mails still waiting (or failed) in the outbox."""

from django.core.management.base import BaseCommand

from outbox.delivery import pending_emails, send_pending_emails


class Command(BaseCommand):
    help = "Send the e-mails that a stopped broker or a failing mail server left in the outbox."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what is waiting.")
        parser.add_argument(
            "--older-than", type=int, default=0, help="Only e-mails written at least this many seconds ago."
        )

    def handle(self, *args, dry_run, older_than, **options):
        if dry_run:
            self.stdout.write(f"{pending_emails(older_than).count()} e-mail(s) waiting.")
            return
        sent, failed = send_pending_emails(older_than)
        self.stdout.write(f"{sent} sent, {failed} still failing.")
