"""The board's approval chain, through the admin views as each person would use them."""

import pytest
from django.core import mail
from wagtail.models import Page, PageLogEntry, Workflow, WorkflowState

from accounts.policy import GROUP_MEMBER
from demo.factories.accounts import UserFactory
from outbox.models import Email
from tests.helpers import log_in
from tests.workflows.conftest import as_user, draft_news, edit_url, news_form, submit, workflow_action

pytestmark = pytest.mark.django_db


def live(page):
    return Page.objects.get(pk=page.pk).live


def test_migration_created_the_chain_on_the_site_root():
    workflow = Workflow.objects.get(name="Quy trình phê duyệt tin bài")
    assert [task.name for task in workflow.tasks] == [
        "Thành viên Ban biên tập thẩm định",
        "Trưởng Ban biên tập phê duyệt",
    ]
    assert Page.get_first_root_node().get_workflow() == workflow


def test_contributor_cannot_publish(client, site_pages, board):
    page = draft_news(site_pages, board["contributor"])
    as_user(client, board["contributor"])
    editor = client.get(edit_url(page))
    assert editor.status_code == 200
    assert b'name="action-publish"' not in editor.content
    client.post(edit_url(page), {**news_form(page), "action-publish": "1"})
    assert not live(page)


def test_contributor_cannot_edit_another_contributors_draft(client, site_pages, board):
    page = draft_news(site_pages, board["contributor2"], title="Bài của người khác")
    as_user(client, board["contributor"])
    assert client.get(edit_url(page)).status_code in (302, 403)
    client.post(edit_url(page), news_form(page, title="Đã bị sửa"))
    page.refresh_from_db()
    assert page.title == "Bài của người khác"
    assert page.get_latest_revision().user == board["contributor2"]


def test_member_edits_everything_but_cannot_publish_directly(client, site_pages, board):
    page = draft_news(site_pages, board["contributor"])
    as_user(client, board["member"])
    editor = client.get(edit_url(page))
    assert editor.status_code == 200
    assert b'name="action-publish"' not in editor.content
    client.post(edit_url(page), {**news_form(page, title="Thành viên đã sửa"), "action-publish": "1"})
    page.refresh_from_db()
    assert not page.live
    assert page.get_latest_revision().as_object().title == "Thành viên đã sửa"


def test_full_chain_contributor_member_head_publishes(client, site_pages, board):
    page = draft_news(site_pages, board["contributor"], title="Hội nghị tổng kết năm")
    as_user(client, board["contributor"])
    response = submit(client, page, news_form(page))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Thành viên Ban biên tập thẩm định"

    as_user(client, board["member"])
    workflow_action(client, page, "approve", comment="Nội dung đầy đủ.")
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Trưởng Ban biên tập phê duyệt"
    assert not page.live

    as_user(client, board["head"])
    workflow_action(client, page, "approve", comment="")
    page.refresh_from_db()
    assert page.live
    assert client.get(page.url).status_code == 200
    actions = list(PageLogEntry.objects.filter(page=page).order_by("timestamp").values_list("action", "user__username"))
    assert ("wagtail.workflow.start", "congtacvien1") in actions
    assert ("wagtail.workflow.approve", "thanhvien1") in actions
    assert ("wagtail.workflow.approve", "truongban") in actions
    assert ("wagtail.publish", "truongban") in actions


def test_member_cannot_approve_own_submission_at_review_step(client, site_pages, board):
    page = draft_news(site_pages, board["member"])
    as_user(client, board["member"])
    submit(client, page, news_form(page))
    page.refresh_from_db()
    approve_button = 'data-workflow-action-name="approve"'
    assert approve_button not in client.get(edit_url(page)).content.decode()
    response = workflow_action(client, page, "approve")
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Thành viên Ban biên tập thẩm định"

    as_user(client, board["member2"])
    assert approve_button in client.get(edit_url(page)).content.decode()
    workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Trưởng Ban biên tập phê duyệt"


def test_heads_approval_of_own_text_stands_and_is_recorded(client, site_pages, board):
    page = draft_news(site_pages, board["head"])
    as_user(client, board["head"])
    submit(client, page, news_form(page))
    as_user(client, board["member"])
    workflow_action(client, page, "approve")
    as_user(client, board["head"])
    workflow_action(client, page, "approve")
    assert live(page)
    assert PageLogEntry.objects.filter(page=page, action="workflows.head_self_approval", user=board["head"]).exists()


def test_rejection_returns_page_with_comment_and_resubmission_restarts(client, site_pages, board):
    page = draft_news(site_pages, board["contributor"], title="Tin về hội nghị")
    as_user(client, board["contributor"])
    submit(client, page, news_form(page))
    as_user(client, board["member"])
    workflow_action(client, page, "approve", comment="Ổn.")
    mail.outbox.clear()

    as_user(client, board["head"])
    workflow_action(client, page, "reject", comment="Bổ sung ảnh và số liệu.")
    page.refresh_from_db()
    state = WorkflowState.objects.for_instance(page).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not page.live
    # The author and the member who approved earlier both get the comment, in Vietnamese.
    recipients = {message.to[0]: message for message in mail.outbox}
    assert set(recipients) == {board["contributor"].email, board["member"].email}
    for message in recipients.values():
        assert "Bổ sung ảnh và số liệu." in message.body
        assert "yêu cầu chỉnh sửa" in message.body

    # The author edits and submits again: the chain starts over at the members' step.
    as_user(client, board["contributor"])
    assert client.get(edit_url(page)).status_code == 200
    submit(client, page, news_form(page, title="Tin về hội nghị (đã bổ sung)"))
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Thành viên Ban biên tập thẩm định"
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    # The reworked text goes through both steps again before it is live.
    as_user(client, board["member2"])
    workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Trưởng Ban biên tập phê duyệt"
    as_user(client, board["head"])
    workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert page.live and page.title == "Tin về hội nghị (đã bổ sung)"


def test_submission_and_approval_with_comment_reach_the_right_people(client, site_pages, board):
    page = draft_news(site_pages, board["contributor"], title="Thống kê dân số")
    as_user(client, board["contributor"])
    submit(client, page, news_form(page))
    to_review = sorted(message.to[0] for message in mail.outbox)
    # Members and the head may act at the review step; the submitter is not told to approve.
    assert to_review == sorted([board["member"].email, board["member2"].email, board["head"].email])
    assert all("đang chờ" in message.body for message in mail.outbox)
    mail.outbox.clear()

    as_user(client, board["member"])
    workflow_action(client, page, "approve", comment="Sửa lại tiêu đề cho ngắn.")
    author_notice = [m for m in mail.outbox if m.to == [board["contributor"].email]]
    assert len(author_notice) == 1 and "Sửa lại tiêu đề cho ngắn." in author_notice[0].body
    assert [m.to for m in mail.outbox if m.to != [board["contributor"].email]] == [[board["head"].email]]
    mail.outbox.clear()

    as_user(client, board["head"])
    workflow_action(client, page, "approve", comment="Đồng ý đăng.")
    published = {m.to[0]: m for m in mail.outbox}
    assert set(published) == {board["contributor"].email, board["member"].email}
    assert "Đồng ý đăng." in published[board["contributor"].email].body
    assert "[Đã xuất bản]" in published[board["contributor"].email].subject


def test_moderation_overview_shows_each_stage(client, site_pages, board):
    waiting = draft_news(site_pages, board["contributor"], title="Bài đang chờ thẩm định")
    draft_news(site_pages, board["contributor"], title="Bài còn là bản nháp")
    as_user(client, board["contributor"])
    submit(client, waiting, news_form(waiting))
    refused = client.get("/admin/kiem-duyet/")
    assert refused.status_code in (302, 403) and "Bài đang chờ" not in refused.content.decode()

    log_in(client, board["member"])
    response = client.get("/admin/kiem-duyet/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Bài đang chờ thẩm định" in text and "Bài còn là bản nháp" in text
    assert "Đang chờ tại “Thành viên Ban biên tập thẩm định”" in text


def test_failing_mail_server_does_not_block_approval(client, site_pages, board, settings):
    settings.OUTBOX_DELIVERY_BACKEND = "tests.mail.DownBackend"
    page = draft_news(site_pages, board["contributor"])
    as_user(client, board["contributor"])
    submit(client, page, news_form(page))
    as_user(client, board["member"])
    assert workflow_action(client, page, "approve").status_code == 302
    as_user(client, board["head"])
    assert workflow_action(client, page, "approve").status_code == 302
    assert live(page)
    assert mail.outbox == []
    # The notices wait in the outbox, each tried once, for the task's retries and the sweep.
    notices = Email.objects.filter(key__startswith="workflow:")
    assert notices.exists()
    assert all(notice.sent_at is None and notice.attempts == 1 for notice in notices)


def test_nobody_who_wrote_any_revision_approves_at_review_step(client, site_pages, board):
    """Four eyes by proxy (issue 16, item 6): a colleague submitting my text does not let me approve it."""
    writer, proxy = board["member"], board["member2"]
    third = UserFactory(username="thanhvien3", groups=[GROUP_MEMBER])
    page = draft_news(site_pages, writer, title="Bài do thành viên 1 viết")
    as_user(client, proxy)
    submit(client, page, news_form(page, summary="Thành viên 2 sửa một câu rồi gửi thay."))
    page.refresh_from_db()
    assert page.current_workflow_state.requested_by == proxy
    assert page.current_workflow_state.current_task_state.revision.user == proxy

    approve_button = 'data-workflow-action-name="approve"'
    as_user(client, writer)
    assert approve_button not in client.get(edit_url(page)).content.decode()
    review_task = page.current_workflow_task.specific
    assert not review_task.get_task_states_user_can_moderate(writer).filter(workflow_state__object_id=str(page.pk))
    # A hand-made POST is refused too, and the text stays at the members' step.
    assert workflow_action(client, page, "approve").status_code in (302, 403)
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Thành viên Ban biên tập thẩm định"
    assert not page.current_workflow_state.task_states.filter(status="approved").exists()

    as_user(client, third)
    assert approve_button in client.get(edit_url(page)).content.decode()
    workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Trưởng Ban biên tập phê duyệt"
