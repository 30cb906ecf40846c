"""Media a live page uses changes only through the approval chain, or by the head (issue 16.5).

A contributor could otherwise change a published article without approval by uploading a new
file over an image (or file) of theirs that the live page shows, or by deleting it.
"""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from wagtail.models import Collection

from accounts.policy import GROUP_CONTRIBUTOR, GROUP_HEAD
from assets.models import PortalDocument, PortalImage
from demo.factories.accounts import UserFactory
from demo.factories.pages import NewsPageFactory
from tests.assets.test_uploads import PDF, png_bytes
from tests.content_helpers import publish
from tests.helpers import log_in

pytestmark = pytest.mark.django_db

REFUSED = "Tệp này đang được dùng trên một trang đã đăng"
REFUSED_DELETE = "Tệp này đang được dùng trên một trang đã đăng nên không thể xoá"


@pytest.fixture(autouse=True)
def media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def contributor():
    return UserFactory(username="ctv-anh", groups=[GROUP_CONTRIBUTOR])


@pytest.fixture
def head():
    return UserFactory(username="truongban-anh", groups=[GROUP_HEAD])


def their_image(user):
    return PortalImage.objects.create(
        title="Hội chợ chè", file=ContentFile(png_bytes(), name="hoi-cho.png"), uploaded_by_user=user
    )


def their_file(user):
    return PortalDocument.objects.create(
        title="Kế hoạch", file=ContentFile(PDF, name="ke-hoach.pdf"), uploaded_by_user=user
    )


def article_showing(site_pages, image=None, document=None, live=True):
    body = [("document", {"document": document, "title": ""})] if document else []
    page = NewsPageFactory(parent=site_pages["news_index"], live=False, main_image=image)
    page.body = body
    page.save()
    return publish(page) if live else page


def replace_image(client, image):
    new = png_bytes()
    return client.post(
        f"/admin/images/{image.pk}/",
        {
            "title": image.title,
            "file": SimpleUploadedFile("doi-tranh.png", new),
            "collection": Collection.get_first_root_node().pk,
            "credit": "",
            "description": "",
            "tags": "",
            "focal_point_x": "",
            "focal_point_y": "",
            "focal_point_width": "",
            "focal_point_height": "",
        },
    )


def replace_file(client, document):
    return client.post(
        f"/admin/documents/edit/{document.pk}/",
        {
            "title": document.title,
            "file": SimpleUploadedFile("ke-hoach-moi.pdf", PDF + b"% moi\n"),
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
        },
    )


def test_a_contributor_cannot_replace_an_image_a_live_article_shows(site_pages, client, contributor):
    image = their_image(contributor)
    article_showing(site_pages, image=image)
    log_in(client, contributor)

    response = replace_image(client, image)

    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    image.refresh_from_db()
    assert image.file.name.endswith("hoi-cho.png")


def test_the_head_may_replace_it(site_pages, client, contributor, head):
    image = their_image(contributor)
    article_showing(site_pages, image=image)
    log_in(client, head)

    assert replace_image(client, image).status_code == 302
    image.refresh_from_db()
    assert "doi-tranh" in image.file.name


def test_a_contributor_may_replace_an_image_no_live_page_shows_yet(site_pages, client, contributor):
    image = their_image(contributor)
    article_showing(site_pages, image=image, live=False)
    log_in(client, contributor)

    assert replace_image(client, image).status_code == 302
    image.refresh_from_db()
    assert "doi-tranh" in image.file.name


def test_a_contributor_cannot_replace_a_file_a_live_article_links(site_pages, client, contributor, head):
    document = their_file(contributor)
    article_showing(site_pages, document=document)
    log_in(client, contributor)

    response = replace_file(client, document)

    assert response.status_code == 200 and REFUSED in response.content.decode()
    document.refresh_from_db()
    assert document.file.name.endswith("ke-hoach.pdf")
    client.logout()
    log_in(client, head)
    assert replace_file(client, document).status_code == 302


@pytest.mark.parametrize("kind", ["image", "document"])
def test_a_contributor_cannot_delete_media_a_live_article_uses(site_pages, client, contributor, head, kind):
    if kind == "image":
        media = their_image(contributor)
        article_showing(site_pages, image=media)
        url = f"/admin/images/{media.pk}/delete/"
    else:
        media = their_file(contributor)
        article_showing(site_pages, document=media)
        url = f"/admin/documents/delete/{media.pk}/"
    log_in(client, contributor)

    response = client.post(url, follow=True)

    assert REFUSED_DELETE in response.content.decode()
    assert type(media).objects.filter(pk=media.pk).exists()
    bulk = f"/admin/bulk/{'wagtailimages/image' if kind == 'image' else 'wagtaildocs/document'}/delete/"
    client.post(f"{bulk}?id={media.pk}")
    assert type(media).objects.filter(pk=media.pk).exists()

    client.logout()
    log_in(client, head)
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(url)
    assert not type(media).objects.filter(pk=media.pk).exists()
