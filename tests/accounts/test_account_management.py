"""The head manages the board's accounts in the users admin without being a superuser (Điều 3–4)."""

import pytest
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from accounts.policy import GROUP_CONTRIBUTOR, GROUP_HEAD, GROUP_MEMBER, GROUP_OFFICIAL, GROUP_PARTY_COMMITTEE
from accounts.services import replace_recovery_codes
from demo.factories.accounts import UserFactory
from tests.accounts.utils import sign_in_with_password
from tests.helpers import log_in
from tests.workflows.conftest import as_user

pytestmark = pytest.mark.django_db

User = get_user_model()
PASSWORD = "Che-Tan-Cuong-2026!"
ADD_URL = reverse("wagtailusers_users:add")
INDEX_URL = reverse("wagtailusers_users:index")


def edit_url(account):
    return reverse("wagtailusers_users:edit", args=[account.pk])


def group(name):
    return Group.objects.get(name=name)


def actions_logged(account):
    return list(ModelLogEntry.objects.for_instance(account).order_by("timestamp").values_list("action", flat=True))


def refused(response):
    """Wagtail answers a refused admin request with 403 or a redirect to the dashboard."""
    return response.status_code == 403 or (response.status_code == 302 and response.url == reverse("wagtailadmin_home"))


def account_form(group_name, **overrides):
    data = {
        "username": "ctv.moi",
        "email": "ctv.moi@tancuong.example.vn",
        "first_name": "Lan",
        "last_name": "Nguyễn Thị",
        "job_title": "Cộng tác viên thôn Hích",
        "phone": "0912000111",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "groups": str(group(group_name).pk),
    }
    data.update(overrides)
    return data


def edit_form(account, group_name, active=True, **overrides):
    data = {
        "username": account.username,
        "email": account.email,
        "first_name": account.first_name,
        "last_name": account.last_name,
        "job_title": account.job_title,
        "phone": account.phone,
        "password1": "",
        "password2": "",
        "groups": str(group(group_name).pk),
    }
    if active:
        data["is_active"] = "on"
    data.update(overrides)
    return data


@pytest.fixture
def head(db):
    return UserFactory(username="truongban", groups=[GROUP_HEAD])


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("quantri", "quantri@tancuong.example.vn", PASSWORD)


def test_head_creates_an_account_in_one_board_group(client, head):
    log_in(client, head)
    form = client.get(ADD_URL).content.decode()
    assert 'name="is_superuser"' not in form
    response = client.post(ADD_URL, account_form(GROUP_CONTRIBUTOR))
    assert response.status_code == 302, response.content.decode()[:2000]
    account = User.objects.get(username="ctv.moi")
    assert list(account.groups.values_list("name", flat=True)) == [GROUP_CONTRIBUTOR]
    assert not account.is_superuser and not account.is_staff and account.is_active
    assert account.job_title == "Cộng tác viên thôn Hích"
    assert account.check_password(PASSWORD)
    assert actions_logged(account) == ["wagtail.create"]


def test_head_moves_an_account_to_another_group(client, head):
    account = UserFactory(username="ctv1", groups=[GROUP_CONTRIBUTOR])
    log_in(client, head)
    response = client.post(edit_url(account), edit_form(account, GROUP_MEMBER))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(account.groups.values_list("name", flat=True)) == [GROUP_MEMBER]
    entry = ModelLogEntry.objects.for_instance(account).get(action="accounts.change_group")
    assert entry.user == head
    assert entry.data == {"from": [GROUP_CONTRIBUTOR], "to": [GROUP_MEMBER]}


def test_head_deactivates_an_account_which_is_kept(client, head):
    account = UserFactory(username="canbo1", groups=[GROUP_OFFICIAL])
    log_in(client, head)
    response = client.post(edit_url(account), edit_form(account, GROUP_OFFICIAL, active=False))
    assert response.status_code == 302
    account.refresh_from_db()
    assert not account.is_active
    assert ModelLogEntry.objects.for_instance(account).filter(action="accounts.deactivate", user=head).exists()
    # History is kept: nobody but a superuser deletes an account, not even the head.
    assert refused(client.get(reverse("wagtailusers_users:delete", args=[account.pk])))
    assert refused(client.post(reverse("wagtailusers_users:delete", args=[account.pk])))
    assert User.objects.filter(pk=account.pk).exists()
    client.logout()
    sign_in_with_password(client, "canbo1")
    assert SESSION_KEY not in client.session


def test_head_resets_the_second_factor_and_the_member_enrols_again(client, head):
    member = UserFactory(username="thanhvien1", groups=[GROUP_MEMBER])
    TOTPDevice.objects.create(user=member, name="phone", confirmed=True)
    replace_recovery_codes(member)
    member_client = log_in(client.__class__(), member)
    assert member_client.get("/admin/").status_code == 200

    log_in(client, head)
    url = reverse("accounts_reset_two_factor", args=[member.pk])
    assert "Đặt lại xác thực hai bước" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=member).exists()
    assert not StaticDevice.objects.filter(user=member).exists()
    entry = ModelLogEntry.objects.for_instance(member).get(action="accounts.reset_two_factor")
    assert entry.user == head

    # The old session is over; at the next sign-in the member must set up an authenticator.
    assert member_client.get("/admin/").status_code == 302
    member_client.force_login(member)
    assert member_client.get("/admin/").url.startswith(reverse("accounts_enrol"))


def test_head_cannot_make_a_superuser_even_with_a_forged_post(client, head):
    log_in(client, head)
    perm = Permission.objects.get(codename="publish_page")
    forged = account_form(
        GROUP_CONTRIBUTOR,
        is_superuser="on",
        is_staff="on",
        user_permissions=[str(perm.pk)],
        compromised_at="2026-01-01 00:00",
    )
    assert client.post(ADD_URL, forged).status_code == 302
    account = User.objects.get(username="ctv.moi")
    assert not account.is_superuser and not account.is_staff
    assert not account.user_permissions.exists() and account.compromised_at is None

    forged_edit = edit_form(account, GROUP_CONTRIBUTOR, is_superuser="on", is_staff="on")
    assert client.post(edit_url(account), forged_edit).status_code == 302
    account.refresh_from_db()
    assert not account.is_superuser and not account.is_staff


@pytest.mark.parametrize("forged_groups", ["outside", "two", "none"])
def test_head_gives_no_group_outside_the_five_nor_two_at_once(client, head, forged_groups):
    outside = Group.objects.create(name="Quản trị hệ thống")
    choices = {
        "outside": [str(outside.pk)],
        "two": [str(group(GROUP_MEMBER).pk), str(group(GROUP_HEAD).pk)],
        "none": [],
    }[forged_groups]
    log_in(client, head)
    response = client.post(ADD_URL, account_form(GROUP_CONTRIBUTOR, groups=choices))
    assert response.status_code == 200
    assert not User.objects.filter(username="ctv.moi").exists()

    account = UserFactory(username="ctv1", groups=[GROUP_CONTRIBUTOR])
    response = client.post(edit_url(account), edit_form(account, GROUP_CONTRIBUTOR, groups=choices))
    assert response.status_code == 200
    assert list(account.groups.values_list("name", flat=True)) == [GROUP_CONTRIBUTOR]


def test_head_cannot_see_or_edit_a_superuser_or_an_account_outside_the_board(client, head, superuser):
    outsider = UserFactory(username="ngoai", groups=[])
    outsider.groups.add(Group.objects.create(name="Quản trị hệ thống"))
    log_in(client, head)
    listing = client.get(INDEX_URL).content.decode()
    assert "quantri" not in listing and "ngoai" not in listing
    for account in (superuser, outsider):
        assert refused(client.get(edit_url(account)))
        assert refused(client.post(edit_url(account), edit_form(account, GROUP_CONTRIBUTOR, active=False)))
        account.refresh_from_db()
        assert account.is_active
        assert refused(client.post(reverse("accounts_reset_two_factor", args=[account.pk])))
    assert superuser.is_superuser


def test_bulk_actions_stay_within_the_board(client, head, superuser):
    outside = Group.objects.create(name="Quản trị hệ thống")
    account = UserFactory(username="ctv1", groups=[GROUP_CONTRIBUTOR])
    log_in(client, head)
    set_active = reverse("wagtail_bulk_action", args=["accounts", "user", "set_active_state"])
    client.post(f"{set_active}?id={superuser.pk}&id={account.pk}", {"mark_as_active": "False"})
    superuser.refresh_from_db()
    account.refresh_from_db()
    assert superuser.is_active and not account.is_active
    assert ModelLogEntry.objects.for_instance(account).filter(action="accounts.deactivate", user=head).exists()

    assign = reverse("wagtail_bulk_action", args=["accounts", "user", "assign_role"])
    client.post(f"{assign}?id={account.pk}", {"role": str(outside.pk)})
    assert not account.groups.filter(pk=outside.pk).exists()
    client.post(f"{assign}?id={account.pk}", {"role": str(group(GROUP_MEMBER).pk)})
    assert list(account.groups.values_list("name", flat=True)) == [GROUP_MEMBER]


@pytest.mark.parametrize(
    "group_name",
    [GROUP_MEMBER, GROUP_CONTRIBUTOR, GROUP_OFFICIAL, GROUP_PARTY_COMMITTEE],
)
def test_other_roles_cannot_manage_accounts(client, group_name):
    person = UserFactory(username="nguoi", groups=[group_name])
    account = UserFactory(username="ctv1", groups=[GROUP_CONTRIBUTOR])
    TOTPDevice.objects.create(user=account, name="phone", confirmed=True)
    as_user(client, person)
    for url in (INDEX_URL, ADD_URL, edit_url(account), reverse("accounts_reset_two_factor", args=[account.pk])):
        assert refused(client.get(url)), url
    assert refused(client.post(ADD_URL, account_form(GROUP_HEAD)))
    assert not User.objects.filter(username="ctv.moi").exists()
    assert refused(client.post(reverse("accounts_reset_two_factor", args=[account.pk])))
    assert TOTPDevice.objects.filter(user=account).exists()
