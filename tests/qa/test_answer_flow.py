"""The whole path: question → assignment → answer page → approval chain → published → resident told."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Page, Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from accounts.policy import GROUP_HEAD, GROUP_MEMBER, GROUP_OFFICIAL
from demo.factories.accounts import UserFactory
from qa.models import QAPage, Question, QuestionStatus
from tests.helpers import log_in

pytestmark = pytest.mark.django_db

# DESIGN §4: the chain every page goes through, created by issue 4's migration.
APPROVAL_WORKFLOW = "Quy trình phê duyệt tin bài"


def as_user(client, user):
    client.logout()
    return log_in(client, user)


def answer_form(page, answer):
    """The admin editor's POST for an answer page, as the browser sends it."""
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "topic": page.topic,
            "question_text": page.question_text,
            "answer": rich_text(answer),
            "answered_by": "Công chức Địa chính – Xây dựng",
            "comments": inline_formset([]),
            "go_live_at": "",
            "expire_at": "",
            "seo_title": "",
            "search_description": "",
        }
    )


def approve_every_step(client, page, approvers):
    """Walk the page through the site's approval chain, each step approved by someone allowed to."""
    for _ in range(10):
        workflow_state = page.current_workflow_state
        if workflow_state is None:
            return
        task_state = workflow_state.current_task_state
        task = task_state.task.specific
        approver = next((user for user in approvers if "approve" in [a[0] for a in task.get_actions(page, user)]), None)
        assert approver is not None, f"nobody in the board may approve “{task.name}”"
        as_user(client, approver)
        url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
        response = client.post(url, {"comment": "Đồng ý."})
        assert response.status_code in (200, 302)
        page = Page.objects.get(pk=page.pk).specific
    raise AssertionError("the approval chain did not finish")


def test_resident_question_is_answered_through_the_approval_chain(
    client, site_pages, question_form_data, django_capture_on_commit_callbacks
):
    if not Workflow.objects.filter(name=APPROVAL_WORKFLOW, active=True).exists():
        # Verified against issue 4's branch; runs as soon as the approval chain is merged.
        pytest.skip("the approval chain of issue 4 (DESIGN §4) is not merged into this branch yet")
    head = UserFactory(groups=[GROUP_HEAD])
    member = UserFactory(groups=[GROUP_MEMBER])
    official = UserFactory(groups=[GROUP_OFFICIAL])

    # 1. A resident asks.
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/hoi-dap/gui-cau-hoi/", question_form_data())
    question = Question.objects.get()
    mail.outbox.clear()

    # 2. A board member assigns it to an official, who is notified.
    as_user(client, member)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/qa_question/edit/{question.pk}/", {"action": "assign", "assignee": official.pk})
    assert [m.to for m in mail.outbox] == [[official.email]]

    # 3. The official drafts the answer page from the desk, writes the answer and submits it.
    as_user(client, official)
    client.post(f"/admin/qa_question/edit/{question.pk}/", {"action": "draft"})
    page = QAPage.objects.get(question=question)
    answer = "Ông/bà nộp hồ sơ tại Bộ phận một cửa Ủy ban nhân dân xã."
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/pages/{page.pk}/edit/", {**answer_form(page, answer), "action-submit": "Submit"}
        )
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live and page.current_workflow_state is not None

    # 4. The board approves every step of the chain; the last approval publishes.
    with django_capture_on_commit_callbacks(execute=True):
        approve_every_step(client, page, [member, head])
    page.refresh_from_db()
    assert page.live

    # 5. The question is answered and the resident gets the link.
    question.refresh_from_db()
    assert question.status == QuestionStatus.ANSWERED
    to_resident = [m for m in mail.outbox if m.to == [question.email]]
    assert len(to_resident) == 1 and page.full_url in to_resident[0].body

    # 6. The public answer and the lookup show it, without personal data.
    client.logout()
    public = client.get(page.url).content.decode()
    assert answer in public
    lookup = client.get("/hoi-dap/tra-cuu/", {"code": question.tracking_code}).content.decode()
    assert page.url in lookup
    for value in (question.name, question.email, question.phone, question.address):
        assert value not in public and value not in lookup
