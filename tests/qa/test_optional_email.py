"""E-mail is optional on the public form (DESIGN §6): a phone number or the tracking code suffice.

Nothing is sent to a resident who gave no e-mail, at any step; the confirmation tells them to keep
the code, which is then how they read the answer.
"""

import pytest
from django.core import mail

from demo.factories.pages import QuestionFactory
from outbox.models import Email
from qa import services
from qa.models import Question, QuestionStatus
from qa.services import email_topic

pytestmark = pytest.mark.django_db

FORM_URL = "/hoi-dap/gui-cau-hoi/"


def test_a_phone_is_enough(client, question_form_data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(FORM_URL, question_form_data(email=""), follow=True)
    question = Question.objects.get()
    assert question.email == "" and question.phone == "0912 345 678" and question.channel == "web"
    assert not Email.objects.exists() and mail.outbox == []
    content = response.content.decode()
    assert 'data-testid="tracking-code"' in content and question.tracking_code in content
    assert "Hãy ghi lại mã này" in content
    assert "đã gửi mã này đến thư điện tử" not in content.lower()


def test_neither_e_mail_nor_phone_is_refused_in_vietnamese_and_kept(client, question_form_data):
    response = client.post(FORM_URL, question_form_data(email="", phone=""))
    assert response.status_code == 400
    assert not Question.objects.exists()
    content = response.content.decode()
    assert "Vui lòng ghi thư điện tử hoặc số điện thoại" in content
    assert "Gia đình tôi muốn làm thủ tục cấp giấy chứng nhận" in content


def test_an_e_mail_alone_still_works(client, question_form_data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(FORM_URL, question_form_data(phone=""), follow=True)
    assert [m.to for m in mail.outbox] == [["nguyen.van.an@example.vn"]]


def test_no_step_writes_to_a_resident_without_e_mail(people, site_pages, django_capture_on_commit_callbacks):
    answered = QuestionFactory(email="", assignee=people["official"], status=QuestionStatus.ASSIGNED)
    closed = QuestionFactory(email="")
    with django_capture_on_commit_callbacks(execute=True):
        page = services.draft_answer(answered, by=people["official"])
        page.answer = "<p>Ông/bà mang hồ sơ đến Bộ phận một cửa.</p>"
        page.save_revision(user=people["head"]).publish(user=people["head"])
        services.close_question(closed, "Không thuộc thẩm quyền của xã.", by=people["member"])
    answered.refresh_from_db()
    closed.refresh_from_db()
    assert answered.status == QuestionStatus.ANSWERED and closed.status == QuestionStatus.CLOSED
    assert not Email.objects.filter(topic__in=[email_topic(answered), email_topic(closed)]).exists()
    assert mail.outbox == []
