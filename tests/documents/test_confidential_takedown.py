"""A confidential document keeps its register entry only, and ticking the box takes it offline at once.

Điều 5 ("trừ tài liệu mật"), 6.4; Luật Bảo vệ bí mật nhà nước 2018, Điều 5: no secret file is stored
on the portal, and a document marked confidential leaves nothing public behind (page, file URL,
search, sitemap, feed), its scheduled publication included.
"""

import datetime
import os
from io import StringIO

import pytest
import time_machine
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import inline_formset

from accounts.policy import GROUP_HEAD, GROUP_MEMBER
from assets.models import PortalDocument
from demo.factories.accounts import UserFactory
from demo.factories.pages import OfficialDocumentPageFactory
from documents.models import OfficialDocumentAttachment, OfficialDocumentPage
from documents.services import TAKEN_OFFLINE_ACTION
from tests.content_helpers import publish, sitemap_locations
from tests.helpers import log_in
from tests.workflows.conftest import document_form, edit_url, post

pytestmark = pytest.mark.django_db

NUMBER = "15/KH-UBND"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def member(client):
    user = UserFactory(username="thanhvien-mat", groups=[GROUP_MEMBER])
    log_in(client, user)
    return user


@pytest.fixture
def head():
    return UserFactory(username="truongban-mat", groups=[GROUP_HEAD])


def scan(name="ke-hoach.pdf"):
    return PortalDocument.objects.create(title=f"Bản ký {name}", file=ContentFile(PDF, name=name))


def document_with_file(site_pages, file, **fields):
    """A document (not yet published) with `file` attached."""
    page = OfficialDocumentPageFactory(parent=site_pages["document_index"], live=False, **fields)
    page.attachments = [OfficialDocumentAttachment(document=file)]
    page.save()
    return page


def in_the_future():
    return timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(days=2)


def make_state(page, state, head):
    """Put `page` in one of the states a confidential tick must undo."""
    if state in ("live", "live with a scheduled change"):
        publish(page)
    if state in ("scheduled", "live with a scheduled change"):
        page.go_live_at = in_the_future()
        page.save_revision(user=head).publish(user=head)
    page.refresh_from_db()
    return page


def removing_attachments(page):
    """The attachments inline as the editor sends it after clicking each row's delete button."""
    rows = [
        {"id": row.pk, "document": row.document_id, "title": row.title, "DELETE": "1"} for row in page.attachments.all()
    ]
    return inline_formset(rows, initial=len(rows))


def go_live_field(page):
    return timezone.localtime(page.go_live_at).strftime("%Y-%m-%d %H:%M") if page.go_live_at else ""


def public_traces(page, file_url, file_path):
    """Every place a resident could still meet the document or its file."""
    anonymous = Client()
    traces = []
    if anonymous.get(page.url).status_code != 404:
        traces.append("page")
    if anonymous.get(file_url).status_code != 404:
        traces.append("file URL")
    if anonymous.get(f"/media/{file_path}").status_code != 404:
        traces.append("media URL")
    if os.path.exists(os.path.join(settings.MEDIA_ROOT, file_path)):
        traces.append("file on disk")
    search = anonymous.get("/tim-kiem/", {"q": NUMBER}).content.decode()
    if search.replace(f'value="{NUMBER}"', "").replace(f"“{NUMBER}”", "").count(NUMBER):
        traces.append("search")
    if anonymous.get("/van-ban/").content.decode().count(NUMBER):
        traces.append("register")
    locations = sitemap_locations(anonymous)
    if any(page.slug in location for location in locations):
        traces.append("sitemap")
    if NUMBER in anonymous.get("/tin-tuc/rss/").content.decode():
        traces.append("feed")
    return traces


def test_a_confidential_document_cannot_keep_a_file_in_the_editor(site_pages, client, member):
    file = scan()
    page = make_state(document_with_file(site_pages, file, number=NUMBER), "live", None)
    row = page.attachments.get()
    kept = inline_formset([{"id": row.pk, "document": file.pk, "title": ""}], initial=1)

    response = post(client, edit_url(page), document_form(page, confidential="on", attachments=kept))

    assert response.status_code == 200
    assert "Văn bản mật chỉ được giữ thông tin đăng ký" in response.content.decode()
    page.refresh_from_db()
    assert page.live and not page.confidential
    assert not page.get_latest_revision().as_object().confidential
    assert PortalDocument.objects.filter(pk=file.pk).exists()


def test_a_script_cannot_store_a_file_with_a_confidential_document(site_pages):
    file = scan()
    page = document_with_file(site_pages, file, number=NUMBER)
    page.confidential = True
    with pytest.raises(ValidationError):
        page.save()
    with pytest.raises(ValidationError):
        page.save_revision()

    secret = OfficialDocumentPageFactory(parent=site_pages["document_index"], live=False, confidential=True)
    with pytest.raises(ValidationError):
        OfficialDocumentAttachment.objects.create(page=secret, document=file)
    assert not OfficialDocumentPage.objects.get(pk=page.pk).confidential


def mark_confidential(client, page, how):
    """The editor ticks the box and saves (Save draft or Submit), or uses "Mark confidential".

    Wagtail locks a scheduled page against every edit, so there the button is the only way.
    """
    if how == "mark confidential":
        url = reverse("documents_mark_confidential", args=[page.pk])
        assert url in client.get(edit_url(page)).content.decode()
        return post(client, url, {})
    form = document_form(
        page, confidential="on", attachments=removing_attachments(page), go_live_at=go_live_field(page)
    )
    if how == "submit":
        form["action-submit"] = "1"
    return post(client, edit_url(page), form)


@pytest.mark.parametrize(
    ("state", "how"),
    [
        ("live", "save draft"),
        ("live", "submit"),
        ("live", "mark confidential"),
        ("scheduled", "mark confidential"),
        ("live with a scheduled change", "mark confidential"),
    ],
)
def test_ticking_confidential_leaves_nothing_public(site_pages, client, member, head, state, how):
    file = scan()
    file_url, file_path = file.url, file.file.name
    page = make_state(document_with_file(site_pages, file, number=NUMBER, title="Kế hoạch phòng thủ"), state, head)
    go_live = page.go_live_at
    before = public_traces(page, file_url, file_path)
    if state == "scheduled":
        assert before == ["file on disk"]
    else:
        assert {"page", "file URL", "search", "register", "sitemap", "file on disk"} <= set(before)
    assert page.revisions.exclude(approved_go_live_at=None).exists() == (state != "live")

    response = mark_confidential(client, page, how)

    assert response.status_code == 302
    assert public_traces(page, file_url, file_path) == []
    assert not PortalDocument.objects.filter(pk=file.pk).exists()
    stored = OfficialDocumentPage.objects.get(pk=page.pk)
    assert stored.confidential and not stored.live
    assert not stored.attachments.exists()
    assert not stored.revisions.exclude(approved_go_live_at=None).exists()
    entry = PageLogEntry.objects.get(page=page, action=TAKEN_OFFLINE_ACTION)
    assert entry.user == member and entry.data["deleted_files"] == [file.pk]
    if go_live:
        with time_machine.travel(go_live + datetime.timedelta(minutes=5)):
            call_command("publish_scheduled", stdout=StringIO())
        assert not OfficialDocumentPage.objects.get(pk=page.pk).live
        assert public_traces(page, file_url, file_path) == []


def test_the_editor_is_told_what_was_taken_offline(site_pages, client, member):
    page = make_state(document_with_file(site_pages, scan(), number=NUMBER), "live", None)
    form = document_form(page, confidential="on", attachments=removing_attachments(page))
    response = client.get(post(client, edit_url(page), form).url)
    html = response.content.decode()
    assert "là văn bản mật và đã được gỡ khỏi trang" in html
    assert "đã ngừng đăng" in html and "đã xoá 1 tệp khỏi máy chủ" in html


def test_a_script_ticking_confidential_takes_the_document_offline(site_pages, head, django_capture_on_commit_callbacks):
    file = scan()
    file_url, file_path = file.url, file.file.name
    page = make_state(document_with_file(site_pages, file, number=NUMBER), "live", None)

    with django_capture_on_commit_callbacks(execute=True):
        page.confidential = True
        page.attachments = []
        page.save_revision(user=head)

    assert public_traces(page, file_url, file_path) == []
    assert not OfficialDocumentPage.objects.get(pk=page.pk).live
    assert not PortalDocument.objects.filter(pk=file.pk).exists()
    assert PageLogEntry.objects.filter(page=page, action=TAKEN_OFFLINE_ACTION, user=head).exists()


def test_a_draft_saved_confidential_by_a_script_loses_its_stored_files(site_pages, django_capture_on_commit_callbacks):
    file = scan()
    path = os.path.join(settings.MEDIA_ROOT, file.file.name)
    page = document_with_file(site_pages, file, number=NUMBER)
    with django_capture_on_commit_callbacks(execute=True):
        page.confidential = True
        page.attachments = []
        page.save()
    assert not PortalDocument.objects.filter(pk=file.pk).exists()
    assert not os.path.exists(path)


def test_a_file_another_page_uses_is_only_detached(site_pages, client, member):
    shared = scan("quy-che.pdf")
    other = make_state(document_with_file(site_pages, shared, number="63/QĐ-UBND"), "live", None)
    page = make_state(document_with_file(site_pages, shared, number=NUMBER), "live", None)

    form = document_form(page, confidential="on", attachments=removing_attachments(page))
    post(client, edit_url(page), form)

    assert Client().get(page.url).status_code == 404
    assert not OfficialDocumentAttachment.objects.filter(page=page).exists()
    assert Client().get(shared.url).status_code == 200
    assert os.path.exists(shared.file.path)
    assert other.attachments.get().document_id == shared.pk
