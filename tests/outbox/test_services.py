"""The outbox's promises: written with the event, sent once by key, retried, never lost."""

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.db import transaction

from outbox import services, tasks
from outbox.delivery import MAX_ATTEMPTS
from outbox.models import Email, Status

pytestmark = pytest.mark.django_db

DOWN = "tests.mail.DownBackend"


def test_an_email_is_sent_after_the_commit_of_its_event(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        email, created = services.queue_email("test:receipt:1", ["hoa@example.vn"], "Đã nhận câu hỏi", "Nội dung")
        assert created and mail.outbox == []  # nothing leaves before the commit
    assert len(callbacks) == 1
    assert [m.to for m in mail.outbox] == [["hoa@example.vn"]]
    email.refresh_from_db()
    assert email.status == Status.SENT and email.sent_at is not None and email.attempts == 1


def test_a_rolled_back_event_sends_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            services.queue_email("test:rolled-back", ["hoa@example.vn"], "S", "B")
            raise RuntimeError("the event failed")
    assert not Email.objects.exists() and mail.outbox == []


def test_the_same_key_twice_is_one_email_sent_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first, created = services.queue_email("alert:digest:2026-11-30:7", ["a@example.vn"], "S", "B")
    with django_capture_on_commit_callbacks(execute=True):
        second, created_again = services.queue_email("alert:digest:2026-11-30:7", ["a@example.vn"], "S2", "B2")
    assert created and not created_again and second.pk == first.pk
    assert Email.objects.count() == 1 and len(mail.outbox) == 1
    assert mail.outbox[0].subject == "S"


def test_a_key_written_but_not_sent_is_sent_once_by_the_next_call(django_capture_on_commit_callbacks):
    services.queue_email("test:lost-task", ["a@example.vn"], "S", "B")  # its task was lost: never run
    with django_capture_on_commit_callbacks(execute=True):
        services.queue_email("test:lost-task", ["a@example.vn"], "S", "B")
    with django_capture_on_commit_callbacks(execute=True):
        services.queue_email("test:lost-task", ["a@example.vn"], "S", "B")
    assert len(mail.outbox) == 1


def test_a_failing_mail_server_gives_retries_then_failed_and_the_row_is_kept(settings):
    email, _ = services.queue_email("test:down", ["a@example.vn"], "S", "B")
    settings.OUTBOX_DELIVERY_BACKEND = DOWN
    # The task's first try and its retries, as the worker runs them (request.retries counts up).
    for retry in range(tasks.send_email.max_retries + 1):
        with pytest.raises(Exception, match="mail server down"):
            tasks.send_email.apply((email.pk,), retries=retry, throw=True)
        email.refresh_from_db()
        expected = Status.FAILED if retry == tasks.send_email.max_retries else Status.PENDING
        assert (email.status, email.attempts) == (expected, retry + 1)
    assert email.attempts == MAX_ATTEMPTS
    assert "SMTPServerDisconnected" in email.last_error and email.sent_at is None
    assert mail.outbox == []

    # A failed e-mail is still swept: the mail server is back, it goes out, once.
    settings.OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert tasks.send_pending_emails(older_than_seconds=0) == {"sent": 1, "failed": 0}
    assert tasks.send_pending_emails(older_than_seconds=0) == {"sent": 0, "failed": 0}
    email.refresh_from_db()
    assert email.status == Status.SENT and email.last_error == "" and len(mail.outbox) == 1


def test_the_task_retries_a_failure_with_backoff(settings):
    email, _ = services.queue_email("test:backoff", ["a@example.vn"], "S", "B")
    settings.OUTBOX_DELIVERY_BACKEND = DOWN
    options = tasks.send_email
    assert options.autoretry_for == (Exception,) and options.max_retries == 12
    # Production waits 30 s before the first retry (portal.settings.base); tests' workers 2 s.
    assert options.retry_backoff == django_settings.OUTBOX_RETRY_BACKOFF_SECONDS and options.retry_backoff_max == 3600
    with pytest.raises(Exception, match="Retry in"):
        tasks.send_email.apply((email.pk,), throw=True)


def test_an_email_without_recipient_is_refused():
    with pytest.raises(ValueError):
        services.queue_email("test:nobody", ["", " "], "S", "B")
    assert not Email.objects.exists()


def test_django_send_mail_lands_in_the_outbox(django_capture_on_commit_callbacks):
    message = EmailMultiAlternatives(
        "Thông báo", "Văn bản", "bbt@tancuong.gov.vn", ["a@example.vn"], headers={"X-Outbox-Key": "test:django"}
    )
    message.attach_alternative("<p>Văn bản</p>", "text/html")
    with django_capture_on_commit_callbacks(execute=True):
        assert message.send() == 1
        email = Email.objects.get()
        assert (email.key, email.recipients, email.html_body) == ("test:django", "a@example.vn", "<p>Văn bản</p>")
        assert mail.outbox == []
    sent = mail.outbox[0]
    assert sent.to == ["a@example.vn"] and sent.from_email == "bbt@tancuong.gov.vn"
    assert sent.alternatives[0][0] == "<p>Văn bản</p>"
    assert "X-Outbox-Key" not in sent.message().as_string()


def test_the_password_reset_email_goes_through_the_outbox(client, people, django_capture_on_commit_callbacks):
    member = people["member"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/password_reset/", {"email": member.email})
        email = Email.objects.get()
        assert email.recipient_list == [member.email] and email.status == Status.PENDING
    assert [m.to for m in mail.outbox] == [[member.email]]
    email.refresh_from_db()
    assert email.status == Status.SENT


def test_two_deliveries_of_one_email_send_it_once(django_capture_on_commit_callbacks):
    email, _ = services.queue_email("test:twice", ["a@example.vn"], "S", "B")
    assert tasks.send_email(email.pk) is True
    assert tasks.send_email(email.pk) is False
    assert tasks.send_pending_emails(older_than_seconds=0) == {"sent": 0, "failed": 0}
    assert len(mail.outbox) == 1
