"""A confidential document (văn bản mật) is invisible on every public path, even if it got live."""

import pytest
from django.core.files.base import ContentFile

from assets.models import PortalDocument
from demo.factories.pages import OfficialDocumentPageFactory
from documents.models import OfficialDocumentAttachment, OfficialDocumentPage
from tests.content_helpers import make_live_without_publishing, publish, sitemap_locations

pytestmark = pytest.mark.django_db

SECRET_NUMBER = "02/PA-UBND-MAT"
SECRET_WORD = "Phương án bảo vệ bí mật"


@pytest.fixture
def secret(site_pages, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    publish(OfficialDocumentPageFactory(parent=site_pages["document_index"], number="01/QĐ-UBND"))
    scan = PortalDocument.objects.create(title="Bản mật", file=ContentFile(b"%PDF-1.4 mat", name="mat.pdf"))
    page = OfficialDocumentPageFactory(
        parent=site_pages["document_index"],
        title=SECRET_WORD,
        number=SECRET_NUMBER,
        summary="Phương án bảo vệ bí mật nhà nước",
        live=False,
    )
    page.attachments = [OfficialDocumentAttachment(document=scan)]
    page.save_revision()
    page.save()
    # A row from before secrets were refused: marked confidential behind every rule's back, with its file.
    OfficialDocumentPage.objects.filter(pk=page.pk).update(confidential=True)
    return make_live_without_publishing(page), scan


def test_not_served_at_its_url(secret, client):
    page, scan = secret
    assert client.get(page.url).status_code == 404
    assert client.get(scan.url).status_code == 404


def without_echo(html, query):
    """The page minus the places that repeat what the person typed."""
    return html.replace(f'value="{query}"', "").replace(f"“{query}”", "")


@pytest.mark.parametrize(
    ("path", "query"),
    [("/", ""), ("/van-ban/", ""), ("/van-ban/", SECRET_NUMBER), ("/van-ban/", "bao ve bi mat")],
)
def test_not_listed(secret, client, path, query):
    html = without_echo(client.get(path, {"q": query} if query else {}).content.decode(), query)
    if path == "/van-ban/" and not query:
        assert "01/QĐ-UBND" in html
    assert SECRET_NUMBER not in html and SECRET_WORD not in html


@pytest.mark.parametrize("query", [SECRET_NUMBER, "bao ve bi mat", "Phương án bảo vệ"])
def test_not_found_by_search(secret, client, query):
    html = without_echo(client.get("/tim-kiem/", {"q": query}).content.decode(), query)
    assert SECRET_WORD not in html and SECRET_NUMBER not in html
    assert ": 0</p>" in html


def test_not_in_the_sitemap(secret, client):
    page, _scan = secret
    locations = sitemap_locations(client)
    assert any(location.endswith("/van-ban/") for location in locations)
    assert not any(page.slug in location for location in locations)


def test_not_in_the_search_index(secret):
    page, _scan = secret
    assert not OfficialDocumentPage.get_indexed_objects().filter(pk=page.pk).exists()
    assert page.get_indexed_instance() is None
