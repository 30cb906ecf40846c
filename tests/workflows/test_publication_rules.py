"""The regulation's rules refuse publication on every path, and the draft is kept."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.models import Page, PageLogEntry

from tests.workflows.conftest import (
    as_user,
    document_form,
    draft_document,
    draft_news,
    edit_url,
    news_form,
    post,
    submit,
    workflow_action,
)
from workflows.rules import PublicationRefused
from workflows.services import publish_scheduled

pytestmark = pytest.mark.django_db

# Each broken rule: how to build the draft, the editor's form, and the words of the refusal.
CASES = {
    "confidential document": (
        lambda site, owner: draft_document(site, owner, confidential=True, title="Văn bản mật 01/VBM"),
        document_form,
        "Văn bản mật không bao giờ được xuất bản",
    ),
    "document without signing date": (
        lambda site, owner: draft_document(site, owner, signed_date=None, title="Thông báo chưa có ngày ký"),
        document_form,
        "Hãy nhập ngày ký văn bản",
    ),
    "republished article without source": (
        lambda site, owner: draft_news(site, owner, is_republished=True, source="", title="Bài lấy từ báo tỉnh"),
        news_form,
        "phải ghi rõ nguồn",
    ),
    "news without event date": (
        lambda site, owner: draft_news(site, owner, event_date=None, title="Tin chưa có ngày sự kiện"),
        news_form,
        "Hãy nhập ngày diễn ra sự kiện",
    ),
}


def is_live(page):
    return Page.objects.get(pk=page.pk).live


def messages_of(response):
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


@pytest.mark.parametrize("case", list(CASES))
def test_publish_button_refuses_and_keeps_the_draft(client, site_pages, board, case):
    build, form, words = CASES[case]
    page = build(site_pages, board["head"])
    as_user(client, board["head"])
    data = {**form(page), "summary": "Bản nháp đã sửa, không được mất.", "action-publish": "1"}
    response = post(client, edit_url(page), data)
    assert response.status_code == 302 and response.url == edit_url(page)
    assert words in messages_of(response)
    assert not is_live(page)
    page.refresh_from_db()
    assert page.get_latest_revision().as_object().summary == "Bản nháp đã sửa, không được mất."


@pytest.mark.parametrize("case", list(CASES))
def test_heads_workflow_approval_refuses_and_keeps_the_text_waiting(client, site_pages, board, case):
    build, form, words = CASES[case]
    page = build(site_pages, board["contributor"])
    as_user(client, board["contributor"])
    submit(client, page, form(page))
    as_user(client, board["member"])
    workflow_action(client, page, "approve")
    as_user(client, board["head"])
    response = workflow_action(client, page, "approve")
    assert response.status_code == 302 and response.url == edit_url(page)
    assert words in messages_of(response)
    assert not is_live(page)
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Trưởng Ban biên tập phê duyệt"
    assert page.get_latest_revision().user == board["contributor"]


@pytest.mark.parametrize("case", list(CASES))
def test_script_calling_revision_publish_is_refused(site_pages, board, case):
    build, _, _ = CASES[case]
    page = build(site_pages, board["contributor"])
    revision = page.get_latest_revision()
    with pytest.raises(PublicationRefused):
        revision.publish()
    # Wagtail's action used directly (as the editor's publish view does) meets the same rule.
    with pytest.raises(PublicationRefused):
        PublishPageRevisionAction(revision).execute(skip_permission_checks=True)
    assert not is_live(page)
    assert page.get_latest_revision() == revision


@pytest.mark.parametrize("case", list(CASES))
def test_scheduler_refuses_and_logs(site_pages, board, case):
    build, _, _ = CASES[case]
    page = build(site_pages, board["contributor"])
    page.go_live_at = timezone.now() - datetime.timedelta(minutes=5)
    revision = page.save_revision(user=board["contributor"])
    revision.approved_go_live_at = page.go_live_at
    revision.save(update_fields=["approved_go_live_at"])

    assert publish_scheduled() == (0, 0, 1)
    assert not is_live(page)
    assert PageLogEntry.objects.filter(page=page, action="workflows.publication_refused").count() == 1
    # Refused once and unscheduled: the next minute's run does not try (and log) again.
    assert publish_scheduled() == (0, 0, 0)


def test_a_text_that_meets_the_rules_is_published(client, site_pages, board):
    page = draft_news(site_pages, board["head"], is_republished=True, source="Báo Thái Nguyên")
    as_user(client, board["head"])
    post(client, edit_url(page), {**news_form(page), "action-publish": "1"})
    assert is_live(page)
