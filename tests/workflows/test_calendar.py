"""The working-day calendar across the real holiday periods of 2024–2026, and the head's exceptions."""

import datetime
import importlib
import re

import pytest
from django.apps import apps as django_apps

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


# A document as the state cites it, "2450/VPCP-KGVX ngày 12/4/2024", or the Labour Code's article.
DATED_DOCUMENT = re.compile(r"\b\d+/[A-ZĐ]+(-[A-ZĐ]+)* ngày \d{2}/\d{1,2}/\d{4}\b|Bộ luật Lao động 2019, Điều \d+")
# What no source could confirm is said plainly, never invented.
UNCONFIRMED = "chưa đối chiếu được"


def test_new_year_2026_swap_friday_off_saturday_worked():
    """Công văn 12729/VPCP-KGVX: Friday 2/1/2026 off, worked on Saturday 10/1/2026."""
    assert not is_working_day(D(2026, 1, 1))
    assert not is_working_day(D(2026, 1, 2))
    assert is_working_day(D(2026, 1, 10))
    assert not is_working_day(D(2026, 1, 17))
    # A news item of Wednesday 31/12/2025 is due 3 working days later: 5, 6, 7 January.
    assert add_working_days(D(2025, 12, 31), 1) == D(2026, 1, 5)
    assert add_working_days(D(2025, 12, 31), 3) == D(2026, 1, 7)
    # Friday 9/1 + 1 working day is the make-up Saturday 10/1, + 2 is Monday 12/1.
    assert add_working_days(D(2026, 1, 9), 1) == D(2026, 1, 10)
    assert add_working_days(D(2026, 1, 9), 2) == D(2026, 1, 12)
    assert add_working_days(D(2026, 1, 2), 0) == D(2026, 1, 5)
    assert working_days_between(D(2025, 12, 31), D(2026, 1, 12)) == 7


def test_shipped_rows_say_where_they_come_from():
    rows = list(CalendarException.objects.filter(date__year__in=[2024, 2025, 2026]))
    assert {row.date for row in rows if row.is_working_day} == {
        D(2024, 5, 4),
        D(2025, 4, 26),
        D(2026, 1, 10),
        D(2026, 8, 22),
    }
    for row in rows:
        # Each row names the document it comes from, or says plainly what could not be confirmed.
        assert DATED_DOCUMENT.search(row.note) or UNCONFIRMED in row.note, row.note
        assert "gói holidays" not in row.note, row.note


def test_announcements_named_in_the_notes():
    notes = dict(CalendarException.objects.values_list("date", "note"))
    assert "2450/VPCP-KGVX ngày 12/4/2024" in notes[D(2024, 4, 29)]
    assert "8662/VPCP-KGVX ngày 03/11/2023" in notes[D(2024, 2, 8)]
    assert "8726/VPCP-KGVX ngày 26/11/2024" in notes[D(2025, 1, 27)]
    assert "6150/TB-LĐTBXH" in notes[D(2025, 5, 2)]
    assert "12729/VPCP-KGVX ngày 25/12/2025" in notes[D(2026, 1, 2)]
    assert notes[D(2026, 1, 10)] == notes[D(2026, 1, 2)]
    assert "Điều 111 khoản 3" in notes[D(2026, 4, 27)]


def test_recheck_keeps_what_the_head_changed():
    """The re-check rewrites only rows still as 0004 shipped them, and never a row the head edited."""
    migration = importlib.import_module("workflows.migrations.0010_calendar_2024_2026_rechecked")
    CalendarException.objects.filter(date=D(2026, 8, 31)).update(note=migration.OLD_NATIONAL_2026)
    CalendarException.objects.filter(date=D(2026, 9, 1)).update(note="Trưởng Ban sửa: theo thông báo của tỉnh")
    CalendarException.objects.filter(date=D(2026, 1, 2)).delete()
    CalendarException.objects.filter(date=D(2026, 1, 10)).update(note="Trưởng Ban nhập tay")

    migration.recheck(django_apps, None)

    notes = dict(CalendarException.objects.values_list("date", "note"))
    assert notes[D(2026, 8, 31)] == migration.NATIONAL_2026
    assert notes[D(2026, 9, 1)] == "Trưởng Ban sửa: theo thông báo của tỉnh"
    assert notes[D(2026, 1, 2)] == migration.NEW_YEAR_2026
    assert notes[D(2026, 1, 10)] == "Trưởng Ban nhập tay"
