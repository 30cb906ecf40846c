"""The periodic report in the admin: who may open it, what it shows, and that it stays cheap."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse

from accounts.policy import GROUP_CONTRIBUTOR, GROUP_OFFICIAL
from demo.factories.accounts import UserFactory
from demo.factories.pages import NewsPageFactory, OfficialDocumentPageFactory
from tests.content_helpers import publish
from tests.helpers import log_in
from tests.reports.conftest import HANOI, at

pytestmark = pytest.mark.django_db

URL = "/admin/reports/dinh-ky/"


@pytest.fixture
def after_the_quarter():
    with time_machine.travel(datetime.datetime(2025, 4, 15, 9, tzinfo=HANOI), tick=False):
        yield


def test_url_is_the_stable_one():
    assert reverse("reports_periodic") == URL


def test_the_head_sees_last_quarter_by_default(client, quarter, after_the_quarter):
    log_in(client, quarter["head"])
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Báo cáo định kỳ" in html
    assert "Quý I/2025" in html
    assert response.context["period"].key == "2025-Q1"


def test_the_screen_shows_the_figures_and_draws_the_charts(client, quarter, after_the_quarter):
    log_in(client, quarter["member"])
    response = client.get(URL, {"period": "2025-Q1"})
    html = response.content.decode()
    # Four bar charts; the longest bar of "by kind" is the three answers, half of it the article.
    assert html.count('<figure class="report-chart">') == 4
    items_chart = html[
        html.index('id="chart-items-title"') : html.index("</svg>", html.index('id="chart-items-title"'))
    ]
    assert 'width="320"' in items_chart and 'width="107"' in items_chart
    assert "Trả lời công dân" in items_chart
    # Figures written the Vietnamese way, from the quarter's publications and questions.
    assert "1.989.000 đ" in html  # royalties of the quarter
    assert "936.000 đ" in html  # An's royalties
    assert "55,6%" in html  # 5 of 9 deadlines met
    assert "50 / 58" in html  # working days without an update
    assert "Hoàng Dũng" in html and "Phạm Bình" in html
    assert "02/01/2025" in html  # a day without an update
    assert "Cách tính số liệu" in html
    # No chart library and no CDN: the charts are the project's own SVG, every script is local.
    assert not re.findall(r'<(?:script|link)[^>]+(?:src|href)="(?:https?:)?//', html)


def test_a_bad_period_is_explained_and_the_default_is_shown(client, quarter, after_the_quarter):
    log_in(client, quarter["head"])
    response = client.get(URL, {"period": "2025-Q5"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "không phải là kỳ báo cáo" in html
    assert response.context["period"].key == "2025-Q1"
    future = client.get(URL, {"period": "2025-Q3"})
    assert "chưa bắt đầu" in future.content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"period": "2025-Q5", "format": "xlsx"}, "không phải là kỳ báo cáo"),
        ({"period": "2025-Q3", "format": "pdf"}, "chưa bắt đầu"),
        ({"period": "2025-Q1", "format": "docx"}, "chỉ tải được dưới dạng XLSX hoặc PDF"),
    ],
)
def test_a_download_that_cannot_be_made_is_refused_not_saved_as_a_page(
    client, quarter, after_the_quarter, query, message
):
    log_in(client, quarter["head"])
    response = client.get(URL, query)
    assert response.status_code == 400
    assert "Content-Disposition" not in response
    assert message in response.content.decode()


@pytest.mark.parametrize("role", ["head", "member", "party"])
def test_the_board_and_the_party_committee_may_read_it(client, quarter, after_the_quarter, role):
    log_in(client, quarter[role])
    assert client.get(URL).status_code == 200
    assert client.get(URL, {"period": "2025-Q1", "format": "xlsx"}).status_code == 200
    assert client.get(URL, {"period": "2025-Q1", "format": "pdf"}).status_code == 200
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert URL in menu


@pytest.mark.parametrize("group", [GROUP_CONTRIBUTOR, GROUP_OFFICIAL])
def test_contributors_and_officials_may_not(client, quarter, after_the_quarter, group):
    log_in(client, UserFactory(groups=[group]))
    assert client.get(URL).status_code == 403
    assert client.get(URL, {"period": "2025-Q1", "format": "xlsx"}).status_code == 403
    assert client.get(URL, {"period": "2025-Q1", "format": "pdf"}).status_code == 403
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert URL not in menu


def test_anonymous_visitors_are_sent_to_log_in(client, site_pages):
    response = client.get(URL, {"format": "pdf"})
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


def grow(site_pages, owner, count):
    """`count` more published articles and documents in March 2025, each with a deadline."""
    for n in range(count):
        with at(datetime.date(2025, 3, 4) + datetime.timedelta(days=n % 20)):
            publish(NewsPageFactory(parent=site_pages["news_index"], owner=owner, live=False, title=f"Tin thêm {n}"))
            publish(
                OfficialDocumentPageFactory(
                    parent=site_pages["document_index"], owner=owner, live=False, signed_date=datetime.date(2025, 3, 3)
                )
            )


# Measured: 44 with 0, 5 and 40 extra items (session, menu and permission checks included);
# the XLSX and PDF downloads take 30.
QUERY_CEILING = 45


@pytest.mark.parametrize("extra", [5, 40])
def test_query_count_does_not_grow_with_the_content(client, quarter, site_pages, django_assert_max_num_queries, extra):
    grow(site_pages, quarter["binh"], extra)
    with time_machine.travel(datetime.datetime(2025, 4, 15, 9, tzinfo=HANOI), tick=False):
        log_in(client, quarter["head"])
        with django_assert_max_num_queries(QUERY_CEILING):
            response = client.get(URL, {"period": "2025-Q1"})
    assert response.status_code == 200
    assert response.context["report"].items_total == 8 + 2 * extra


def test_an_older_period_stays_selected_in_the_picker(client, quarter, after_the_quarter):
    log_in(client, quarter["head"])
    html = client.get(URL, {"period": "2022-Q1"}).content.decode()
    assert '<option value="2022-Q1" selected>Quý I/2022</option>' in html
    assert '<optgroup label="Quý">' in html
