"""The periods a report covers: a month, a quarter, a half-year or a year (Điều 4).

A period is written the way scripts pass it to `export_report --period`: "2025-03", "2025-Q1",
"2025-H1" or "2025". Its label is the Vietnamese heading printed on the report.
"""

import calendar
import datetime
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

MONTH = "month"
QUARTER = "quarter"
HALF = "half"
YEAR = "year"

# Months of each kind of period, and how many periods of that kind fit in a year.
MONTHS_IN = {MONTH: 1, QUARTER: 3, HALF: 6, YEAR: 12}

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}

PATTERNS = (
    (re.compile(r"^(\d{4})-(\d{2})$"), MONTH),
    (re.compile(r"^(\d{4})-Q(\d)$"), QUARTER),
    (re.compile(r"^(\d{4})-H(\d)$"), HALF),
    (re.compile(r"^(\d{4})$"), YEAR),
)

# How many periods of each kind the admin's picker offers, the most recent first.
PICKER_COUNTS = {MONTH: 12, QUARTER: 8, HALF: 4, YEAR: 3}


@dataclass(frozen=True)
class Period:
    """A calendar period: `kind` (month, quarter, half, year), `year` and `number` within the year."""

    kind: str
    year: int
    number: int = 1

    def __post_init__(self):
        if self.kind not in MONTHS_IN:
            raise ValueError(f"Unknown period kind: {self.kind!r}")
        if not 1 <= self.number <= 12 // MONTHS_IN[self.kind]:
            raise ValueError(f"No {self.kind} number {self.number}")

    @classmethod
    def parse(cls, value, today=None):
        """The period written as "2025-03", "2025-Q1", "2025-H1" or "2025".

        Raises ValueError with a Vietnamese message for anything else, and for a period that
        starts after `today` when `today` is given (nothing can be reported about it yet).
        """
        text = (value or "").strip().upper()
        for pattern, kind in PATTERNS:
            match = pattern.match(text)
            if not match:
                continue
            year = int(match.group(1))
            number = int(match.group(2)) if kind != YEAR else 1
            # Before 2000 there was no portal; the report reads the day after the period's end,
            # which the last year a date can hold does not have.
            if not 2000 <= year < datetime.MAXYEAR or not 1 <= number <= 12 // MONTHS_IN[kind]:
                break
            period = cls(kind, year, number)
            if today is not None and period.start > today:
                raise ValueError(_("The period %(period)s has not started yet.") % {"period": period.label})
            return period
        raise ValueError(
            _(
                "“%(value)s” is not a period. Write a month (2025-03), a quarter (2025-Q1), "
                "a half-year (2025-H1) or a year (2025)."
            )
            % {"value": value}
        )

    @property
    def first_month(self):
        return (self.number - 1) * MONTHS_IN[self.kind] + 1

    @property
    def start(self):
        """The first day of the period."""
        return datetime.date(self.year, self.first_month, 1)

    @property
    def end(self):
        """The last day of the period."""
        last_month = self.first_month + MONTHS_IN[self.kind] - 1
        return datetime.date(self.year, last_month, calendar.monthrange(self.year, last_month)[1])

    @property
    def key(self):
        """The period as written on the command line and in the admin's URL: "2025-Q1"."""
        if self.kind == MONTH:
            return f"{self.year}-{self.number:02d}"
        if self.kind == QUARTER:
            return f"{self.year}-Q{self.number}"
        if self.kind == HALF:
            return f"{self.year}-H{self.number}"
        return str(self.year)

    @property
    def label(self):
        """The heading of the report: "Tháng 03/2025", "Quý I/2025", "6 tháng đầu năm 2025", "Năm 2025"."""
        if self.kind == MONTH:
            return _("Month %(month)s/%(year)s") % {"month": f"{self.number:02d}", "year": self.year}
        if self.kind == QUARTER:
            return _("Quarter %(quarter)s/%(year)s") % {"quarter": ROMAN[self.number], "year": self.year}
        if self.kind == HALF:
            if self.number == 1:
                return _("First half of %(year)s") % {"year": self.year}
            return _("Second half of %(year)s") % {"year": self.year}
        return _("Year %(year)s") % {"year": self.year}

    def __str__(self):
        return self.key

    def contains(self, day):
        return day is not None and self.start <= day <= self.end

    def previous(self):
        """The period of the same kind just before this one."""
        if self.number > 1:
            return Period(self.kind, self.year, self.number - 1)
        return Period(self.kind, self.year - 1, 12 // MONTHS_IN[self.kind])

    @classmethod
    def containing(cls, kind, day):
        """The period of `kind` that `day` falls in."""
        return cls(kind, day.year, (day.month - 1) // MONTHS_IN[kind] + 1)


def last_complete(kind, today):
    """The last period of `kind` that ended before `today`."""
    return Period.containing(kind, today).previous()


def last_complete_quarter(today):
    """The last quarter that ended before `today`: the report the board opens by default."""
    return last_complete(QUARTER, today)


def last_complete_periods(today):
    """The last complete month, quarter, half-year and year: the reports due to the Party Committee."""
    return [last_complete(kind, today) for kind in (MONTH, QUARTER, HALF, YEAR)]


def recent_periods(today):
    """The periods offered by the admin's picker: recent months, quarters, halves and years.

    The period in progress comes first in each kind (a report "so far"); none in the future.
    """
    periods = []
    for kind in (MONTH, QUARTER, HALF, YEAR):
        period = Period.containing(kind, today)
        for _index in range(PICKER_COUNTS[kind]):
            periods.append(period)
            period = period.previous()
    return periods


def period_choices(today):
    """(key, label) pairs for the picker, months first, then quarters, halves and years."""
    return [(period.key, period.label) for period in recent_periods(today)]


def kind_label(kind):
    """The heading of a kind of period in the picker."""
    return {MONTH: _("Months"), QUARTER: _("Quarters"), HALF: _("Half-years"), YEAR: _("Years")}[kind]


def period_choice_groups(today, selected=None):
    """[(kind heading, [(key, label), ...]), ...] for the picker's option groups.

    `selected`, a period older than the picker goes back, is added at the head of its group so
    the picker shows what is on screen.
    """
    groups: dict[str, list[tuple[str, str]]] = {kind: [] for kind in MONTHS_IN}
    for period in recent_periods(today):
        groups[period.kind].append((period.key, period.label))
    if selected is not None and (selected.key, selected.label) not in groups[selected.kind]:
        groups[selected.kind].insert(0, (selected.key, selected.label))
    return [(kind_label(kind), choices) for kind, choices in groups.items()]
