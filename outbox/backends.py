"""`EMAIL_BACKEND`: whatever is sent with Django's mail API goes into the outbox.

Wagtail's own notifications, the password reset, the accounts app's notices: each message is
written to the outbox (in the caller's transaction, if any) and sent by Celery through
`settings.OUTBOX_DELIVERY_BACKEND`, the real mail backend (SMTP, console, locmem in tests).
A sender may name the event with an `X-Outbox-Key` header (and `X-Outbox-Topic`), which makes
sending idempotent and is not delivered.
"""

from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction

from outbox import services


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        written = 0
        for message in email_messages:
            if not message.recipients():
                continue
            try:
                with transaction.atomic():
                    services.queue_message(message)
            except Exception:
                if not self.fail_silently:
                    raise
                continue
            written += 1
        return written
