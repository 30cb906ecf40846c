"""The periodic report counted in SQL gives every figure it gave counted in Python (issue 18).

The oracle (`tests.reports.oracle`) is `reports.figures` as it was; the varied portal of
`tests.workflows.varied` is built once for the module and every period kind is compared, for a
report made during the period and after it.
"""

import datetime

import pytest

from demo.factories.pages import NewsPageFactory, QuestionFactory, site_tree
from reports.figures import build_report
from reports.periods import Period
from tests.database import built_once
from tests.reports import oracle
from tests.workflows.varied import HANOI, build_varied_portal

pytestmark = pytest.mark.django_db

D = datetime.date
PERIODS = ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-Q1", "2025-Q2", "2024-Q4", "2025-H1", "2025"]
TODAYS = [D(2025, 3, 14), D(2025, 4, 15), D(2025, 7, 1)]


@pytest.fixture(scope="module")
def portal(django_db_setup, django_db_blocker):
    """The varied portal, built once for the module; each test runs in a savepoint of it."""
    with built_once(django_db_blocker, lambda: build_varied_portal(site_tree(), seed=10)):
        yield


@pytest.mark.parametrize("today", TODAYS)
def test_every_figure_is_the_one_counted_in_python(portal, today):
    compared = 0
    for key in PERIODS:
        period = Period.parse(key)
        if period.start > today:
            continue
        report, expected = build_report(period, today), oracle.build_report(period, today)
        assert report == expected, key
        compared += 1
    assert compared >= 5


def test_the_varied_portal_meets_every_figure(portal):
    report = build_report(Period.parse("2025-H1"), D(2025, 7, 1))
    questions = report.questions
    assert report.items_total and report.items_by_author and report.contributors
    assert report.deadlines_total.met and report.deadlines_total.missed
    assert questions.answered_on_time and questions.closed_late and questions.open_overdue
    assert build_report(Period.parse("2025-Q1"), D(2025, 3, 14)).questions.open_not_due


@pytest.mark.parametrize("size", [5, 40])
def test_the_report_runs_the_same_queries_at_any_size(site_pages, size, django_assert_max_num_queries):
    before = build_report(Period.parse("2025-Q1"), D(2025, 4, 15))
    received = datetime.datetime(2025, 2, 3, 9, tzinfo=HANOI)
    for number in range(size):
        NewsPageFactory(parent=site_pages["news_index"], title=f"Tin số {number}", event_date=D(2025, 2, 3))
        QuestionFactory(title=f"Hỏi số {number}", received_at=received)
    build_report(Period.parse("2025-Q1"), D(2025, 4, 15))
    with django_assert_max_num_queries(22):
        report = build_report(Period.parse("2025-Q1"), D(2025, 4, 15))
    assert report.questions.received == before.questions.received + size
    assert report.deadlines_total.due == before.deadlines_total.due + 2 * size
