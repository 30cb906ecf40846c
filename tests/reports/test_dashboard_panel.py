"""The dashboard takes the board and the Party Committee straight to the last complete reports."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from accounts.policy import GROUP_CONTRIBUTOR, GROUP_HEAD, GROUP_MEMBER, GROUP_OFFICIAL, GROUP_PARTY_COMMITTEE
from demo.factories.accounts import UserFactory
from tests.helpers import log_in
from tests.portal.test_admin_in_vietnamese import english_words_on
from tests.reports.conftest import HANOI

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/dinh-ky/"


def dashboard(client, user):
    log_in(client, user)
    with time_machine.travel(datetime.datetime(2026, 11, 29, 9, tzinfo=HANOI), tick=False):
        response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200 and response.templates[0].name == "wagtailadmin/home.html"
    return response


@pytest.mark.parametrize("group", [GROUP_PARTY_COMMITTEE, GROUP_HEAD, GROUP_MEMBER])
def test_report_readers_find_the_last_complete_periods_on_their_dashboard(client, site_pages, group):
    response = dashboard(client, UserFactory(groups=[group]))
    html = response.content.decode()
    assert 'id="recent-reports-content"' in html
    for key, label in (
        ("2026-10", "Tháng 10/2026"),
        ("2026-Q3", "Quý III/2026"),
        ("2026-H1", "6 tháng đầu năm 2026"),
        ("2025", "Năm 2025"),
    ):
        assert f'<a href="{REPORT}?period={key}">{label}</a>' in html
        assert f"{REPORT}?period={key}&amp;format=pdf" in html
        assert f"{REPORT}?period={key}&amp;format=xlsx" in html
    assert 'aria-label="Tải báo cáo Quý III/2026 dưới dạng PDF"' in html
    assert english_words_on(response) == []


@pytest.mark.parametrize("group", [GROUP_CONTRIBUTOR, GROUP_OFFICIAL])
def test_others_do_not_see_the_panel(client, site_pages, group):
    html = dashboard(client, UserFactory(groups=[group])).content.decode()
    assert 'id="recent-reports-content"' not in html and REPORT not in html


def test_every_link_on_the_panel_opens(client, site_pages):
    party = UserFactory(groups=[GROUP_PARTY_COMMITTEE])
    dashboard(client, party)
    with time_machine.travel(datetime.datetime(2026, 11, 29, 9, tzinfo=HANOI), tick=False):
        download = client.get(REPORT, {"period": "2026-Q3", "format": "pdf"})
    assert download.status_code == 200 and download.content.startswith(b"%PDF")
