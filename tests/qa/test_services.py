"""Services of the questions desk, called directly: assign, draft the answer, answer, close."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from demo.factories.pages import QuestionFactory
from qa import services
from qa.models import QAPage, QuestionStatus

pytestmark = pytest.mark.django_db


def test_assign_notifies_the_official(people, django_capture_on_commit_callbacks):
    question = QuestionFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.assign_question(question, people["official"], by=people["member"])
    question.refresh_from_db()
    assert question.status == QuestionStatus.ASSIGNED and question.assignee == people["official"]
    assert [m.to for m in mail.outbox] == [[people["official"].email]]
    assert question.tracking_code in mail.outbox[0].subject
    assert f"/admin/qa_question/edit/{question.pk}/" in mail.outbox[0].body
    # The official's e-mail carries no personal data of the resident.
    assert question.email not in mail.outbox[0].body and question.phone not in mail.outbox[0].body


def test_only_the_board_assigns_and_only_to_officials_or_board(people):
    question = QuestionFactory()
    with pytest.raises(PermissionDenied):
        services.assign_question(question, people["official"], by=people["official"])
    with pytest.raises(ValidationError):
        services.assign_question(question, people["contributor"], by=people["head"])


def test_draft_answer_creates_a_page_without_personal_data(people, site_pages):
    question = QuestionFactory(assignee=people["official"], status=QuestionStatus.ASSIGNED)
    question.body = f"Tôi là {question.name}, số điện thoại {question.phone}. Xin hỏi về thủ tục đất đai."
    question.save()
    page = services.draft_answer(question, by=people["official"])

    assert isinstance(page, QAPage) and not page.live
    assert page.get_parent().specific == site_pages["qa_index"]
    assert page.owner == people["official"]
    assert page.question == question and page.title == question.title and page.topic == question.topic
    assert "Xin hỏi về thủ tục đất đai." in page.question_text
    for value in (question.name, question.email, question.phone, question.address):
        assert value not in page.question_text
    assert page.latest_revision is not None
    # Drafting twice opens the same page.
    assert services.draft_answer(question, by=people["official"]).pk == page.pk


def test_the_assigned_official_may_edit_the_draft_but_not_publish(people, site_pages):
    question = QuestionFactory(assignee=people["official"], status=QuestionStatus.ASSIGNED)
    page = services.draft_answer(question, by=people["official"])
    own = page.permissions_for_user(people["official"])
    assert own.can_edit() and not own.can_publish()
    assert not page.permissions_for_user(people["other_official"]).can_edit()


def test_another_official_cannot_draft_someone_elses_question(people, site_pages):
    question = QuestionFactory(assignee=people["official"], status=QuestionStatus.ASSIGNED)
    with pytest.raises(PermissionDenied):
        services.draft_answer(question, by=people["other_official"])


def test_publishing_the_answer_marks_the_question_answered_and_tells_the_resident(
    people, site_pages, django_capture_on_commit_callbacks
):
    question = QuestionFactory(assignee=people["official"], status=QuestionStatus.ASSIGNED)
    page = services.draft_answer(question, by=people["official"])
    page.answer = "<p>Ông/bà mang hồ sơ đến Bộ phận một cửa.</p>"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision(user=people["head"]).publish(user=people["head"])
    question.refresh_from_db()
    assert question.status == QuestionStatus.ANSWERED and question.answered_at is not None
    assert [m.to for m in mail.outbox] == [[question.email]]
    assert page.full_url in mail.outbox[0].body
    # Publishing a correction later does not write to the resident again.
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision(user=people["head"]).publish(user=people["head"])
    assert len(mail.outbox) == 1


def test_closing_needs_a_reason_and_tells_a_real_resident(people, django_capture_on_commit_callbacks):
    question = QuestionFactory()
    with pytest.raises(ValidationError):
        services.close_question(question, "  ", by=people["member"])
    with django_capture_on_commit_callbacks(execute=True):
        services.close_question(question, "Không thuộc thẩm quyền của xã.", by=people["member"])
    question.refresh_from_db()
    assert question.status == QuestionStatus.CLOSED
    assert question.close_reason == "Không thuộc thẩm quyền của xã."
    assert mail.outbox[0].to == [question.email]
    assert "Không thuộc thẩm quyền của xã." in mail.outbox[0].body


def test_spam_is_closed_without_writing_back(people, django_capture_on_commit_callbacks):
    question = QuestionFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.close_question(question, "Quảng cáo", by=people["head"], notify=False)
    assert mail.outbox == []


def test_officials_cannot_close(people):
    with pytest.raises(PermissionDenied):
        services.close_question(QuestionFactory(), "Spam", by=people["official"])
