"""`manage.py restore_account USERNAME`: reopen a compromised account when no head can sign in."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.services import restore_account


class Command(BaseCommand):
    help = "Reopen an account reported compromised with a new random password, printed once."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username, compromised_at__isnull=False).first()
        if user is None:
            raise CommandError(f"No compromised account with the username {username!r}.")
        password = restore_account(user)
        self.stdout.write(f"{username}: restored. New password (shown once): {password}")
