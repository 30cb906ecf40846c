"""The public form /hoi-dap/gui-cau-hoi/: a resident's question is stored once, with its code and due date."""

import datetime
import time
import zoneinfo

import pytest
import time_machine
from django.core import mail
from django.test import override_settings

from outbox.models import Email
from qa.models import Question, QuestionStatus
from qa.protection import make_form_token

pytestmark = pytest.mark.django_db

FORM_URL = "/hoi-dap/gui-cau-hoi/"
HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


def submit(client, data, captured):
    with captured(execute=True):
        return client.post(FORM_URL, data, follow=True)


def test_form_page_is_in_vietnamese(client):
    response = client.get(FORM_URL)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Họ và tên" in content
    assert 'name="website"' in content and 'name="form_token"' in content


def test_submission_stores_the_question_and_shows_code_and_due_date(
    client, question_form_data, django_capture_on_commit_callbacks
):
    response = submit(client, question_form_data(), django_capture_on_commit_callbacks)

    question = Question.objects.get()
    assert question.status == QuestionStatus.RECEIVED
    assert question.name == "Nguyễn Văn An" and question.topic == "dat-dai" and question.consent_to_publish
    content = response.content.decode()
    assert question.tracking_code in content
    assert question.due_date is not None
    assert question.due_date.strftime("%d/%m/%Y") in content
    # The due day itself still counts (Điều 8đ: within 15 working days): "at the latest on", not "before".
    assert f"chậm nhất ngày: <strong data-testid=\"due-date\">{question.due_date:%d/%m/%Y}</strong>" in content
    assert "trước ngày" not in content
    # The receipt e-mail carries the code, the due date and the lookup link.
    assert len(mail.outbox) == 1
    receipt = mail.outbox[0]
    assert receipt.to == ["nguyen.van.an@example.vn"]
    assert question.tracking_code in receipt.subject
    assert question.due_date.strftime("%d/%m/%Y") in receipt.body
    assert f"chậm nhất ngày: {question.due_date:%d/%m/%Y}" in receipt.body
    assert f"/hoi-dap/tra-cuu/?code={question.tracking_code}" in receipt.body
    assert Email.objects.get().sent_at is not None


@pytest.mark.parametrize(
    ("received_local", "due"),
    [
        # Monday 2 March 2026: the 15th working day after it is Monday 23 March.
        (datetime.datetime(2026, 3, 2, 9, 0, tzinfo=HANOI), datetime.date(2026, 3, 23)),
        # 00:30 on Monday 9 March local time is still Sunday in UTC: the local date counts.
        (datetime.datetime(2026, 3, 9, 0, 30, tzinfo=HANOI), datetime.date(2026, 3, 30)),
    ],
)
def test_due_date_is_fifteen_working_days_after_the_local_date_of_receipt(
    client, question_form_data, django_capture_on_commit_callbacks, received_local, due
):
    with time_machine.travel(received_local, tick=False):
        data = question_form_data(form_token=make_form_token(time.time() - 60))
        response = submit(client, data, django_capture_on_commit_callbacks)
    question = Question.objects.get()
    assert question.due_date == due
    assert due.strftime("%d/%m/%Y") in response.content.decode()


def test_reloading_the_confirmation_does_not_send_twice(client, question_form_data, django_capture_on_commit_callbacks):
    submit(client, question_form_data(), django_capture_on_commit_callbacks)
    again = client.get("/hoi-dap/gui-cau-hoi/da-gui/")
    assert again.status_code == 200
    assert Question.objects.count() == 1


def test_confirmation_is_shown_only_to_the_sender(client, question_form_data, django_capture_on_commit_callbacks):
    submit(client, question_form_data(), django_capture_on_commit_callbacks)
    client.cookies.clear()
    response = client.get("/hoi-dap/gui-cau-hoi/da-gui/")
    assert response.status_code == 302 and response["Location"].endswith(FORM_URL)


def test_bad_input_is_refused_in_vietnamese_and_kept(client, question_form_data):
    data = question_form_data(email="khong-phai-email", phone="abc", body="Ngắn quá", name="")
    response = client.post(FORM_URL, data)
    content = response.content.decode()
    assert response.status_code == 400
    assert Question.objects.count() == 0
    assert "Vui lòng điền vào ô này." in content  # the name is missing
    assert "Nhập địa chỉ email." in content  # Django's own Vietnamese message
    assert "số điện thoại" in content
    assert "ít nhất 20 ký tự" in content
    # What the resident typed is still there.
    assert 'value="khong-phai-email"' in content
    assert "Ngắn quá" in content
    assert "Xóm Hồng Thái 2, xã Tân Cương" in content


def test_honeypot_refuses_out_loud_and_keeps_the_text(client, question_form_data):
    response = client.post(FORM_URL, question_form_data(website="http://spam.example"))
    assert response.status_code == 400
    assert Question.objects.count() == 0
    content = response.content.decode()
    assert "phải để trống" in content
    assert "Thủ tục cấp giấy chứng nhận quyền sử dụng đất" in content


def test_form_sent_at_once_is_held_back_and_can_be_sent_again(
    client, question_form_data, django_capture_on_commit_callbacks
):
    response = client.post(FORM_URL, question_form_data(form_token=make_form_token()))
    assert response.status_code == 400
    assert Question.objects.count() == 0
    assert "quá nhanh" in response.content.decode()
    # The refused page carries a fresh token; a person who sends it again a moment later gets through.
    fresh_token = response.context["form"].data["form_token"]
    with time_machine.travel(time.time() + 30):
        submit(client, question_form_data(form_token=fresh_token), django_capture_on_commit_callbacks)
    assert Question.objects.count() == 1


@pytest.mark.parametrize("token", ["", "forged-token", make_form_token(time.time() - 3 * 24 * 3600)])
def test_missing_forged_or_stale_token_is_refused(client, question_form_data, token):
    response = client.post(FORM_URL, question_form_data(form_token=token))
    assert response.status_code == 400
    assert Question.objects.count() == 0


@override_settings(QA_SUBMISSIONS_PER_IP=2)
def test_rate_limit_holds_a_flood_from_one_address(client, question_form_data, django_capture_on_commit_callbacks):
    for _ in range(2):
        submit(client, question_form_data(), django_capture_on_commit_callbacks)
    flooded = client.post(FORM_URL, question_form_data(title="Câu hỏi thứ ba của tôi"))
    assert flooded.status_code == 429
    assert Question.objects.count() == 2
    content = flooded.content.decode()
    assert "Câu hỏi thứ ba của tôi" in content  # kept, not silently dropped
    # Another address is not affected.
    other = client.post(FORM_URL, question_form_data(), REMOTE_ADDR="203.0.113.7")
    assert other.status_code == 302
    assert Question.objects.count() == 3
