"""“Nothing lost”: a failing mail server or a stopped broker loses no question and no e-mail."""

import socket

import pytest
from django.core import mail
from django.test import override_settings

from outbox import tasks
from outbox.models import Email
from portal.celery import app as celery_app
from qa.models import Question
from qa.services import email_topic
from tests.services import IN_CI, celery_worker_process, require_service

FORM_URL = "/hoi-dap/gui-cau-hoi/"


def closed_port():
    """A localhost port with nobody listening (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.django_db
def test_failing_mail_server_keeps_the_question_and_the_email_goes_out_later(
    client, question_form_data, django_capture_on_commit_callbacks
):
    smtp_down = {
        "OUTBOX_DELIVERY_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": closed_port(),
        "EMAIL_TIMEOUT": 2,
    }
    with override_settings(**smtp_down), django_capture_on_commit_callbacks(execute=True):
        response = client.post(FORM_URL, question_form_data(), follow=True)

    question = Question.objects.get()
    assert question.tracking_code in response.content.decode()  # the resident still gets the code
    email = Email.objects.get()
    assert email.topic == email_topic(question)
    assert email.sent_at is None and email.attempts >= 1
    assert "ConnectionRefusedError" in email.last_error or "Errno" in email.last_error

    # The mail server is back: the beat sweep sends it, and a second sweep sends nothing more.
    assert tasks.send_pending_emails(older_than_seconds=0) == {"sent": 1, "failed": 0}
    assert tasks.send_pending_emails(older_than_seconds=0) == {"sent": 0, "failed": 0}
    assert [m.to for m in mail.outbox] == [[question.email]]
    assert question.tracking_code in mail.outbox[0].subject


def test_a_task_that_runs_twice_sends_once(db):
    question = Question.objects.create(name="Lê Thị Hoa", email="hoa@example.vn", title="Hỏi", body="Nội dung")
    email = Email.objects.create(key="test:twice", topic=email_topic(question), recipients=question.email, subject="S")
    tasks.send_email(email.pk)
    tasks.send_email(email.pk)
    assert len(mail.outbox) == 1


def use_broker(url):
    celery_app.conf.broker_url = url
    # Forget the pooled connections (as Celery does after a fork) so the next publish dials `url`.
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def stopped_broker():
    """Point Celery at a broker address where nothing listens, as when Redis is down.

    Yields a function that brings the real broker back.
    """
    original = celery_app.conf.broker_url
    celery_app.conf.update(task_always_eager=False, broker_connection_timeout=1)
    use_broker(f"redis://127.0.0.1:{closed_port()}/0")
    yield lambda: use_broker(original)
    use_broker(original)
    celery_app.conf.update(task_always_eager=True)


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_stopped_broker_keeps_the_question_and_a_real_worker_sends_the_email_later(
    client, question_form_data, stopped_broker, redis_available
):
    if IN_CI:
        require_service(redis_available, "REDIS_URL is not set or Redis does not answer")
    response = client.post(FORM_URL, question_form_data(), follow=True)

    # Committed before the enqueue failed: the resident has the code, the e-mail waits in the outbox.
    question = Question.objects.get()
    assert question.tracking_code in response.content.decode()
    email = Email.objects.get()
    assert email.sent_at is None and email.attempts == 0

    # The broker is back: a real worker runs the beat's sweep and sends the e-mail, once.
    stopped_broker()
    with celery_worker_process() as queue:
        first = tasks.send_pending_emails.apply_async(kwargs={"older_than_seconds": 0}, queue=queue).get(timeout=60)
        second = tasks.send_pending_emails.apply_async(kwargs={"older_than_seconds": 0}, queue=queue).get(timeout=60)
    email.refresh_from_db()
    assert email.sent_at is not None and email.attempts == 1
    assert (first, second) == ({"sent": 1, "failed": 0}, {"sent": 0, "failed": 0})


def test_operator_command_sends_what_is_waiting(db):
    from io import StringIO

    from django.core.management import call_command

    question = Question.objects.create(name="Lê Thị Hoa", email="hoa@example.vn", title="Hỏi", body="Nội dung")
    Email.objects.create(key="test:waiting", topic=email_topic(question), recipients=question.email, subject="S")
    out = StringIO()
    call_command("send_pending_emails", "--dry-run", stdout=out)
    assert "1 e-mail(s) waiting." in out.getvalue() and mail.outbox == []
    call_command("send_pending_emails", stdout=out)
    assert "1 sent, 0 still failing." in out.getvalue() and len(mail.outbox) == 1
