"""Every admin menu URL, as each role, against the table of DESIGN §2 (issue 16, item 7).

The URLs come from Wagtail's menu registry (the main menu and every submenu, reports and settings
included), so a menu item added later without a line here fails the test.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.admin.menu import SubmenuMenuItem, admin_menu

from accounts.policy import GROUP_CONTRIBUTOR, GROUP_HEAD, GROUP_MEMBER, GROUP_OFFICIAL, GROUP_PARTY_COMMITTEE
from demo.factories.accounts import UserFactory
from tests.helpers import log_in

pytestmark = pytest.mark.django_db

HEAD, MEMBER, CONTRIBUTOR, OFFICIAL, PARTY = "head", "member", "contributor", "official", "party"
GROUPS = {
    HEAD: GROUP_HEAD,
    MEMBER: GROUP_MEMBER,
    CONTRIBUTOR: GROUP_CONTRIBUTOR,
    OFFICIAL: GROUP_OFFICIAL,
    PARTY: GROUP_PARTY_COMMITTEE,
}
EVERYONE = set(GROUPS)
BOARD = {HEAD, MEMBER}
WRITERS = {HEAD, MEMBER, CONTRIBUTOR}

# Who opens each menu item (200); everyone else is refused (302 to the dashboard, 403 or 404).
EXPECTED = {
    # Every account: its own security page (2FA, recovery codes, "báo mất mật khẩu").
    "bao-mat-tai-khoan": EVERYONE,
    # The head keeps the accounts, the working-day calendar, the workflow and royalty rates (§2).
    "tai-khoan-ban-bien-tap": {HEAD},
    "lich-ngay-lam-viec": {HEAD},
    # What the portal e-mailed to whom and whether it went out: the head only (outbox 0002).
    "hop-thu-di": {HEAD},
    "settings/users": {HEAD},
    "settings/workflows": {HEAD},
    "settings/workflow-tasks": {HEAD},
    # Royalties: the head edits, the members see (workflows 0008).
    "nhuan-but/cac-khoan-nhuan-but": BOARD,
    "nhuan-but/bang-he-so-nhuan-but": BOARD,
    "nhuan-but/muc-luong-co-so": BOARD,
    "nhuan-but/du-toan-nhuan-but": BOARD,
    "nhuan-but/bang-ke-nhuan-but": BOARD,
    # Residents' questions: the board assigns them, officials draft the answers assigned to them.
    "cau-hoi-cua-cong-dan": BOARD | {OFFICIAL},
    # Content: the head, members and contributors write; officials only choose media.
    "explorer": WRITERS,
    "images": WRITERS,
    "documents": WRITERS,
    # Reports: the board's; the Party Committee reads the periodic report only (Điều 4).
    # The deadlines report carries the on-time figures the Party Committee is sent (Điều 4).
    "reports/thoi-han-xuat-ban": BOARD | {PARTY},
    "reports/tinh-hinh-duyet-tin-bai": BOARD,
    "reports/bao-cao-u0111inh-ky": BOARD | {PARTY},
    "reports/ban-dich": BOARD,
    "reports/locked-pages": {HEAD},
    "reports/workflows": BOARD,
    "reports/workflow-tasks": BOARD,
    "reports/site-history": BOARD,
    "reports/aging-pages": BOARD,
    "reports/page-types-usage": BOARD,
    # Wagtail's form submissions: a listing of the form pages one may edit (the portal has none).
    "forms": WRITERS,
    # The snippets index sends a person with one snippet model straight to it (302).
    "snippets": set(),
    # Site-wide settings, sites, collections, groups, redirects: superusers only.
    "settings/cau-hinh-trang-thong-tin": set(),
    "settings/ngon-ngu": set(),
    "settings/redirects": set(),
    "settings/sites": set(),
    "settings/collections": set(),
    "settings/groups": set(),
}


def menu_urls(menu=admin_menu, prefix=""):
    """{name: url} of every registered admin menu item, submenus flattened as "submenu/item"."""
    # Viewsets add their menu items when the admin's URLs load; the registry is read once.
    reverse("wagtailadmin_home")
    urls = {}
    for item in menu.registered_menu_items:
        if isinstance(item, SubmenuMenuItem):
            urls.update(menu_urls(item.menu, f"{prefix}{item.name}/"))
        elif item.url.startswith("/admin/"):
            urls[f"{prefix}{item.name}"] = item.url
    return urls


def test_the_table_names_every_menu_item():
    assert set(menu_urls()) == set(EXPECTED)


@pytest.mark.parametrize("role", list(GROUPS))
def test_each_role_opens_exactly_its_menu_items(client, site_pages, role):
    log_in(client, UserFactory(username=f"nguoi-{role}", groups=[GROUPS[role]]))
    opened, refused, other = set(), set(), {}
    for name, url in menu_urls().items():
        status = client.get(url).status_code
        if status == 200:
            opened.add(name)
        elif status in (302, 403, 404):
            refused.add(name)
        else:
            other[name] = status
    assert other == {}
    assert opened == {name for name, roles in EXPECTED.items() if role in roles}


def test_a_superuser_opens_every_menu_item(client, site_pages):
    log_in(client, get_user_model().objects.create_superuser("quantri", "quantri@tancuong.example.vn", "x"))
    statuses = {name: client.get(url).status_code for name, url in menu_urls().items()}
    # The head's own pages send others away; the snippets index and the site settings redirect.
    redirected = {"tai-khoan-ban-bien-tap", "snippets", "settings/cau-hinh-trang-thong-tin"}
    assert statuses == {name: 302 if name in redirected else 200 for name in EXPECTED}
