"""Site search: blind to diacritics and case, filterable by type, exact document numbers."""

import pytest
from django.db import connection

from demo.factories.pages import NewsPageFactory, OfficialDocumentPageFactory, QAPageFactory
from tests.content_helpers import publish
from tests.services import require_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(site_pages):
    return {
        "news": publish(
            NewsPageFactory(
                parent=site_pages["news_index"],
                title="Lễ hội Trà Tân Cương năm 2025",
                summary="Du khách trải nghiệm sao chè thủ công.",
            )
        ),
        "decision": publish(
            OfficialDocumentPageFactory(
                parent=site_pages["document_index"],
                title="Quyết định kiện toàn Ban Biên tập",
                number="63/QĐ-UBND",
                summary="Kiện toàn Ban Biên tập Trang thông tin điện tử",
            )
        ),
        "plan": publish(
            OfficialDocumentPageFactory(
                parent=site_pages["document_index"],
                title="Kế hoạch chuyển đổi số",
                number="12/KH-UBND",
                document_type="ke-hoach",
                summary="Phát triển chính quyền số",
            )
        ),
        "answer": publish(
            QAPageFactory(
                parent=site_pages["qa_index"],
                title="Cấp giấy chứng nhận quyền sử dụng đất",
                question_text="Thủ tục cấp sổ đỏ lần đầu ra sao?",
                answer="<p>Nộp hồ sơ tại Bộ phận một cửa.</p>",
            )
        ),
    }


def result_titles(client, **params):
    html = client.get("/tim-kiem/", params).content.decode()
    results = html.split('<ol class="search-results">', 1)[-1].split("</ol>", 1)[0] if "search-results" in html else ""
    return {title for title in TITLES if title in results}


TITLES = (
    "Lễ hội Trà Tân Cương năm 2025",
    "Quyết định kiện toàn Ban Biên tập",
    "Kế hoạch chuyển đổi số",
    "Cấp giấy chứng nhận quyền sử dụng đất",
)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Tân Cương", {"Lễ hội Trà Tân Cương năm 2025"}),
        ("tan cuong", {"Lễ hội Trà Tân Cương năm 2025"}),
        ("TAN CUONG", {"Lễ hội Trà Tân Cương năm 2025"}),
        ("QUYET DINH", {"Quyết định kiện toàn Ban Biên tập"}),
        ("quyết định", {"Quyết định kiện toàn Ban Biên tập"}),
        ("chuyen doi so", {"Kế hoạch chuyển đổi số"}),
        ("dat", {"Cấp giấy chứng nhận quyền sử dụng đất"}),
        ("so do", {"Cấp giấy chứng nhận quyền sử dụng đất"}),
        ("ban bien tap", {"Quyết định kiện toàn Ban Biên tập"}),
        ("không có gì", set()),
    ],
)
def test_search_ignores_diacritics_and_case(content, client, query, expected):
    assert result_titles(client, q=query) == expected


def test_search_filters_by_type(content, client):
    assert result_titles(client, q="ke hoach chuyen doi so") == {"Kế hoạch chuyển đổi số"}
    assert result_titles(client, q="ke hoach chuyen doi so", loai="tin-tuc") == set()
    assert result_titles(client, q="thu tuc", loai="hoi-dap") == {"Cấp giấy chứng nhận quyền sử dụng đất"}


@pytest.mark.parametrize("query", ["63/QĐ-UBND", "63/qd-ubnd", " 63 / QĐ-UBND "])
def test_exact_document_number(content, client, query):
    html = client.get("/tim-kiem/", {"q": query}).content.decode()
    box = html.split('class="numbered"', 1)[1].split("</section>", 1)[0]
    assert content["decision"].url in box and "12/KH-UBND" not in box


def test_drafts_are_not_found(site_pages, client):
    NewsPageFactory(parent=site_pages["news_index"], title="Bản nháp Tân Cương", live=False)
    assert "Bản nháp Tân Cương" not in client.get("/tim-kiem/", {"q": "tan cuong"}).content.decode()


def test_postgresql_uses_the_unaccent_configuration(content):
    require_service(connection.vendor == "postgresql", "DATABASE_URL does not point at PostgreSQL")
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('portal_unaccent', 'Quyết định Tân Cương Đất')::text")
        vector = cursor.fetchone()[0]
    assert all(word in vector for word in ("'quyet'", "'dinh'", "'tan'", "'cuong'", "'dat'"))
    from django.conf import settings
    from wagtail.search.backends import get_search_backend

    assert settings.WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] == "portal_unaccent"
    backend = get_search_backend()
    assert backend.config == backend.autocomplete_config == "portal_unaccent"


def test_autocomplete_ignores_diacritics(content):
    from wagtail.models import Page

    titles = {page.title for page in Page.objects.live().autocomplete("tan cuo")}
    assert "Lễ hội Trà Tân Cương năm 2025" in titles
