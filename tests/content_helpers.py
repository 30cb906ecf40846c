"""Helpers for tests of the public site: publish pages, parse what a resident receives."""

import datetime
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
