"""The alert tasks read in a number of queries that does not grow with the questions and items (issue 18).

Each task runs at two sizes of the desk (a few, then many more open questions and late articles)
under the same ceiling, for real and as a dry run; only the e-mails actually written cost queries.
"""

import datetime
import zoneinfo

import pytest

from accounts.policy import GROUP_HEAD, GROUP_MEMBER, GROUP_OFFICIAL
from demo.factories.accounts import UserFactory
from demo.factories.pages import NewsPageFactory, QuestionFactory
from qa.models import QuestionStatus
from workflows import alerts

pytestmark = pytest.mark.django_db

D = datetime.date
HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
TODAY = D(2025, 4, 18)  # a Friday; 3 working days later is Wednesday 23/04 (30/04 is a holiday, far off)
SIZES = [2, 20]
# Writing one e-mail to the outbox: savepoint, lookup by key, insert, release (and the recipient's row).
EMAIL_WRITE = 6


@pytest.fixture
def desk(db, site_pages, request):
    """The board, one question due today and one due in 3 working days, and `size` more of each kind
    of item that the alerts read but do not write about: questions due later, late articles."""
    size = request.param
    UserFactory(username="truongban", groups=[GROUP_HEAD])
    UserFactory(username="thanhvien", groups=[GROUP_MEMBER])
    official = UserFactory(username="congchuc", groups=[GROUP_OFFICIAL])
    received = datetime.datetime(2025, 3, 20, 9, 0, tzinfo=HANOI)

    def question(due):
        return QuestionFactory(received_at=received, due_date=due, assignee=official, status=QuestionStatus.ASSIGNED)

    reminded = [question(TODAY), question(D(2025, 4, 23))]
    for n in range(size):
        question(D(2025, 5, 5) + datetime.timedelta(days=n))
        NewsPageFactory(parent=site_pages["news_index"], title=f"Tin trễ {n}", event_date=D(2025, 4, 1))
    return reminded


def run_for_real(django_capture_on_commit_callbacks, task):
    with django_capture_on_commit_callbacks(execute=False):
        return task(TODAY)


@pytest.mark.parametrize("desk", SIZES, indirect=True)
def test_question_reminders(desk, django_assert_max_num_queries, django_capture_on_commit_callbacks):
    with django_assert_max_num_queries(5):
        emails = alerts.queue_question_reminders(TODAY, dry_run=True)
    assert sorted(email.key for email in emails) == sorted(
        [f"alert:question-due-today:{desk[0].pk}:2025-04-18", f"alert:question-3-days:{desk[1].pk}:2025-04-23"]
    )
    # For real: the same reads, then writing the two e-mails.
    with django_assert_max_num_queries(5 + 2 * EMAIL_WRITE):
        assert len(run_for_real(django_capture_on_commit_callbacks, alerts.queue_question_reminders)) == 2


@pytest.mark.parametrize("desk", SIZES, indirect=True)
def test_morning_digest(desk, django_assert_max_num_queries, django_capture_on_commit_callbacks):
    with django_assert_max_num_queries(12):
        emails = alerts.queue_morning_digest(TODAY, dry_run=True)
    assert len(emails) == 2 and "Tin trễ 0" in emails[0].body
    with django_assert_max_num_queries(12 + 2 * EMAIL_WRITE):
        assert len(run_for_real(django_capture_on_commit_callbacks, alerts.queue_morning_digest)) == 2


@pytest.mark.parametrize("desk", SIZES, indirect=True)
def test_no_update_alert(desk, django_assert_max_num_queries, django_capture_on_commit_callbacks):
    with django_assert_max_num_queries(4):
        assert len(alerts.queue_no_update_alert(TODAY, dry_run=True)) == 2
    with django_assert_max_num_queries(4 + 2 * EMAIL_WRITE):
        assert len(run_for_real(django_capture_on_commit_callbacks, alerts.queue_no_update_alert)) == 2
