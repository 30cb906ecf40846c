"""The deadlines panel on the admin's first screen and the deadlines report, for the right people."""

import csv
import datetime
import io
import zoneinfo

import openpyxl
import pytest
import time_machine
from django.urls import reverse

from accounts.policy import GROUP_CONTRIBUTOR, GROUP_HEAD, GROUP_MEMBER, GROUP_OFFICIAL
from demo.factories.accounts import UserFactory
from demo.factories.pages import NewsPageFactory, OfficialDocumentPageFactory
from tests.helpers import log_in
from workflows.calendar import is_working_day

pytestmark = pytest.mark.django_db

D = datetime.date
HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
# Wednesday 12/3/2025, 08:00 in Hà Nội.
NOW = datetime.datetime(2025, 3, 12, 8, 0, tzinfo=HANOI)


@pytest.fixture
def items(site_pages):
    """One overdue, one due today, one due tomorrow, one far off and one published on time."""
    news_index = site_pages["news_index"]
    pages = {
        "overdue": NewsPageFactory(parent=news_index, title="Ngày hội đại đoàn kết", event_date=D(2025, 3, 3)),
        "today": NewsPageFactory(parent=news_index, title="Tập huấn chuyển đổi số", event_date=D(2025, 3, 7)),
        "soon": OfficialDocumentPageFactory(
            parent=site_pages["document_index"], title="Quyết định 63/QĐ-UBND", signed_date=D(2025, 3, 12)
        ),
        "later": NewsPageFactory(parent=news_index, title="Hội thi văn nghệ", event_date=D(2025, 3, 20)),
        "done": NewsPageFactory(parent=news_index, title="Thu hoạch chè vụ xuân", event_date=D(2025, 3, 6)),
    }
    with time_machine.travel(datetime.datetime(2025, 3, 10, 9, 0, tzinfo=HANOI)):
        pages["done"].save_revision().publish()
    return pages


def user_in(group):
    return UserFactory(groups=[group])


@pytest.mark.parametrize("group", [GROUP_HEAD, GROUP_MEMBER])
def test_the_board_sees_late_and_due_items_on_the_dashboard(client, items, group):
    log_in(client, user_in(group))
    with time_machine.travel(NOW):
        response = client.get(reverse("wagtailadmin_home"))
    html = response.content.decode()
    assert response.status_code == 200
    sections = {
        name: html.split(f'data-deadline-section="{name}"')[1].split("</section>")[0]
        for name in ("overdue", "due-today", "due-soon")
    }
    assert "Ngày hội đại đoàn kết" in sections["overdue"]
    assert reverse("wagtailadmin_pages:edit", args=[items["overdue"].pk]) in sections["overdue"]
    assert "Tập huấn chuyển đổi số" in sections["due-today"]
    assert "Quyết định 63/QĐ-UBND" in sections["due-soon"] and "13/03/2025" in sections["due-soon"]
    assert "Hội thi văn nghệ" not in html
    assert "Thu hoạch chè vụ xuân" not in html


@pytest.mark.parametrize("group", [GROUP_CONTRIBUTOR, GROUP_OFFICIAL])
def test_contributors_do_not_get_the_panel(client, items, group):
    log_in(client, user_in(group))
    with time_machine.travel(NOW):
        response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert "data-deadline-section" not in response.content.decode()
    assert "Ngày hội đại đoàn kết" not in response.content.decode()


def test_report_lists_every_item_with_its_status_and_filters(client, items):
    log_in(client, user_in(GROUP_MEMBER))
    url = reverse("workflows_deadlines:index")
    with time_machine.travel(NOW):
        html = client.get(url).content.decode()
        overdue_only = client.get(url, {"status": "overdue"}).content.decode()
        documents_only = client.get(url, {"kind": "document"}).content.decode()
        on_time_only = client.get(url, {"status": "on_time"}).content.decode()
    for page in items.values():
        assert page.title in html
    assert "Ngày hội đại đoàn kết" in overdue_only and "Tập huấn chuyển đổi số" not in overdue_only
    assert "Quyết định 63/QĐ-UBND" in documents_only and "Hội thi văn nghệ" not in documents_only
    assert "Thu hoạch chè vụ xuân" in on_time_only and "Ngày hội đại đoàn kết" not in on_time_only


def test_report_exports_csv_and_xlsx(client, items):
    log_in(client, user_in(GROUP_HEAD))
    url = reverse("workflows_deadlines:index")
    with time_machine.travel(NOW):
        csv_response = client.get(url, {"export": "csv", "kind": "news"})
        xlsx_response = client.get(url, {"export": "xlsx"})
    rows = list(csv.reader(io.StringIO(b"".join(csv_response.streaming_content).decode())))
    by_title = {row[1]: row for row in rows[1:]}
    assert set(by_title) == {
        "Ngày hội đại đoàn kết",
        "Tập huấn chuyển đổi số",
        "Hội thi văn nghệ",
        "Thu hoạch chè vụ xuân",
    }
    assert by_title["Thu hoạch chè vụ xuân"][2:] == ["06/03/2025", "11/03/2025", "10/03/2025", "Đúng hạn"]
    assert by_title["Ngày hội đại đoàn kết"][3:] == ["06/03/2025", "", "Quá hạn"]

    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_response.getvalue())).active
    values = list(sheet.values)
    assert len(values) == 1 + len(items)
    assert ("Văn bản", "Quyết định 63/QĐ-UBND") == values[[row[1] for row in values].index("Quyết định 63/QĐ-UBND")][:2]


@pytest.mark.parametrize("group", [GROUP_CONTRIBUTOR, GROUP_OFFICIAL])
def test_report_is_refused_to_contributors(client, items, group):
    log_in(client, user_in(group))
    url = reverse("workflows_deadlines:index")
    for params in ({}, {"export": "csv"}):
        response = client.get(url, params)
        assert response.status_code in (302, 403)
        assert "Ngày hội đại đoàn kết" not in response.content.decode()
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert url not in menu


def test_only_the_head_edits_the_calendar(client):
    url = reverse("wagtailsnippets_workflows_calendarexception:list")
    log_in(client, user_in(GROUP_HEAD))
    response = client.get(url)
    assert response.status_code == 200
    assert "Tết Âm lịch Bính Ngọ" in response.content.decode()

    add = client.post(
        reverse("wagtailsnippets_workflows_calendarexception:add"),
        {"date": "2025-03-15", "is_working_day": "on", "note": "Làm bù theo quyết định của UBND xã"},
    )
    assert add.status_code == 302
    assert is_working_day(D(2025, 3, 15))

    client.logout()
    log_in(client, user_in(GROUP_MEMBER))
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert "Tết Âm lịch Bính Ngọ" not in response.content.decode()


@pytest.mark.parametrize("extra_articles", [5, 40])
def test_deadlines_report_runs_a_constant_number_of_queries(
    client, site_pages, extra_articles, django_assert_max_num_queries
):
    # Each due date needs the calendar; it is read once per page, not once per item.
    for number in range(extra_articles):
        NewsPageFactory(parent=site_pages["news_index"], title=f"Tin số {number}", event_date=D(2025, 3, 3))
    log_in(client, user_in(GROUP_MEMBER))
    with time_machine.travel(NOW), django_assert_max_num_queries(30):
        response = client.get(reverse("workflows_deadlines:index"))
    assert response.status_code == 200
    assert f"Tin số {extra_articles - 1}" in response.content.decode()
