"""Deadline alerts: sent on working days only, to the right people, and once."""

import datetime
import io
import zoneinfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from accounts.policy import GROUP_CONTRIBUTOR, GROUP_HEAD, GROUP_MEMBER, GROUP_OFFICIAL
from demo.factories.accounts import UserFactory
from demo.factories.pages import NewsPageFactory, QuestionFactory
from outbox.models import Email, Status
from qa.models import QuestionStatus
from workflows import alerts, tasks

pytestmark = pytest.mark.django_db

D = datetime.date
HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def board(db):
    return {
        "head": UserFactory(username="truongban", groups=[GROUP_HEAD]),
        "member": UserFactory(username="thanhvien", groups=[GROUP_MEMBER]),
        "contributor": UserFactory(username="congtacvien", groups=[GROUP_CONTRIBUTOR]),
    }


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Call a service or task and run what it queued for after the commit (the e-mail tasks).

    The test's transaction never commits, so on_commit callbacks are run explicitly here.
    """

    def call(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return call


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_digest_lists_late_and_due_items_for_the_board(board, site_pages, run):
    NewsPageFactory(parent=site_pages["news_index"], title="Ngày hội đại đoàn kết", event_date=D(2025, 3, 3))
    NewsPageFactory(parent=site_pages["news_index"], title="Tập huấn chuyển đổi số", event_date=D(2025, 3, 7))

    run(alerts.queue_morning_digest, D(2025, 3, 12))

    assert recipients() == [board["member"].email, board["head"].email]
    message = mail.outbox[0]
    assert message.subject == "Hạn xuất bản tin bài ngày 12/03/2025"
    overdue, due_today = message.body.split("Đến hạn hôm nay")
    assert "Ngày hội đại đoàn kết" in overdue and "06/03/2025" in overdue
    assert "Tập huấn chuyển đổi số" in due_today and "12/03/2025" in due_today


@pytest.mark.parametrize("day_off", [D(2025, 3, 15), D(2025, 4, 30), D(2025, 1, 29), D(2026, 8, 31)])
def test_no_digest_on_a_day_off(board, day_off, run):
    assert run(alerts.queue_morning_digest, day_off) == []
    assert mail.outbox == []


def test_digest_goes_out_on_a_make_up_saturday(board, run):
    run(alerts.queue_morning_digest, D(2025, 4, 26))
    assert len(mail.outbox) == 2


def test_digest_is_sent_once_even_if_beat_fires_twice(board, run):
    run(tasks.send_morning_digest.delay, "2025-03-12")
    run(tasks.send_morning_digest.delay, "2025-03-12")
    assert len(mail.outbox) == 2
    assert Email.objects.filter(topic=f"alert:{alerts.DIGEST}", status=Status.SENT).count() == 2


def test_a_claimed_but_unsent_alert_is_sent_on_the_next_run(board, run):
    # The worker died after writing it: the e-mail waits in the outbox and nobody received it.
    Email.objects.create(
        key=f"alert:digest:2025-03-12:{board['head'].pk}", recipients=board["head"].email, subject="x", body="y"
    )
    run(alerts.queue_morning_digest, D(2025, 3, 12))
    run(alerts.queue_morning_digest, D(2025, 3, 12))
    assert recipients() == [board["member"].email, board["head"].email]


def test_question_reminders_three_working_days_before_and_on_the_day(board, run):
    official = UserFactory(username="congchuc", groups=[GROUP_OFFICIAL])
    question = QuestionFactory(
        received_at=datetime.datetime(2025, 4, 1, 9, 0, tzinfo=HANOI), assignee=official, status=QuestionStatus.ASSIGNED
    )
    assert question.due_date == D(2025, 4, 23)

    for day in (D(2025, 4, 17), D(2025, 4, 21), D(2025, 4, 22)):
        assert run(alerts.queue_question_reminders, day) == []
    run(tasks.send_question_reminders.delay, "2025-04-18")
    run(tasks.send_question_reminders.delay, "2025-04-18")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [official.email]
    assert question.tracking_code in mail.outbox[0].subject
    assert "23/04/2025" in mail.outbox[0].body

    run(alerts.queue_question_reminders, D(2025, 4, 23))
    run(alerts.queue_question_reminders, D(2025, 4, 23))
    assert len(mail.outbox) == 2
    assert "hôm nay" in mail.outbox[1].subject.lower()


def test_answered_questions_get_no_reminder(board, run):
    official = UserFactory(username="congchuc", groups=[GROUP_OFFICIAL])
    QuestionFactory(
        received_at=datetime.datetime(2025, 4, 1, 9, 0, tzinfo=HANOI), assignee=official, status=QuestionStatus.ANSWERED
    )
    assert run(alerts.queue_question_reminders, D(2025, 4, 23)) == []


def test_no_update_alert_when_nothing_was_published_on_a_working_day(board, site_pages, run):
    with time_machine.travel(datetime.datetime(2025, 3, 11, 16, 0, tzinfo=HANOI)):
        run(tasks.send_no_update_alert.delay)
        run(tasks.send_no_update_alert.delay)
    assert recipients() == [board["member"].email, board["head"].email]
    assert "11/03/2025" in mail.outbox[0].subject


def test_no_update_alert_stays_quiet_after_a_publication_or_on_a_day_off(board, site_pages, run):
    with time_machine.travel(datetime.datetime(2025, 3, 12, 10, 0, tzinfo=HANOI)):
        NewsPageFactory(parent=site_pages["news_index"]).save_revision().publish()
    with time_machine.travel(datetime.datetime(2025, 3, 12, 16, 0, tzinfo=HANOI)):
        assert run(alerts.queue_no_update_alert, D(2025, 3, 12)) == []
    assert run(alerts.queue_no_update_alert, D(2025, 9, 2)) == []
    assert mail.outbox == []


def test_operator_command_dry_run_sends_nothing_then_rerun_sends_once(board, run):
    out = io.StringIO()
    call_command("send_deadline_alerts", "digest", "--date", "2025-03-12", "--dry-run", stdout=out)
    assert "2 e-mail(s) would be queued for 12/03/2025" in out.getvalue()
    assert mail.outbox == [] and not Email.objects.exists()

    run(call_command, "send_deadline_alerts", "digest", "--date", "2025-03-12", stdout=io.StringIO())
    out = io.StringIO()
    run(call_command, "send_deadline_alerts", "digest", "--date", "2025-03-12", stdout=out)
    assert len(mail.outbox) == 2
    assert "0 e-mail(s) queued" in out.getvalue()
