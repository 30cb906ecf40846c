"""Two-factor login in the Wagtail admin: a stolen password alone does not open it."""

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.models import Permission
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.policy import GROUP_CONTRIBUTOR, GROUP_HEAD, GROUP_MEMBER
from demo.factories.accounts import UserFactory
from tests.accounts.utils import authenticator, current_code, sign_in_with_password
from tests.helpers import log_in

pytestmark = pytest.mark.django_db

VERIFY_URL = "/admin/bao-mat/xac-thuc/"
ENROL_URL = "/admin/bao-mat/dang-ky/"


def test_password_alone_does_not_open_the_admin(client):
    head = UserFactory(groups=[GROUP_HEAD])
    authenticator(head)
    sign_in_with_password(client, head.username)
    for path in ("/admin/", "/admin/pages/", "/admin/documents/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith(VERIFY_URL)


def test_code_from_the_app_finishes_signing_in(client):
    member = UserFactory(groups=[GROUP_MEMBER])
    device = authenticator(member)
    sign_in_with_password(client, member.username)
    response = client.post(VERIFY_URL, {"token": current_code(device), "next": "/admin/pages/"})
    assert response.status_code == 302 and response["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


def test_wrong_code_is_refused_and_the_admin_stays_closed(client):
    member = UserFactory(groups=[GROUP_MEMBER])
    device = authenticator(member)
    sign_in_with_password(client, member.username)
    wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"
    response = client.post(VERIFY_URL, {"token": wrong})
    assert response.status_code == 200
    assert "Mã này không hợp lệ" in response.content.decode()
    assert client.get("/admin/")["Location"].startswith(VERIFY_URL)


def test_a_recovery_code_opens_the_admin_once(client):
    head = UserFactory(groups=[GROUP_HEAD])
    authenticator(head)
    log_in(client, head)
    response = client.post("/admin/bao-mat/ma-du-phong/")
    codes = list(response.context["codes"])
    assert len(codes) == settings.PORTAL_RECOVERY_CODE_COUNT
    client.logout()

    sign_in_with_password(client, head.username)
    assert client.post(VERIFY_URL, {"token": codes[0].upper()}).status_code == 302
    assert client.get("/admin/").status_code == 200
    client.logout()

    sign_in_with_password(client, head.username)
    response = client.post(VERIFY_URL, {"token": codes[0]})
    assert response.status_code == 200
    assert not StaticToken.objects.filter(token=codes[0]).exists()


def test_head_without_an_app_must_enrol_before_anything_else(client):
    head = UserFactory(groups=[GROUP_HEAD])
    sign_in_with_password(client, head.username)
    response = client.get("/admin/pages/")
    assert response["Location"].startswith(ENROL_URL)

    page = client.get(ENROL_URL)
    assert page.status_code == 200
    assert "<svg" in page.content.decode()
    pending = TOTPDevice.objects.get(user=head, confirmed=False)
    assert page.context["secret"] in page.content.decode()

    response = client.post(ENROL_URL, {"token": current_code(pending)})
    assert response.status_code == 200
    assert len(response.context["codes"]) == settings.PORTAL_RECOVERY_CODE_COUNT
    assert TOTPDevice.objects.get(pk=pending.pk).confirmed
    assert client.get("/admin/").status_code == 200


def test_enrolment_refuses_a_wrong_code(client):
    member = UserFactory(groups=[GROUP_MEMBER])
    sign_in_with_password(client, member.username)
    client.get(ENROL_URL)
    response = client.post(ENROL_URL, {"token": "000000"})
    assert response.status_code == 200 and "codes" not in response.context
    assert not TOTPDevice.objects.filter(user=member, confirmed=True).exists()
    assert client.get("/admin/")["Location"].startswith(ENROL_URL)


def test_contributor_may_work_without_two_factor_until_enrolled(client):
    contributor = UserFactory(groups=[GROUP_CONTRIBUTOR])
    sign_in_with_password(client, contributor.username)
    assert client.get("/admin/").status_code == 200
    # Once enrolled, the code is asked every time.
    authenticator(contributor)
    client.logout()
    sign_in_with_password(client, contributor.username)
    assert client.get("/admin/")["Location"].startswith(VERIFY_URL)


def test_verify_page_does_not_redirect_to_another_site(client):
    member = UserFactory(groups=[GROUP_MEMBER])
    device = authenticator(member)
    sign_in_with_password(client, member.username)
    response = client.post(VERIFY_URL, {"token": current_code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


def test_log_in_helper_gives_a_verified_session(client):
    log_in(client, UserFactory(groups=[GROUP_HEAD]))
    assert client.get("/admin/").status_code == 200


def test_admin_is_refused_to_an_account_outside_the_board_groups(client):
    outsider = UserFactory()
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    log_in(client, outsider)
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"] == "/admin/login/"
    # The session has ended: the next admin request is treated as a stranger's.
    assert client.get("/admin/")["Location"].startswith("/admin/login/?next=")
    assert "Ban biên tập" in client.get("/admin/login/").content.decode()


def test_idle_admin_session_expires(client):
    member = UserFactory(groups=[GROUP_MEMBER])
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        log_in(client, member)
        assert client.get("/admin/").status_code == 200
        traveller.shift(timedelta(seconds=settings.PORTAL_ADMIN_IDLE_TIMEOUT - 60))
        assert client.get("/admin/").status_code == 200
        traveller.shift(timedelta(seconds=settings.PORTAL_ADMIN_IDLE_TIMEOUT + 1))
        response = client.get("/admin/pages/")
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
        assert client.get("/admin/")["Location"].startswith("/admin/login/")
