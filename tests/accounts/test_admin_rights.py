"""Admin rights as DESIGN §2 draws them (issue 16, item 7): confidential titles and Wagtail's reports."""

import json

import pytest
from django.urls import reverse

from accounts.policy import GROUP_CONTRIBUTOR, GROUP_HEAD, GROUP_MEMBER, GROUP_OFFICIAL, GROUP_PARTY_COMMITTEE
from demo.factories.accounts import UserFactory
from demo.factories.pages import OfficialDocumentPageFactory
from tests.helpers import log_in

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Kế hoạch bảo vệ bí mật số 07"
OUTSIDE_THE_BOARD = [GROUP_CONTRIBUTOR, GROUP_OFFICIAL, GROUP_PARTY_COMMITTEE]
WAGTAIL_REPORTS = [
    "wagtailadmin_reports:site_history",
    "wagtailadmin_reports:aging_pages",
    "wagtailadmin_reports:locked_pages",
    "wagtailadmin_reports:workflow",
    "wagtailadmin_reports:workflow_tasks",
    "wagtailadmin_reports:page_types_usage",
]


@pytest.fixture
def secret(site_pages):
    head = UserFactory(username="truongban", groups=[GROUP_HEAD])
    page = OfficialDocumentPageFactory(
        parent=site_pages["document_index"], title=SECRET_TITLE, confidential=True, live=False, owner=head
    )
    page.save_revision(user=head)
    return page


def text(response):
    """What the person reads: the HTML, also when it comes inside a JSON answer (choosers, API)."""
    if response.get("Content-Type", "").startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    return response.content.decode()


def admin_views_listing_documents(site_pages):
    index = site_pages["document_index"]
    return [
        reverse("wagtailadmin_explore", args=[index.pk]),
        reverse("wagtailadmin_pages:search") + "?q=bí+mật",
        reverse("wagtailadmin_pages:search") + "?q=Kế+hoạch",
        reverse("wagtailadmin_choose_page_child", args=[index.pk]),
        reverse("wagtailadmin_choose_page_search") + "?q=bí+mật",
        reverse("wagtailadmin_api:pages:listing") + f"?child_of={index.pk}&for_explorer=1",
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailadmin_reports:aging_pages"),
    ]


@pytest.mark.parametrize("group_name", OUTSIDE_THE_BOARD)
def test_outside_the_board_nobody_reads_a_confidential_title_in_the_admin(client, site_pages, secret, group_name):
    person = UserFactory(username="nguoi", groups=[group_name])
    OfficialDocumentPageFactory(parent=site_pages["document_index"], title="Quyết định công khai", owner=person)
    log_in(client, person)
    for url in admin_views_listing_documents(site_pages):
        response = client.get(url, follow=True)
        assert SECRET_TITLE not in text(response), url


@pytest.mark.parametrize("group_name", [GROUP_HEAD, GROUP_MEMBER])
def test_the_board_finds_confidential_documents_in_the_register(client, site_pages, secret, group_name):
    log_in(client, UserFactory(username="nguoi", groups=[group_name]))
    explorer = client.get(reverse("wagtailadmin_explore", args=[site_pages["document_index"].pk]))
    assert SECRET_TITLE in text(explorer)
    chooser = client.get(reverse("wagtailadmin_choose_page_child", args=[site_pages["document_index"].pk]))
    assert SECRET_TITLE in text(chooser)


@pytest.mark.parametrize("group_name", OUTSIDE_THE_BOARD)
def test_wagtail_reports_are_closed_outside_the_board(client, site_pages, group_name):
    log_in(client, UserFactory(username="nguoi", groups=[group_name]))
    for name in WAGTAIL_REPORTS:
        for url in (reverse(name), reverse(f"{name}_results")):
            assert client.get(url).status_code == 403, url
    assert client.get(reverse("wagtailadmin_reports:site_history") + "?export=xlsx").status_code == 403
