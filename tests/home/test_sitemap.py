"""/sitemap.xml is an index (DESIGN §9) of sections of at most 5,000 URLs, each built in constant queries."""

import pytest
from wagtail.models import Page

from demo.factories.pages import NewsPageFactory, OfficialDocumentPageFactory
from documents.models import OfficialDocumentPage
from home.sitemaps import SITEMAP_SECTION_LIMIT, PageSitemap
from tests.content_helpers import (
    build_content,
    make_live_without_publishing,
    publish,
    sitemap_locations,
    sitemap_responses,
    sitemap_sections,
    xml_locations,
)

pytestmark = pytest.mark.django_db

LIMIT = 5  # URLs per section in these tests, instead of 5,000
# The index takes 5 queries; a section 7 at most here: the site, the count, its pages and one
# query per page type among them (bounded by the page types, never by the number of pages).
QUERY_CEILING = 8


@pytest.fixture
def small_sections(monkeypatch):
    monkeypatch.setattr(PageSitemap, "limit", LIMIT)


def public_urls():
    """Every live public page of the site (a page outside the site's tree has no URL)."""
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    return {f"http://localhost{page.url}" for page in pages if page.url and not getattr(page, "confidential", False)}


def test_sections_hold_at_most_5000_urls():
    assert SITEMAP_SECTION_LIMIT == PageSitemap.limit == 5000


def test_index_lists_every_section_each_within_the_limit(site_pages, client, small_sections):
    build_content(site_pages, 4)
    expected = public_urls()
    sections = sitemap_sections(client)
    pages_needed = -(-len(expected) // LIMIT)
    assert len(expected) > 2 * LIMIT and len(sections) == pages_needed
    assert sections[0] == "/sitemap-pages.xml" and sections[1] == "/sitemap-pages.xml?p=2"
    for response in sitemap_responses(client):
        assert 0 < len(xml_locations(response)) <= LIMIT
    locations = sitemap_locations(client)
    assert len(locations) == len(set(locations)) and set(locations) == expected


def test_only_live_public_pages_and_no_confidential_document(site_pages, client, small_sections):
    build_content(site_pages, 3)
    draft = NewsPageFactory(parent=site_pages["news_index"], title="Bản nháp", live=False)
    secret = OfficialDocumentPageFactory(parent=site_pages["document_index"], number="99/MẬT", live=False)
    OfficialDocumentPage.objects.filter(pk=secret.pk).update(confidential=True)
    make_live_without_publishing(secret)  # "somehow live": still never listed
    text = "\n".join(sitemap_locations(client))
    assert draft.slug not in text and secret.slug not in text
    assert "http://localhost/van-ban/" in text.splitlines()


def test_the_last_section_is_complete_and_a_page_past_it_is_not_found(site_pages, client, small_sections):
    build_content(site_pages, 2)
    sections = sitemap_sections(client)
    assert client.get(f"/sitemap-pages.xml?p={len(sections) + 1}").status_code == 404
    assert client.get("/sitemap-other.xml").status_code == 404


@pytest.mark.parametrize("count", [3, 15])
def test_queries_do_not_grow_with_the_number_of_pages(
    site_pages, client, small_sections, django_assert_max_num_queries, count
):
    for _ in range(count):
        publish(NewsPageFactory(parent=site_pages["news_index"]))
        publish(OfficialDocumentPageFactory(parent=site_pages["document_index"]))
    sections = sitemap_sections(client)
    assert len(sections) >= 2
    for path in ["/sitemap.xml", sections[0], sections[-1]]:
        client.get(path)  # warm Wagtail's per-process caches (site root paths), as a running server has
        with django_assert_max_num_queries(QUERY_CEILING, info=path):
            assert client.get(path).status_code == 200
