"""The questions desk in the admin: filters, who sees personal data, assign, draft, close."""

import datetime

import pytest
from django.core import mail

from demo.factories.pages import QuestionFactory
from qa.models import QAPage, QuestionStatus
from tests.helpers import log_in

pytestmark = pytest.mark.django_db

INDEX = "/admin/qa_question/"


def desk(pk):
    return f"/admin/qa_question/edit/{pk}/"


def test_board_sees_every_question_and_its_personal_data(client, people):
    question = QuestionFactory()
    log_in(client, people["member"])
    assert question.tracking_code in client.get(INDEX).content.decode()
    content = client.get(desk(question.pk)).content.decode()
    assert question.name in content and question.email in content and question.phone in content


def test_official_sees_only_the_questions_assigned_to_them(client, people):
    mine = QuestionFactory(assignee=people["official"], status=QuestionStatus.ASSIGNED)
    theirs = QuestionFactory(assignee=people["other_official"], status=QuestionStatus.ASSIGNED)
    unassigned = QuestionFactory()
    log_in(client, people["official"])
    listing = client.get(INDEX).content.decode()
    assert mine.tracking_code in listing
    assert theirs.tracking_code not in listing and unassigned.tracking_code not in listing
    assert mine.email in client.get(desk(mine.pk)).content.decode()
    assert client.get(desk(theirs.pk)).status_code == 404
    assert client.get(desk(unassigned.pk)).status_code == 404
    assert client.get(f"/admin/qa_question/history/{mine.pk}/").status_code == 200
    assert client.get(f"/admin/qa_question/history/{theirs.pk}/").status_code == 404


@pytest.mark.parametrize("role", ["contributor", "party"])
def test_other_groups_see_no_question(client, people, role):
    question = QuestionFactory()
    log_in(client, people[role])
    assert client.get(INDEX).status_code in (302, 403)
    response = client.get(desk(question.pk))
    assert response.status_code in (302, 403, 404)
    assert question.email not in response.content.decode()


def test_filters_status_topic_overdue_and_assignee(client, people):
    overdue = QuestionFactory(due_date=datetime.date(2020, 1, 2), title="Hỏi về đường giao thông nông thôn")
    on_time = QuestionFactory(due_date=datetime.date(2099, 1, 2), topic="kinh-te", title="Hỏi về giống chè mới")
    assigned = QuestionFactory(
        assignee=people["official"], status=QuestionStatus.ASSIGNED, title="Hỏi về trợ cấp người cao tuổi"
    )
    log_in(client, people["head"])

    def listed(**params):
        content = client.get(INDEX, params).content.decode()
        return {q.title for q in (overdue, on_time, assigned) if q.tracking_code in content}

    assert listed(overdue="true") == {overdue.title}
    assert listed(topic="kinh-te") == {on_time.title}
    assert listed(status="assigned") == {assigned.title}
    assert listed(assignee=people["official"].pk) == {assigned.title}


def test_assign_through_the_desk_notifies_the_official(client, people, django_capture_on_commit_callbacks):
    question = QuestionFactory()
    log_in(client, people["member"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(desk(question.pk), {"action": "assign", "assignee": people["official"].pk})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.assignee == people["official"] and question.status == QuestionStatus.ASSIGNED
    assert mail.outbox[0].to == [people["official"].email]


def test_official_cannot_assign_or_close(client, people):
    question = QuestionFactory(assignee=people["official"], status=QuestionStatus.ASSIGNED)
    log_in(client, people["official"])
    # Wagtail's admin answers PermissionDenied by sending the user back to the dashboard.
    for data in ({"action": "assign", "assignee": people["other_official"].pk}, {"action": "close", "reason": "Spam"}):
        response = client.post(desk(question.pk), data)
        assert (response.status_code, response.get("Location")) in ((403, None), (302, "/admin/"))
    question.refresh_from_db()
    assert question.status == QuestionStatus.ASSIGNED


def test_close_without_a_reason_is_refused(client, people):
    question = QuestionFactory()
    log_in(client, people["member"])
    response = client.post(desk(question.pk), {"action": "close", "reason": ""})
    assert response.status_code == 200
    question.refresh_from_db()
    assert question.status == QuestionStatus.RECEIVED


def test_close_with_a_reason_tells_the_resident(client, people, django_capture_on_commit_callbacks):
    question = QuestionFactory()
    log_in(client, people["member"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(desk(question.pk), {"action": "close", "reason": "Câu hỏi không thuộc thẩm quyền của xã."})
    question.refresh_from_db()
    assert question.status == QuestionStatus.CLOSED
    assert mail.outbox[0].to == [question.email]


def test_assigned_official_drafts_the_answer_from_the_desk(client, people, site_pages):
    question = QuestionFactory(assignee=people["official"], status=QuestionStatus.ASSIGNED)
    log_in(client, people["official"])
    response = client.post(desk(question.pk), {"action": "draft"})
    page = QAPage.objects.get(question=question)
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{page.pk}/edit/"
    editor = client.get(response["Location"])
    assert editor.status_code == 200
    assert question.email not in editor.content.decode()
