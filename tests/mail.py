"""Mail backends a test controls, to play a mail server that is down and then comes back."""

import os
from pathlib import Path
from smtplib import SMTPServerDisconnected

from django.core.mail.backends.filebased import EmailBackend as FileBackend
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend


def _down():
    flag = os.environ.get("PORTAL_TEST_MAIL_DOWN_FLAG")
    return bool(flag) and Path(flag).exists()


class FlakyFileBackend(FileBackend):
    """Writes messages to PORTAL_TEST_MAIL_DIR; fails like SMTP while the flag file exists."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("file_path", os.environ["PORTAL_TEST_MAIL_DIR"])
        super().__init__(*args, **kwargs)

    def send_messages(self, email_messages):
        if _down():
            raise SMTPServerDisconnected("Connection unexpectedly closed (test: mail server down)")
        return super().send_messages(email_messages)


class DownBackend(LocmemBackend):
    """A mail server that refuses every connection."""

    def send_messages(self, email_messages):
        raise SMTPServerDisconnected("Connection unexpectedly closed (test: mail server down)")
