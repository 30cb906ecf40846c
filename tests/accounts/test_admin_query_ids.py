"""Hostile ids in the admin's query strings answer 400 or 404, never 500 (issue 16, item 9)."""

import pytest
from django.contrib.auth import get_user_model

from accounts.policy import GROUP_CONTRIBUTOR, GROUP_HEAD, GROUP_MEMBER, GROUP_OFFICIAL, GROUP_PARTY_COMMITTEE
from demo.factories.accounts import UserFactory
from tests.helpers import log_in

pytestmark = pytest.mark.django_db

BAD_IDS = ["abc", "1%00", "99999999999999999999999999", "-1", "1.5", ""]

BULK_URLS = [
    "/admin/bulk/wagtailcore/page/publish/",
    "/admin/bulk/wagtailcore/page/unpublish/",
    "/admin/bulk/wagtailcore/page/delete/",
    "/admin/bulk/wagtailcore/page/move/",
    "/admin/bulk/assets/portalimage/delete/",
    "/admin/bulk/assets/portaldocument/delete/",
    "/admin/bulk/assets/portaldocument/add_to_collection/",
    "/admin/bulk/accounts/user/set_active_state/",
    "/admin/bulk/accounts/user/assign_role/",
    "/admin/bulk/workflows/calendarexception/delete/",
]
OTHER_URLS = [
    "/admin/pages/?p={id}",
    "/admin/pages/search/?p={id}",
    "/admin/choose-page/?parent_page_id={id}",
    "/admin/images/?collection_id={id}",
    "/admin/documents/?collection_id={id}",
    "/admin/images/multiple/add/?collection_id={id}",
    "/admin/documents/multiple/add/?collection_id={id}",
    "/admin/images/chooser/?collection_id={id}",
    "/admin/documents/chooser/?collection_id={id}",
    "/admin/users/?p={id}",
    "/admin/reports/site-history/?p={id}",
    "/admin/snippets/workflows/calendarexception/?p={id}",
]


def probe_urls():
    for url in BULK_URLS:
        for bad in BAD_IDS:
            yield f"{url}?id={bad}"
            yield f"{url}?id=all&childOf={bad}"
    for url in OTHER_URLS:
        for bad in BAD_IDS:
            yield url.format(id=bad)


ROLES = [
    GROUP_HEAD,
    GROUP_MEMBER,
    GROUP_CONTRIBUTOR,
    GROUP_OFFICIAL,
    GROUP_PARTY_COMMITTEE,
    "superuser",
]


@pytest.mark.parametrize("role", ROLES)
def test_no_admin_url_answers_500_to_a_hostile_id(client, site_pages, role):
    if role == "superuser":
        person = get_user_model().objects.create_superuser("quantri", "quantri@tancuong.example.vn", "x")
    else:
        person = UserFactory(username="nguoi", groups=[role])
    log_in(client, person)
    client.raise_request_exception = False
    errors = []
    for url in probe_urls():
        response = client.get(url)
        if response.status_code >= 500:
            errors.append((url, response.status_code))
    assert errors == []


@pytest.mark.parametrize("bad", ["abc", "%00", "1&id=%00", "99999999999999999999999999", "-1", "0", "1e3", "１"])
def test_a_hostile_bulk_id_is_a_bad_request(client, site_pages, bad):
    log_in(client, UserFactory(username="truongban", groups=[GROUP_HEAD]))
    response = client.get(f"/admin/bulk/wagtailcore/page/publish/?id={bad}")
    assert response.status_code == 400
    assert "không hợp lệ" in response.content.decode()
