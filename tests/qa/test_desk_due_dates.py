"""The questions desk shows each due date as a date and the working days left (issue 19).

Wagtail's date column printed "Vừa xong" ("just now") for a due date. The days are counted on the
real calendar: 30/4 and 1/5/2026 are public holidays (Thursday, Friday), 2–3/5 a weekend, and
Monday 27/4/2026 is the day off for Giỗ Tổ Hùng Vương (Sunday 26/4).
"""

import datetime
import re

import pytest
import time_machine

from demo.factories.pages import QuestionFactory
from qa.models import QuestionStatus
from tests.helpers import log_in
from tests.royalties.conftest import HANOI

pytestmark = pytest.mark.django_db

INDEX = "/admin/qa_question/"


def row_of(listing, question):
    rows = re.findall(r"<tr.*?</tr>", listing, re.S)
    (row,) = [row for row in rows if question.tracking_code in row]
    return re.sub(r"\s+", " ", row)


def test_open_questions_show_their_due_date_and_the_working_days_left(client, people):
    on_time = QuestionFactory(due_date=datetime.date(2026, 5, 5), status=QuestionStatus.ASSIGNED)
    due_today = QuestionFactory(due_date=datetime.date(2026, 4, 29))
    late = QuestionFactory(due_date=datetime.date(2026, 4, 24))
    answered = QuestionFactory(due_date=datetime.date(2026, 4, 24), status=QuestionStatus.ANSWERED)
    log_in(client, people["head"])
    with time_machine.travel(datetime.datetime(2026, 4, 29, 9, tzinfo=HANOI), tick=False):
        listing = client.get(INDEX).content.decode()
    assert "Vừa xong" not in listing
    # Wednesday 29/4 → Tuesday 5/5: Monday 4 and Tuesday 5 (the holidays and the weekend do not count).
    assert "05/05/2026 (còn 2 ngày làm việc)" in row_of(listing, on_time)
    assert "29/04/2026 (hạn là hôm nay)" in row_of(listing, due_today)
    # Friday 24/4 → Wednesday 29/4: Tuesday 28 and Wednesday 29. Giỗ Tổ Hùng Vương (10/3 lunar)
    # falls on Sunday 26/4 in 2026 and is taken on Monday 27/4.
    assert "24/04/2026 (quá hạn 2 ngày làm việc)" in row_of(listing, late)
    # An answered question has a date, no countdown.
    assert "24/04/2026" in row_of(listing, answered) and "ngày làm việc" not in row_of(listing, answered)
    assert "Hạn trả lời" in listing and "Hạn xuất bản" not in listing


@pytest.mark.parametrize("count", [3, 30])
def test_the_countdown_reads_the_calendar_once_per_page(client, people, count, django_assert_max_num_queries):
    QuestionFactory.create_batch(count, due_date=datetime.date(2026, 5, 5))
    log_in(client, people["head"])
    client.get(INDEX)  # warm: the session, the user's permissions
    with time_machine.travel(datetime.datetime(2026, 4, 29, 9, tzinfo=HANOI), tick=False):
        with django_assert_max_num_queries(25):
            assert client.get(INDEX).status_code == 200
