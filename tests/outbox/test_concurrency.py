"""Two workers at once: one e-mail goes out once, one key makes one row.

Threads with their own database connections play two Celery workers. On PostgreSQL the row
lock (select_for_update) and the unique key decide; on SQLite, whose transactions take the
write lock at BEGIN (portal/settings/base.py), writers queue up. Both must hold.
"""

import threading
import time

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.db import connection, transaction

from outbox import delivery, services
from outbox.models import Email, Status

pytestmark = pytest.mark.django_db(transaction=True)


class SlowBackend(LocmemBackend):
    """A mail server that takes its time, so that two senders overlap."""

    def send_messages(self, email_messages):
        time.sleep(0.5)
        return super().send_messages(email_messages)


def at_once(function, count=2):
    """Run `function` in `count` threads released together; returns what each returned or raised."""
    start = threading.Barrier(count)
    results = [None] * count

    def run(index):
        try:
            start.wait()
            results[index] = function()
        except Exception as error:  # noqa: BLE001 — reported to the test.
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_two_workers_sending_the_same_email_send_it_once(settings):
    settings.OUTBOX_DELIVERY_BACKEND = "tests.outbox.test_concurrency.SlowBackend"
    email = Email.objects.create(key="test:race", recipients="a@example.vn", subject="S", body="B")

    results = at_once(lambda: delivery.deliver(email.pk))

    assert sorted(results, key=str) == [False, True]
    assert len(mail.outbox) == 1
    email.refresh_from_db()
    assert email.status == Status.SENT and email.attempts == 1


def test_two_transactions_writing_the_same_key_make_one_email():
    def write():
        with transaction.atomic():
            email, created = services.queue_email("test:same-key", ["a@example.vn"], "S", "B")
            time.sleep(0.3)  # still uncommitted while the other one writes
        return created

    results = at_once(write)

    assert sorted(results, key=str) == [False, True]
    assert Email.objects.filter(key="test:same-key").count() == 1
    assert len(mail.outbox) == 1
