"""Questions from every channel (Điều 8đ "kể từ khi tiếp nhận"): the board registers them in the admin.

A question received by phone, letter, e-mail or at the one-stop desk gets its 15 working days
from the day the commune received it, not from the day it was typed in.
"""

import datetime
import zoneinfo

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.core import mail

from demo.factories.pages import QuestionFactory
from outbox.models import Email
from qa import services
from qa.models import Channel, Question, QuestionStatus
from tests.helpers import log_in
from workflows.deadlines import ANSWER, due_date

pytestmark = pytest.mark.django_db

REGISTER = "/admin/qa_question/new/"
HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
# Monday 6 April 2026, 9:00 in the commune.
TODAY = datetime.datetime(2026, 4, 6, 9, 0, tzinfo=HANOI)


@pytest.fixture(autouse=True)
def pinned_today():
    """Every test runs on TODAY, logging in included (the admin's session checks use the clock)."""
    with time_machine.travel(TODAY, tick=False) as traveller:
        yield traveller


def registration(**overrides):
    data = {
        "channel": "phone",
        "received_on": "25/03/2026",
        "name": "Hoàng Văn Dũng",
        "email": "",
        "phone": "0912 000 111",
        "address": "Xóm Soi Mít, xã Tân Cương",
        "topic": "dat-dai",
        "title": "Hỏi về cấp đổi sổ đỏ",
        "body": "Ông Dũng gọi điện hỏi thủ tục cấp đổi giấy chứng nhận quyền sử dụng đất bị rách.",
    }
    data.update(overrides)
    return data


def messages_of(response):
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


@pytest.mark.parametrize("role", ["member", "head"])
def test_the_board_registers_a_phone_question_with_its_clock_from_the_day_received(
    client, people, role, django_capture_on_commit_callbacks
):
    log_in(client, people[role])
    assert client.get(REGISTER).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(REGISTER, registration())
    question = Question.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/admin/qa_question/edit/{question.pk}/"
    assert question.channel == Channel.PHONE and question.status == QuestionStatus.RECEIVED
    assert question.received_at.astimezone(HANOI).date() == datetime.date(2026, 3, 25)
    # Wednesday 25 March 2026 + 15 working days = Wednesday 15 April, not 15 working days from today.
    assert question.due_date == datetime.date(2026, 4, 15) == due_date(ANSWER, datetime.date(2026, 3, 25))
    # The registrar reads the tracking code out to the resident.
    assert question.tracking_code in messages_of(response)
    desk = client.get(response["Location"]).content.decode()
    assert question.tracking_code in desk and "Điện thoại" in desk and "15/04/2026" in desk
    # No e-mail address: nothing is queued.
    assert not Email.objects.exists() and mail.outbox == []


def test_a_resident_with_e_mail_gets_the_receipt(client, people, django_capture_on_commit_callbacks):
    log_in(client, people["member"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(REGISTER, registration(channel="letter", email="dung@example.vn"))
    question = Question.objects.get()
    assert [m.to for m in mail.outbox] == [["dung@example.vn"]]
    assert question.tracking_code in mail.outbox[0].subject
    assert "15/04/2026" in mail.outbox[0].body


def test_today_counts_from_now(client, people):
    log_in(client, people["member"])
    client.post(REGISTER, registration(received_on="06/04/2026", channel="desk"))
    question = Question.objects.get()
    assert question.received_at == TODAY
    assert question.due_date == due_date(ANSWER, datetime.date(2026, 4, 6))


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("07/04/2026", "không được sau ngày hôm nay"),  # tomorrow
        ("31/12/1999", "không được trước ngày 01/01/2000"),
        ("31/02/2026", "dd/mm/yyyy"),
        ("03/25/2026", "dd/mm/yyyy"),  # month and day swapped: there is no 25th month
        ("25-03-2026\x00", "dd/mm/yyyy"),
        ("", "Trường này là bắt buộc"),
    ],
)
def test_a_wrong_date_is_refused_and_the_form_kept(client, people, typed, words):
    log_in(client, people["member"])
    response = client.post(REGISTER, registration(received_on=typed))
    content = response.content.decode()
    assert response.status_code == 200
    assert words in content
    assert "Ông Dũng gọi điện hỏi thủ tục" in content
    assert not Question.objects.exists()


def test_a_day_above_twelve_is_read_as_the_day(client, people):
    log_in(client, people["member"])
    client.post(REGISTER, registration(received_on="13/01/2026"))
    assert Question.objects.get().received_at.astimezone(HANOI).date() == datetime.date(2026, 1, 13)


@pytest.mark.parametrize("role", ["official", "contributor", "party"])
def test_only_the_board_registers(client, people, role):
    log_in(client, people[role])
    for response in (client.get(REGISTER), client.post(REGISTER, registration())):
        assert response.status_code in (302, 403)
        assert response.status_code == 403 or response["Location"] in ("/admin/", "/admin/login/?next=/admin/")
    assert not Question.objects.exists()


def test_the_service_refuses_officials_and_dates_outside_the_range(people):
    data = {key: value for key, value in registration().items() if key != "received_on"}
    with pytest.raises(services.PermissionDenied):
        services.register_question(data, datetime.date(2026, 3, 25), by=people["official"])
    with pytest.raises(services.ValidationError):
        services.register_question(data, datetime.date(2999, 1, 1), by=people["head"])
    assert not Question.objects.exists()


def test_the_desk_offers_registration_to_the_board_only(client, people):
    log_in(client, people["member"])
    assert REGISTER in client.get("/admin/qa_question/").content.decode()
    client.logout()
    QuestionFactory(assignee=people["official"], status=QuestionStatus.ASSIGNED)
    log_in(client, people["official"])
    assert REGISTER not in client.get("/admin/qa_question/").content.decode()


def test_closing_after_the_due_date_shows_late_on_the_desk(client, people, pinned_today):
    pinned_today.move_to(datetime.datetime(2026, 3, 2, 9, 0, tzinfo=HANOI))
    question = QuestionFactory()
    assert question.due_date == datetime.date(2026, 3, 23)
    pinned_today.move_to(datetime.datetime(2026, 3, 30, 10, 0, tzinfo=HANOI))
    services.close_question(question, "Không thuộc thẩm quyền của xã.", by=people["member"])
    question.refresh_from_db()
    assert question.closed_at.astimezone(HANOI).date() == datetime.date(2026, 3, 30)
    assert question.is_late() and not question.is_overdue()
    log_in(client, people["member"])
    content = client.get(f"/admin/qa_question/edit/{question.pk}/").content.decode()
    assert "Trễ hạn" in content and "30/03/2026" in content


def test_closing_in_time_is_not_late(people, pinned_today):
    pinned_today.move_to(datetime.datetime(2026, 3, 2, 9, 0, tzinfo=HANOI))
    question = QuestionFactory()
    services.close_question(question, "Trùng câu hỏi đã trả lời.", by=people["member"])
    question.refresh_from_db()
    assert question.closed_at is not None and not question.is_late()


def test_the_desk_filters_by_channel(client, people):
    by_phone = QuestionFactory(channel=Channel.PHONE, title="Hỏi qua điện thoại về trợ cấp")
    by_web = QuestionFactory(title="Hỏi trên cổng về giống chè")
    log_in(client, people["member"])
    content = client.get("/admin/qa_question/", {"channel": "phone"}).content.decode()
    assert by_phone.tracking_code in content and by_web.tracking_code not in content
