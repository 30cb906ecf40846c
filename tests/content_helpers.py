"""Helpers for tests of the public site: publish pages, parse what a resident receives."""

import datetime
from urllib.parse import urlsplit
from xml.etree import ElementTree

from demo.factories.pages import NewsPageFactory, OfficialDocumentPageFactory, QAPageFactory


def publish(page):
    """Publish `page` through a revision, as the approval chain would."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_live_without_publishing(page):
    """Force a page live behind every rule's back: the "somehow live" case of a confidential document."""
    type(page).objects.filter(pk=page.pk).update(live=True)
    page.refresh_from_db()
    return page


def xml_locations(response):
    """The text of every <loc> of a sitemap or a sitemap index."""
    return [element.text for element in parse_xml(response).iter() if element.tag.endswith("loc")]


def sitemap_sections(client):
    """The local paths (with `?p=`) of the sections that the index /sitemap.xml lists."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert parse_xml(response).tag.endswith("sitemapindex")
    paths = []
    for location in xml_locations(response):
        parts = urlsplit(location)
        paths.append(f"{parts.path}?{parts.query}" if parts.query else parts.path)
    return paths


def sitemap_responses(client):
    """Every section of the sitemap, as the client receives it (each checked well-formed)."""
    responses = [client.get(path) for path in sitemap_sections(client)]
    for response in responses:
        assert response.status_code == 200
        parse_xml(response)
    return responses


def sitemap_locations(client):
    """Every page URL the sitemap lists, across all its sections."""
    return [location for response in sitemap_responses(client) for location in xml_locations(response)]


def sitemap_text(client):
    """The sitemap index and all its sections as one text, to look for what must never be there."""
    return "\n".join(
        [client.get("/sitemap.xml").content.decode()] + [r.content.decode() for r in sitemap_responses(client)]
    )


def build_content(site_pages, count):
    """`count` published articles, documents and answers each."""
    for n in range(count):
        publish(NewsPageFactory(parent=site_pages["news_index"], title=f"Tin số {n}"))
        publish(
            OfficialDocumentPageFactory(
                parent=site_pages["document_index"], signed_date=datetime.date(2025, 1, 1) + datetime.timedelta(days=n)
            )
        )
        publish(QAPageFactory(parent=site_pages["qa_index"]))


def parse_xml(response):
    """The response body as XML (fails the test when it is not well-formed)."""
    return ElementTree.fromstring(response.content)
