""" "Báo mất mật khẩu": one action closes every door of an account until the head reopens it."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django_otp import devices_for_user
from wagtail.models import ModelLogEntry

from accounts.policy import GROUP_CONTRIBUTOR, GROUP_HEAD, GROUP_MEMBER
from accounts.services import restore_account
from accounts.tasks import notify_account_compromised
from demo.factories.accounts import TEST_PASSWORD, UserFactory
from tests.accounts.utils import authenticator, current_code, sign_in_with_password
from tests.helpers import log_in

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture
def head():
    return UserFactory(groups=[GROUP_HEAD], username="truongban-test")


@pytest.fixture
def member():
    return UserFactory(groups=[GROUP_MEMBER], username="thanhvien-test")


def test_command_ends_a_logged_in_session_and_blocks_the_password(
    client, head, member, django_capture_on_commit_callbacks
):
    log_in(client, member)
    assert client.get("/admin/").status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        call_command("report_compromised", member.username)

    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    # The old password no longer signs in.
    response = sign_in_with_password(client, member.username, TEST_PASSWORD)
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    member.refresh_from_db()
    assert member.is_compromised and not member.has_usable_password()
    assert list(devices_for_user(member, confirmed=None)) == []

    entry = ModelLogEntry.objects.get(action="accounts.report_compromised", object_id=str(member.pk))
    assert entry.user is None and entry.data["via"].startswith("command line")
    assert entry.data["sessions_ended"] == 1
    # The head is told, in Vietnamese, with the local time.
    assert [message.to for message in mail.outbox] == [[head.email]]
    assert member.username in mail.outbox[0].subject
    assert "Trưởng Ban biên tập" in mail.outbox[0].body


def test_command_records_who_reported_it(head, member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("report_compromised", member.username, reported_by=head.username)
    entry = ModelLogEntry.objects.get(action="accounts.report_compromised")
    assert entry.user == head
    assert entry.timestamp is not None


def test_a_person_reports_their_own_password_with_one_button(client, head, member, django_capture_on_commit_callbacks):
    other_browser = log_in(type(client)(), member)
    log_in(client, member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/bao-mat/bao-mat-mat-khau/")
    assert response.status_code == 302 and response["Location"] == "/admin/login/"
    assert other_browser.get("/admin/")["Location"].startswith("/admin/login/")
    assert ModelLogEntry.objects.get(action="accounts.report_compromised").user == member
    assert len(mail.outbox) == 1


def test_the_head_reports_any_account_and_restores_it(client, head, member, django_capture_on_commit_callbacks):
    victim_browser = log_in(type(client)(), member)
    log_in(client, head)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/bao-mat/tai-khoan/{member.pk}/bao-mat-mat-khau/")
    assert victim_browser.get("/admin/")["Location"].startswith("/admin/login/")
    listing = client.get("/admin/bao-mat/tai-khoan/")
    assert "Khôi phục" in listing.content.decode()

    response = client.post(f"/admin/bao-mat/tai-khoan/{member.pk}/khoi-phuc/")
    new_password = response.context["password"]
    member.refresh_from_db()
    assert not member.is_compromised
    assert ModelLogEntry.objects.get(action="accounts.restore_account").user == head

    # The member signs in with the new password and must set up two-factor login again.
    fresh = type(client)()
    sign_in_with_password(fresh, member.username, new_password)
    assert fresh.get("/admin/")["Location"].startswith("/admin/bao-mat/dang-ky/")


def test_only_the_head_may_report_or_restore_another_account(client, member):
    other = UserFactory(groups=[GROUP_CONTRIBUTOR])
    log_in(client, member)
    # Wagtail turns the refusal into a redirect to the dashboard with a "no permission" message.
    assert client.post(f"/admin/bao-mat/tai-khoan/{other.pk}/bao-mat-mat-khau/")["Location"] == "/admin/"
    assert client.get("/admin/bao-mat/tai-khoan/")["Location"] == "/admin/"
    other.refresh_from_db()
    assert not other.is_compromised


def test_a_compromised_account_cannot_reset_its_password_by_email(client, member):
    call_command("report_compromised", member.username)
    client.post("/admin/password_reset/", {"email": member.email})
    assert mail.outbox == []


def test_a_code_from_the_old_phone_no_longer_works(client, head, member):
    device = authenticator(member)
    code = current_code(device)
    call_command("report_compromised", member.username)
    password = restore_account(member, restored_by=head)
    sign_in_with_password(client, member.username, password)
    response = client.post("/admin/bao-mat/xac-thuc/", {"token": code})
    assert response.status_code == 302 and response["Location"].startswith("/admin/bao-mat/dang-ky/")


def test_notice_is_skipped_once_the_account_was_restored(head, member):
    call_command("report_compromised", member.username)
    member.refresh_from_db()
    reported_at = member.compromised_at.isoformat()
    member.compromised_at = None
    member.save()
    assert notify_account_compromised.delay(member.pk, reported_at).get() == []
    assert mail.outbox == []


def test_notice_task_sends_through_the_service(head, member):
    call_command("report_compromised", member.username)
    member.refresh_from_db()
    assert notify_account_compromised.delay(member.pk, member.compromised_at.isoformat()).get() == [head.email]


def test_unknown_username_is_an_error(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("report_compromised", "khong-ton-tai")
