"""The outbox in the admin: the head reads it and sends a failed e-mail again; nobody else sees it."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry

from outbox.models import Email, Status
from tests.helpers import log_in
from tests.portal.test_admin_in_vietnamese import VisibleText

pytestmark = pytest.mark.django_db

INDEX = reverse("outbox_email:index")


@pytest.fixture
def emails():
    return {
        "sent": Email.objects.create(
            key="qa.question:1:receipt", recipients="hoa@example.vn", subject="Đã nhận câu hỏi TC-1", status=Status.SENT
        ),
        "failed": Email.objects.create(
            key="alert:digest:2026-11-30:7",
            recipients="truongban@example.vn",
            subject="Hạn xuất bản tin bài ngày 30/11/2026",
            body="Danh sách",
            status=Status.FAILED,
            attempts=13,
            last_error="SMTPServerDisconnected: Connection unexpectedly closed",
        ),
    }


def menu_and_text(client):
    """What a person reads on the dashboard, the sidebar menu included."""
    parser = VisibleText()
    parser.feed(client.get(reverse("wagtailadmin_home")).content.decode())
    return " | ".join(parser.texts)


def urls(emails):
    email = emails["failed"]
    return [
        INDEX,
        INDEX + "?status=failed",
        reverse("outbox_email:inspect", args=[email.pk]),
        reverse("outbox_email:resend", args=[email.pk]),
    ]


def test_the_head_sees_every_email_its_state_and_the_last_error(client, people, emails):
    log_in(client, people["head"])
    assert "Hộp thư đi" in menu_and_text(client)
    text = client.get(INDEX).content.decode()
    assert "Đã nhận câu hỏi TC-1" in text and "Hạn xuất bản tin bài ngày 30/11/2026" in text
    assert "SMTPServerDisconnected" in text

    failed_only = client.get(INDEX, {"status": "failed"}).content.decode()
    assert "Hạn xuất bản tin bài" in failed_only and "Đã nhận câu hỏi" not in failed_only
    by_recipient = client.get(INDEX, {"q": "hoa@example"}).content.decode()
    assert "Đã nhận câu hỏi TC-1" in by_recipient and "Hạn xuất bản tin bài" not in by_recipient
    by_subject = client.get(INDEX, {"q": "Hạn xuất bản"}).content.decode()
    assert "Hạn xuất bản tin bài" in by_subject and "Đã nhận câu hỏi" not in by_subject

    inspect = client.get(reverse("outbox_email:inspect", args=[emails["failed"].pk])).content.decode()
    assert "Danh sách" in inspect and "SMTPServerDisconnected" in inspect
    assert reverse("outbox_email:resend", args=[emails["failed"].pk]) in inspect


def test_the_head_sends_a_failed_email_again(client, people, emails, django_capture_on_commit_callbacks):
    log_in(client, people["head"])
    email = emails["failed"]
    assert client.get(reverse("outbox_email:resend", args=[email.pk])).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("outbox_email:resend", args=[email.pk]))
    assert response.status_code == 302
    email.refresh_from_db()
    assert email.status == Status.SENT and [m.to for m in mail.outbox] == [["truongban@example.vn"]]
    entry = ModelLogEntry.objects.get(action="outbox.resend")
    assert entry.user == people["head"] and entry.object_id == str(email.pk)

    # Sent now: asking again sends nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("outbox_email:resend", args=[email.pk]))
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("role", ["member", "contributor", "official", "party"])
def test_nobody_else_sees_the_outbox(client, people, emails, role):
    log_in(client, people[role])
    for url in urls(emails):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "Chỉ Trưởng Ban biên tập được xem hộp thư đi." in response.content.decode()
    assert client.post(reverse("outbox_email:resend", args=[emails["failed"].pk])).status_code == 403
    assert "Hộp thư đi" not in menu_and_text(client)
    assert Email.objects.get(pk=emails["failed"].pk).status == Status.FAILED


def test_nobody_edits_adds_or_deletes_an_email_not_even_a_superuser(client, emails):
    log_in(client, get_user_model().objects.create_superuser("quantri", "quantri@tancuong.example.vn", "x"))
    email = emails["sent"]
    assert client.get(INDEX).status_code == 200
    for url in (
        reverse("outbox_email:add"),
        reverse("outbox_email:edit", args=[email.pk]),
        reverse("outbox_email:delete", args=[email.pk]),
    ):
        assert client.get(url).status_code in (302, 403), url
    client.post(reverse("outbox_email:delete", args=[email.pk]))
    assert Email.objects.filter(pk=email.pk).exists()
