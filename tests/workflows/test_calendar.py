"""The working-day calendar across the real holiday periods of 2024–2026, and the head's exceptions."""

import datetime

import pytest

from workflows.calendar import add_working_days, is_working_day, working_days_between, working_days_in
from workflows.models import CalendarException

pytestmark = pytest.mark.django_db

D = datetime.date


def days(first, last):
    return [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]


@pytest.mark.parametrize(
    ("last_before", "first_day_off", "last_day_off", "first_after"),
    [
        # Tết Giáp Thìn 2024: 08/02–14/02.
        (D(2024, 2, 7), D(2024, 2, 8), D(2024, 2, 14), D(2024, 2, 15)),
        # Tết Ất Tỵ 2025: 25/01–02/02.
        (D(2025, 1, 24), D(2025, 1, 25), D(2025, 2, 2), D(2025, 2, 3)),
        # Tết Bính Ngọ 2026: 14/02–22/02.
        (D(2026, 2, 13), D(2026, 2, 14), D(2026, 2, 22), D(2026, 2, 23)),
        # 30/4–1/5 2024: 27/4–1/5 (Monday 29/4 swapped).
        (D(2024, 4, 26), D(2024, 4, 27), D(2024, 5, 1), D(2024, 5, 2)),
        # 30/4–1/5 2025: 30/4–4/5 (Friday 2/5 swapped).
        (D(2025, 4, 29), D(2025, 4, 30), D(2025, 5, 4), D(2025, 5, 5)),
        # Quốc khánh 2024: 31/8–3/9; 2025: 30/8–2/9; 2026: 29/8–2/9.
        (D(2024, 8, 30), D(2024, 8, 31), D(2024, 9, 3), D(2024, 9, 4)),
        (D(2025, 8, 29), D(2025, 8, 30), D(2025, 9, 2), D(2025, 9, 3)),
        (D(2026, 8, 28), D(2026, 8, 29), D(2026, 9, 2), D(2026, 9, 3)),
        # Giỗ Tổ Hùng Vương: Thursday 18/4/2024; Monday 7/4/2025; Sunday 26/4/2026, off on Monday 27/4.
        (D(2024, 4, 17), D(2024, 4, 18), D(2024, 4, 18), D(2024, 4, 19)),
        (D(2025, 4, 4), D(2025, 4, 5), D(2025, 4, 7), D(2025, 4, 8)),
        (D(2026, 4, 24), D(2026, 4, 25), D(2026, 4, 27), D(2026, 4, 28)),
    ],
)
def test_holiday_breaks(last_before, first_day_off, last_day_off, first_after):
    assert is_working_day(last_before)
    assert not any(is_working_day(day) for day in days(first_day_off, last_day_off))
    assert is_working_day(first_after)
    assert add_working_days(last_before, 1) == first_after
    assert working_days_between(last_before, first_after) == 1


@pytest.mark.parametrize("saturday", [D(2024, 5, 4), D(2025, 4, 26), D(2026, 8, 22)])
def test_make_up_saturdays_are_working_days(saturday):
    assert saturday.weekday() == 5
    assert is_working_day(saturday)
    assert not is_working_day(saturday + datetime.timedelta(days=7))


def test_ordinary_weeks():
    assert working_days_in(D(2025, 3, 8), D(2025, 3, 16)) == days(D(2025, 3, 10), D(2025, 3, 14))
    assert add_working_days(D(2025, 3, 7), 1) == D(2025, 3, 10)
    assert working_days_between(D(2025, 3, 7), D(2025, 3, 17)) == 6
    assert working_days_between(D(2025, 3, 17), D(2025, 3, 7)) == 0


def test_zero_working_days_is_the_same_day_or_the_next_working_day():
    assert add_working_days(D(2025, 3, 10), 0) == D(2025, 3, 10)
    assert add_working_days(D(2025, 3, 8), 0) == D(2025, 3, 10)
    assert add_working_days(D(2025, 4, 30), 0) == D(2025, 5, 5)
    assert add_working_days(D(2025, 4, 26), 0) == D(2025, 4, 26)


def test_the_heads_exceptions_override_the_calendar():
    monday = D(2025, 3, 10)
    saturday = D(2025, 3, 15)
    assert add_working_days(D(2025, 3, 7), 1) == monday

    CalendarException.objects.create(date=monday, is_working_day=False, note="Bầu cử")
    CalendarException.objects.create(date=saturday, is_working_day=True, note="Làm bù")
    assert not is_working_day(monday)
    assert is_working_day(saturday)
    assert add_working_days(D(2025, 3, 7), 1) == D(2025, 3, 11)
    assert working_days_between(D(2025, 3, 7), D(2025, 3, 16)) == 5

    # A statutory holiday of the `holidays` package made a working day by the head.
    CalendarException.objects.update_or_create(date=D(2025, 1, 27), defaults={"is_working_day": True})
    assert is_working_day(D(2025, 1, 27))


def test_shipped_rows_say_where_they_come_from():
    rows = CalendarException.objects.filter(date__year__in=[2024, 2025, 2026])
    assert rows.filter(is_working_day=True).count() == 3
    assert all(row.note for row in rows)
