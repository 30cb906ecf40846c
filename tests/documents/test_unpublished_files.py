"""A file uploaded but not yet used by a published page is not public (issue 15).

An upload waiting for its page (a draft, a text under approval, a scheduled document) could
otherwise be downloaded by anyone who learns its URL before the head approves anything.
"""

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.models import PageViewRestriction

from accounts.policy import GROUP_MEMBER
from assets.models import PortalDocument
from demo.factories.accounts import UserFactory
from demo.factories.pages import NewsPageFactory, OfficialDocumentPageFactory
from documents.models import OfficialDocumentAttachment
from tests.content_helpers import publish
from tests.helpers import log_in

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def upload():
    return PortalDocument.objects.create(title="Dự thảo", file=ContentFile(PDF, name="du-thao.pdf"))


def anonymous_status(document):
    return Client().get(document.url).status_code


def test_an_upload_no_page_uses_is_not_public(site_pages, upload):
    assert anonymous_status(upload) == 404
    assert Client().get(f"/media/{upload.file.name}").status_code == 404


def test_a_board_member_signed_in_with_the_second_factor_sees_it(site_pages, upload, client):
    member = UserFactory(username="thanhvien-tep", groups=[GROUP_MEMBER])
    log_in(client, member)
    assert client.get(upload.url).status_code == 200


def test_a_password_without_the_second_factor_is_not_enough(site_pages, upload, client):
    member = UserFactory(username="thanhvien-chua-xac-thuc", groups=[GROUP_MEMBER])
    client.force_login(member)
    assert client.get(upload.url).status_code == 404


def test_a_resident_account_without_admin_access_does_not_see_it(site_pages, upload, client):
    client.force_login(UserFactory(username="nguoidan"))
    assert client.get(upload.url).status_code == 404


def test_a_file_becomes_public_when_its_document_is_published(site_pages, upload):
    page = OfficialDocumentPageFactory(parent=site_pages["document_index"], live=False)
    page.attachments = [OfficialDocumentAttachment(document=upload)]
    page.save()
    page.save_revision()
    assert anonymous_status(upload) == 404

    publish(page)
    assert anonymous_status(upload) == 200


def test_a_file_linked_from_a_live_article_is_public(site_pages, upload):
    article = NewsPageFactory(parent=site_pages["news_index"], live=False)
    article.body = [("paragraph", f'<p>Xem <a linktype="document" id="{upload.pk}">dự thảo</a>.</p>')]
    article.save()
    assert anonymous_status(upload) == 404
    publish(article)
    assert anonymous_status(upload) == 200


def test_a_file_of_a_private_page_is_not_public(site_pages, upload):
    page = OfficialDocumentPageFactory(parent=site_pages["document_index"], live=False)
    page.attachments = [OfficialDocumentAttachment(document=upload)]
    page.save()
    publish(page)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert anonymous_status(upload) == 404


@pytest.mark.parametrize("name", ["du-thao.pdf\x00", "..%2Fdu-thao.pdf", "DU-THAO.PDF"])
def test_clumsy_file_names_do_not_reach_it(site_pages, upload, name):
    assert Client().get(f"/tai-lieu/{upload.pk}/{name}").status_code in (400, 404)
