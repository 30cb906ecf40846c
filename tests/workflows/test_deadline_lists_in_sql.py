"""The deadlines report in SQL lists exactly what it listed item by item in Python (issue 18).

The oracle (`tests.workflows.oracle`) is the Python implementation as it was; a varied portal
(`tests.workflows.varied`) is built once for the module and every filter of the report is
compared, order included, on days before, on and after the due dates. The calendar's due-date
table is checked against `due_date` day by day with Hypothesis, exceptions included.
"""

import datetime
import zoneinfo

import pytest
import time_machine
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.policy import GROUP_MEMBER
from demo.factories.accounts import UserFactory
from demo.factories.pages import NewsPageFactory, QuestionFactory, site_tree
from tests.database import built_once
from tests.helpers import log_in
from tests.workflows import oracle
from tests.workflows.varied import build_varied_portal
from workflows.calendar import exceptions_loaded_once
from workflows.deadlines import (
    KIND_LABELS,
    STATUS_LABELS,
    WORKING_DAYS_ALLOWED,
    DeadlineList,
    ListFilters,
    due_date,
    due_dates,
)
from workflows.models import CalendarException

pytestmark = pytest.mark.django_db

D = datetime.date
HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
TODAYS = [D(2025, 1, 27), D(2025, 3, 14), D(2025, 4, 15), D(2025, 6, 30)]


@pytest.fixture(scope="module")
def portal(django_db_setup, django_db_blocker):
    """The varied portal, built once for the module; each test runs in a savepoint of it."""

    def build():
        return build_varied_portal(site_tree())

    with built_once(django_db_blocker, build):
        yield


def listed(filters):
    with exceptions_loaded_once():
        return list(DeadlineList(filters))


def row(item):
    return (item.model, item.object_id, item.kind, item.title, item.start, item.due, item.done_on, item.admin_url)


def assert_same(new, old):
    assert [(item.due, item.kind, item.title) for item in new] == [(item.due, item.kind, item.title) for item in old]
    assert sorted(map(row, new)) == sorted(map(row, old))
    assert [item.status_code for item in sorted(new, key=row)] == [item.status_code for item in sorted(old, key=row)]


FILTERS = [
    {},
    *({"kind": kind} for kind in KIND_LABELS),
    *({"status": status} for status in STATUS_LABELS),
    {"due_from": D(2025, 2, 1), "due_to": D(2025, 2, 28)},
    {"due_from": D(2025, 4, 24)},
    {"due_to": D(2025, 1, 31)},
    {"kind": "news", "status": "late", "due_from": D(2025, 3, 1)},
    {"kind": "answer", "status": "overdue", "due_to": D(2025, 5, 1)},
]


@pytest.mark.parametrize("today", TODAYS)
def test_every_filter_lists_what_the_python_lists_did(portal, today):
    everything = listed(ListFilters(today))
    assert len({item.kind for item in everything}) == len(KIND_LABELS)  # the data meets every kind
    assert {item.status_code for item in everything} >= {"on_time", "late"}
    for choice in FILTERS:
        assert_same(listed(ListFilters(today, **choice)), oracle.report_rows(today, **choice))


def test_pages_of_the_list_are_slices_counted_by_the_database(portal):
    today = D(2025, 4, 15)
    with exceptions_loaded_once():
        items = DeadlineList(ListFilters(today))
    everything = oracle.report_rows(today)
    assert items.count() == len(everything)
    assert [row(item) for item in items[10:20]] == [row(item) for item in list(items)[10:20]]
    assert row(items[-1]) == row(list(items)[-1])
    assert_same(list(items), everything)


def test_the_open_items_are_those_the_python_lists_kept_open(portal):
    today = D(2025, 4, 15)
    open_items = listed(ListFilters(today, open_only=True))
    expected = [item for item in oracle.all_items(open_only=True) if not item.is_done]
    for item in expected:
        item.status_code = item.status(today)
    assert_same(open_items, expected)


def test_the_report_screen_shows_the_rows_of_its_page(portal, client):
    log_in(client, UserFactory(groups=[GROUP_MEMBER]))
    today = D(2025, 4, 15)
    with time_machine.travel(datetime.datetime.combine(today, datetime.time(9), tzinfo=HANOI)):
        first = client.get(reverse("workflows_deadlines:index"), {"status": "late"}).content.decode()
    late = oracle.report_rows(today, status="late")
    assert all(item.title in first for item in late[:50])
    assert f"{len(late)}" in first


@pytest.mark.parametrize("size", [5, 40])
def test_the_report_runs_the_same_queries_at_any_size(client, site_pages, size, django_assert_max_num_queries):
    received = datetime.datetime(2025, 3, 3, 9, tzinfo=HANOI)
    for number in range(size):
        NewsPageFactory(parent=site_pages["news_index"], title=f"Tin số {number}", event_date=D(2025, 3, 3))
        QuestionFactory(title=f"Hỏi số {number}", received_at=received)
    log_in(client, UserFactory(groups=[GROUP_MEMBER]))
    url = reverse("workflows_deadlines:index")
    with time_machine.travel(datetime.datetime(2025, 3, 12, 8, tzinfo=HANOI)):
        client.get(url)
        for params in ({}, {"status": "overdue"}, {"kind": "answer", "due_from": "2025-03-01"}):
            with django_assert_max_num_queries(25):
                response = client.get(url, params)
            assert response.status_code == 200


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    kind=st.sampled_from(sorted(WORKING_DAYS_ALLOWED)),
    first=st.dates(D(2023, 12, 1), D(2027, 1, 31)),
    span=st.integers(0, 120),
    off=st.lists(st.dates(D(2023, 12, 1), D(2027, 6, 30)), max_size=6),
    working=st.lists(st.dates(D(2023, 12, 1), D(2027, 6, 30)), max_size=6),
)
def test_the_table_of_due_dates_is_due_date_day_by_day(db, kind, first, span, off, working):
    last = first + datetime.timedelta(days=span)
    with transaction.atomic():
        for day in off:
            CalendarException.objects.update_or_create(date=day, defaults={"is_working_day": False})
        for day in working:
            CalendarException.objects.update_or_create(date=day, defaults={"is_working_day": True})
        with exceptions_loaded_once():
            table = due_dates(kind, first, last)
        expected = [due_date(kind, first + datetime.timedelta(days=offset)) for offset in range(span + 1)]
        assert table == expected
        transaction.set_rollback(True)
