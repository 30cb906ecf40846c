"""Search at any size (issue 18): GIN index, bounded ranking, capped count, constant queries.

PostgreSQL's path (the index entries of Wagtail's database backend) is what these tests are
about; they skip, with the reason, when DATABASE_URL is not PostgreSQL (under CI=true it is, and
nothing skips). The folded-substring path of SQLite is covered by tests/portal/test_search.py on
both databases.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from demo.factories.pages import NewsPageFactory, OfficialDocumentPageFactory, QAPageFactory
from documents.models import OfficialDocumentPage
from search import services, views
from tests.content_helpers import publish
from tests.services import require_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def postgresql():
    require_service(connection.vendor == "postgresql", "DATABASE_URL does not point at PostgreSQL")


def news(site_pages, title, summary="Tin của xã.", days_ago=0):
    page = publish(NewsPageFactory(parent=site_pages["news_index"], title=title, summary=summary))
    moment = timezone.now() - datetime.timedelta(days=days_ago)
    Page.objects.filter(pk=page.pk).update(first_published_at=moment)
    return page


def titles(results, start=0, stop=None):
    return [page.title for page in results[start : len(results) if stop is None else stop]]


def result_list(html):
    return html.split('<ol class="search-results">', 1)[1].split("</ol>", 1)[0]


def test_every_word_folded_and_the_title_first(postgresql, site_pages):
    body_only = news(site_pages, "Thông báo của xã", summary="Mùa thu hoạch chè Tân Cương đã bắt đầu.")
    in_title = news(site_pages, "Chè Tân Cương vào vụ thu hoạch", days_ago=3)
    news(site_pages, "Chè Thái Nguyên", summary="Không nhắc đến nơi kia.")
    found = services.search_site("che tan cuong")
    assert titles(found) == [in_title.title, body_only.title]
    assert found.more_than is None


def test_the_newest_matches_are_ranked_and_the_count_is_capped(postgresql, site_pages, client, monkeypatch):
    monkeypatch.setattr(services, "RANKED_MATCHES", 3)
    monkeypatch.setattr(views, "RESULTS_PER_PAGE", 2)
    oldest_in_title = news(site_pages, "Phòng chống bão số 3", days_ago=40)
    body = [news(site_pages, f"Tin số {n}", summary="Nhắc dân phòng chống bão.", days_ago=n) for n in (1, 2, 5)]
    newest_in_title = news(site_pages, "Phòng chống bão: xã ra quân", days_ago=4)

    found = services.search_site("phong chong bao")
    # The three newest matches, the one with the words in its title first; the old one is left out.
    assert len(found) == 3 and found.more_than == 3
    assert titles(found)[0] == newest_in_title.title
    assert set(titles(found)) == {newest_in_title.title, body[0].title, body[1].title}
    assert oldest_in_title.title not in titles(found)

    first = client.get("/tim-kiem/", {"q": "phong chong bao"}).content.decode()
    second = client.get("/tim-kiem/", {"q": "phong chong bao", "page": 2}).content.decode()
    shown = [title for title in titles(found) if title in result_list(first)]
    shown_next = [title for title in titles(found) if title in result_list(second)]
    assert shown == titles(found)[:2] and shown_next == titles(found)[2:]
    assert "hơn 3" in first


def test_a_confidential_document_still_in_the_index_is_never_shown(postgresql, site_pages):
    page = publish(
        OfficialDocumentPageFactory(
            parent=site_pages["document_index"], title="Phương án tuyệt mật", number="7/PA-UBND", summary="Bí mật"
        )
    )
    assert titles(services.search_site("tuyet mat")) == ["Phương án tuyệt mật"]
    # Marked behind the signals' back: its index entry stays, search must still leave it out.
    OfficialDocumentPage.objects.filter(pk=page.pk).update(confidential=True)
    assert titles(services.search_site("tuyet mat")) == []


def test_kind_filter_on_the_index(postgresql, site_pages):
    news(site_pages, "Đăng ký khai sinh trực tuyến")
    publish(QAPageFactory(parent=site_pages["qa_index"], title="Đăng ký khai sinh ở đâu?", question_text="Hỏi"))
    assert titles(services.search_site("khai sinh", "hoi-dap")) == ["Đăng ký khai sinh ở đâu?"]
    assert titles(services.search_site("khai sinh", "tin-tuc")) == ["Đăng ký khai sinh trực tuyến"]
    assert len(services.search_site("khai sinh")) == 2


def test_no_word_costs_no_query_and_no_match_one(postgresql, site_pages, django_assert_num_queries):
    news(site_pages, "Lễ hội Trà")
    with django_assert_num_queries(0):
        assert len(services.search_site("— ! ?")) == 0
    services.search_site("le hoi")  # content types are cached from here on
    with django_assert_num_queries(1):
        found = services.search_site("zzzyyx")
        assert len(found) == 0 and titles(found) == []


def test_the_gin_index_serves_the_match(postgresql, site_pages):
    news(site_pages, "Lễ hội Trà Tân Cương")
    matching = IndexEntry.objects.annotate(_text=services.entry_text()).filter(
        _text=services._tsquery("tan cuong", "portal_unaccent")
    )
    sql, params = matching.query.sql_with_params()
    with connection.cursor() as cursor:
        # With a handful of rows a sequential scan is cheaper; forbid it to see whether the index can serve.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "search_indexentry_title_body_gin" in plan


def count_queries(client, query):
    client.get("/tim-kiem/", {"q": "nong"})  # fills the shared caches (menus, settings) that a publication empties
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/tim-kiem/", {"q": query})
    assert response.status_code == 200
    return len(queries.captured_queries)


def test_query_count_does_not_grow_with_the_results(postgresql, site_pages, client):
    for n in range(2):
        news(site_pages, f"Nông thôn mới {n}")
    few = count_queries(client, "nong thon")
    for n in range(2, 14):
        news(site_pages, f"Nông thôn mới {n}")
    publish(QAPageFactory(parent=site_pages["qa_index"], title="Nông thôn mới hỏi", question_text="Hỏi"))
    publish(OfficialDocumentPageFactory(parent=site_pages["document_index"], title="Nông thôn mới văn bản"))
    # One query more per page type on the page shown (news, answer, document: three, not one); none per result.
    assert count_queries(client, "nong thon") <= few + 2
