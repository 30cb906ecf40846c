"""`manage.py seed_demo`: an idempotent demo site of xã Tân Cương with one account per group."""

import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from demo.services import seed_demo


class Command(BaseCommand):
    help = "Create the demo site of xã Tân Cương and one demo account per group (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--credentials-file",
            default=str(settings.VAR_DIR / "demo-accounts.txt"),
            help="Where to keep the generated demo passwords (readable by the owner only).",
        )

    def handle(self, *args, credentials_file, **options):
        accounts = seed_demo()
        created = [account for account in accounts if account.password]
        path = Path(credentials_file)
        if created:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "a", encoding="utf-8") as handle:
                os.chmod(path, 0o600)
                for account in created:
                    handle.write(f"{account.username}\t{account.password}\t{account.group}\n")
        self.stdout.write(self.style.SUCCESS("Demo site ready."))
        for account in accounts:
            secret = account.password or "(unchanged)"
            self.stdout.write(f"  {account.username:<18} {secret:<18} {account.group}")
        if created:
            self.stdout.write(f"Passwords are shown once here and kept in {path}.")
