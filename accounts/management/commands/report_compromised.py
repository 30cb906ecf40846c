"""`manage.py report_compromised USERNAME`: "báo mất mật khẩu" from the server's command line."""

import getpass

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.services import report_compromised


class Command(BaseCommand):
    help = (
        "Report an account's password lost or stolen: end all its sessions, make its password unusable, "
        "reset its two-factor login, notify the head and record it in the audit log."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--reported-by",
            help="Username of the person who reported it (recorded in the audit log).",
        )

    def handle(self, *args, username, reported_by=None, **options):
        User = get_user_model()
        try:
            user = User.objects.get(username=username)
        except User.DoesNotExist as error:
            raise CommandError(f"No account with the username {username!r}.") from error
        reporter = None
        if reported_by:
            reporter = User.objects.filter(username=reported_by).first()
            if reporter is None:
                raise CommandError(f"No account with the username {reported_by!r}.")
        # The operating-system account is the only trace of who ran the command without --reported-by.
        report_compromised(user, reported_by=reporter, via=f"command line ({getpass.getuser()})")
        self.stdout.write(
            self.style.SUCCESS(
                f"{username}: sessions ended, password disabled, two-factor login reset; the head is being notified."
            )
        )
