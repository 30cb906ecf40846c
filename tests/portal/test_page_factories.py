"""The shared page factories build a site that serves every page type."""

import pytest

from demo.factories.pages import NewsPageFactory, OfficialDocumentPageFactory, QAPageFactory

pytestmark = pytest.mark.django_db


def test_factories_build_a_servable_tree(site_pages, client):
    article = NewsPageFactory(parent=site_pages["news_index"], title="Hội nghị tổng kết năm")
    document = OfficialDocumentPageFactory(parent=site_pages["document_index"])
    answer = QAPageFactory(parent=site_pages["qa_index"])
    for page in (article, document, answer):
        page.save_revision().publish()
        assert client.get(page.url).status_code == 200
    assert "Hội nghị tổng kết năm" in client.get("/tin-tuc/").content.decode()
