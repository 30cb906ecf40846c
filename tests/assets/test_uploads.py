"""Uploads are checked by content, and media is served with headers that keep it inert."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.models import Collection

from accounts.policy import GROUP_MEMBER
from assets.models import PortalDocument, PortalImage
from demo.factories.accounts import UserFactory
from tests.helpers import log_in

pytestmark = pytest.mark.django_db

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def editor(client):
    return log_in(client, UserFactory(groups=[GROUP_MEMBER]))


def docx_bytes(members=("word/document.xml",)):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for member in members:
            archive.writestr(member, "<w:document/>")
    return buffer.getvalue()


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "green").save(buffer, "PNG")
    return buffer.getvalue()


def upload_document(client, name, content):
    return client.post(
        "/admin/documents/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def upload_image(client, name, content):
    return client.post(
        "/admin/images/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def test_html_renamed_pdf_is_refused(editor):
    response = upload_document(editor, "quyet-dinh.pdf", HTML)
    assert response.status_code == 200
    assert "không phải là tệp .pdf hợp lệ" in response.content.decode()
    assert not PortalDocument.objects.exists()


@pytest.mark.parametrize(
    "name, content",
    [
        ("bao-cao.docx", HTML),
        ("bao-cao.docx", docx_bytes(members=("other.xml",))),
        ("bang-tinh.xls", PDF),
        ("ke-hoach.pdf", b"\xef\xbb\xbf  <svg xmlns='http://www.w3.org/2000/svg'><script/></svg>"),
    ],
)
def test_files_whose_content_does_not_match_their_extension_are_refused(editor, name, content):
    assert upload_document(editor, name, content).status_code == 200
    assert not PortalDocument.objects.exists()


@pytest.mark.parametrize("name, content", [("quyet-dinh.pdf", PDF), ("bao-cao.docx", docx_bytes())])
def test_real_documents_are_accepted(editor, name, content):
    response = upload_document(editor, name, content)
    assert response.status_code == 302
    assert PortalDocument.objects.get().file.name.endswith(name.rsplit(".", 1)[-1])


def test_html_file_is_refused_whatever_its_extension(editor):
    upload_document(editor, "trang.html", HTML)
    assert not PortalDocument.objects.exists()


@pytest.mark.parametrize(
    "name, content",
    [
        ("anh.jpg", HTML),
        ("anh.png", b"<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>"),
        ("anh.svg", b"<svg/>"),
    ],
)
def test_images_that_are_not_images_are_refused(editor, name, content):
    assert upload_image(editor, name, content).status_code == 200
    assert not PortalImage.objects.exists()


def test_real_image_is_accepted_and_served_inert(editor, client):
    assert upload_image(editor, "hoi-cho-che.png", png_bytes()).status_code == 302
    image = PortalImage.objects.get()
    response = client.get(image.file.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


def test_documents_are_not_served_as_plain_media_files(editor, client):
    upload_document(editor, "quyet-dinh.pdf", PDF)
    document = PortalDocument.objects.get()
    assert client.get(f"/media/{document.file.name}").status_code == 404


def test_document_is_served_through_the_safe_view(editor, client):
    upload_document(editor, "bao-cao.docx", docx_bytes())
    document = PortalDocument.objects.get()
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_oversized_document_is_refused(editor, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response = upload_document(editor, "lon.pdf", PDF + b"0" * 2048)
    assert response.status_code == 200
    assert not PortalDocument.objects.exists()
