"""News: lists by category and tag with pagination, article details, RSS, validation."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.test.utils import WagtailPageTestCase

from demo.factories.accounts import UserFactory
from demo.factories.pages import NewsPageFactory
from news.models import NEWS_PER_PAGE, NewsIndexPage, NewsPage
from tests.content_helpers import parse_xml, publish

pytestmark = pytest.mark.django_db


class NewsTreeTests(WagtailPageTestCase):
    def test_tree_rules(self):
        from home.models import HomePage

        self.assertCanCreateAt(HomePage, NewsIndexPage)
        self.assertCanCreateAt(NewsIndexPage, NewsPage)
        self.assertAllowedSubpageTypes(NewsPage, {})


def test_article_shows_date_author_source_and_related(site_pages, client):
    author = UserFactory(first_name="Hà", last_name="Nguyễn Thu")
    article = publish(
        NewsPageFactory(
            parent=site_pages["news_index"],
            title="Du lịch chè Thái Nguyên",
            author=author,
            is_republished=True,
            source="Báo Thái Nguyên",
            category="khac",
        )
    )
    article.tags.add("du lịch")
    publish(article)
    related = publish(NewsPageFactory(parent=site_pages["news_index"], title="Homestay vùng chè", category="khac"))
    other = publish(NewsPageFactory(parent=site_pages["news_index"], title="Số liệu quý I", category="thong-ke"))
    html = client.get(article.url).content.decode()
    assert "Du lịch chè Thái Nguyên" in html
    assert "Nguồn: Báo Thái Nguyên" in html
    assert "Nguyễn Thu Hà" in html
    assert article.first_published_at.astimezone(datetime.UTC).strftime("%Y") in html
    assert 'property="og:title"' in html and 'property="og:type" content="article"' in html
    assert related.title in html and other.title not in html
    assert 'href="/tin-tuc/?tag=du%20l%E1%BB%8Bch"' in html
    assert "data-print" in html


def test_list_filters_by_category_and_tag(site_pages, client):
    event = publish(NewsPageFactory(parent=site_pages["news_index"], title="Lễ hội trà", category="su-kien"))
    stats = publish(NewsPageFactory(parent=site_pages["news_index"], title="Số liệu sản xuất chè", category="thong-ke"))
    event.tags.add("chè")
    publish(event)
    html = client.get("/tin-tuc/?chuyen-muc=thong-ke").content.decode()
    assert stats.title in html and event.title not in html
    html = client.get("/tin-tuc/", {"tag": "chè"}).content.decode()
    assert event.title in html and stats.title not in html


def test_list_is_paginated(site_pages, client):
    for n in range(NEWS_PER_PAGE + 2):
        publish(NewsPageFactory(parent=site_pages["news_index"], title=f"Bản tin số {n:02d}"))
    first = client.get("/tin-tuc/").content.decode()
    second = client.get("/tin-tuc/?page=2").content.decode()
    assert first.count('class="card-title"') == NEWS_PER_PAGE
    assert second.count('class="card-title"') == 2
    assert "Bản tin số 11" in first and "Bản tin số 00" in second
    assert 'rel="next"' in first and 'rel="prev"' in second


def test_required_fields_are_reported_in_vietnamese(site_pages):
    from demo.factories.pages import OfficialDocumentPageFactory

    document = OfficialDocumentPageFactory(parent=site_pages["document_index"])
    document.number, document.summary = "", ""
    with translation.override("vi"), pytest.raises(ValidationError) as error:
        document.full_clean()
    assert error.value.message_dict["number"] == ["Trường này không được để trắng."]
    assert "summary" in error.value.message_dict


def test_slug_is_transliterated_from_vietnamese(site_pages):
    article = NewsPageFactory(parent=site_pages["news_index"], title="Đất đai và Tin tức sự kiện", slug="")
    assert article.slug == "dat-dai-va-tin-tuc-su-kien"


def test_rss_feed_is_valid_xml_with_the_latest_articles(site_pages, client):
    publish(NewsPageFactory(parent=site_pages["news_index"], title="Khai mạc Lễ hội Trà"))
    draft = NewsPageFactory(parent=site_pages["news_index"], title="Bản nháp chưa duyệt", live=False)
    response = client.get("/tin-tuc/rss/")
    assert response.status_code == 200
    channel = parse_xml(response).find("channel")
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert titles == ["Khai mạc Lễ hội Trà"]
    assert draft.title not in response.content.decode()
    assert channel.find("item").findtext("link").startswith("http://localhost/tin-tuc/")
