"""Working days of the commune's offices (DESIGN §5): the clock of every deadline of Điều 8.

A working day is Monday–Friday that is not a Vietnamese public holiday (Bộ luật Lao động 2019,
Điều 112, as returned by the `holidays` package), unless a `CalendarException` row says otherwise.
The rows carry what the package cannot know for sure: each year's announced schedule (long Tết
breaks, swapped days, make-up Saturdays "làm bù") and the head's own corrections.
"""

import contextlib
import contextvars
import datetime
from collections.abc import Iterator
from functools import lru_cache

import holidays

from workflows.models import CalendarException

# Safety net: a calendar with every day off (a data-entry mistake) must not loop forever.
MAX_SEARCH_DAYS = 366


@lru_cache(maxsize=32)
def statutory_holidays(year: int) -> frozenset[datetime.date]:
    """The public holidays of Vietnam in `year` according to the `holidays` package."""
    return frozenset(holidays.country_holidays("VN", years=year))


# Set by `exceptions_loaded_once()`: the whole CalendarException table, read once.
_loaded_exceptions: contextvars.ContextVar[dict[datetime.date, bool] | None] = contextvars.ContextVar(
    "loaded_calendar_exceptions", default=None
)


@contextlib.contextmanager
def exceptions_loaded_once() -> Iterator[None]:
    """Within this block every calendar call reuses one read of the CalendarException table.

    For work that computes many deadlines at once (the dashboard panel, the deadlines report,
    the alerts): without it each due date costs a query, so the page grows with the content.
    """
    token = _loaded_exceptions.set(dict(CalendarException.objects.values_list("date", "is_working_day")))
    try:
        yield
    finally:
        _loaded_exceptions.reset(token)


def _exceptions(start: datetime.date, end: datetime.date) -> dict[datetime.date, bool]:
    """{date: is_working_day} of the CalendarException rows between start and end (inclusive).

    Read once per public call (the table is small and the head may change it at any time), or
    taken from `exceptions_loaded_once()` when a caller computes many deadlines together.
    """
    loaded = _loaded_exceptions.get()
    if loaded is not None:
        return {day: working for day, working in loaded.items() if start <= day <= end}
    return dict(CalendarException.objects.filter(date__range=(start, end)).values_list("date", "is_working_day"))


def _is_working_day(day: datetime.date, exceptions: dict[datetime.date, bool]) -> bool:
    if day in exceptions:
        return exceptions[day]
    return day.weekday() < 5 and day not in statutory_holidays(day.year)


def _as_date(value: datetime.date) -> datetime.date:
    # A datetime is a date subclass; keep only the date part (callers pass local dates).
    return value.date() if isinstance(value, datetime.datetime) else value


def is_working_day(d: datetime.date) -> bool:
    """Whether the offices work on date `d`."""
    d = _as_date(d)
    return _is_working_day(d, _exceptions(d, d))


def add_working_days(start: datetime.date, n: int) -> datetime.date:
    """The n-th working day strictly after `start`.

    For ``n == 0``: `start` itself when it is a working day, else the next working day.
    """
    if n < 0:
        raise ValueError("n must not be negative")
    start = _as_date(start)
    exceptions = _exceptions(start, start + datetime.timedelta(days=n * 3 + MAX_SEARCH_DAYS))
    if n == 0 and _is_working_day(start, exceptions):
        return start
    day, counted = start, 0
    for _ in range(n * 3 + MAX_SEARCH_DAYS):
        day += datetime.timedelta(days=1)
        if _is_working_day(day, exceptions):
            counted += 1
            if counted >= max(n, 1):
                return day
    raise ValueError(f"No working day found within {MAX_SEARCH_DAYS} days after {start}")


def working_days_between(a: datetime.date, b: datetime.date) -> int:
    """The number of working days in (a, b]; 0 when b is not after a."""
    a, b = _as_date(a), _as_date(b)
    if b <= a:
        return 0
    exceptions = _exceptions(a, b)
    return sum(
        1 for offset in range(1, (b - a).days + 1) if _is_working_day(a + datetime.timedelta(days=offset), exceptions)
    )


def working_days_in(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    """The working days from `start` to `end`, both included, in order."""
    start, end = _as_date(start), _as_date(end)
    exceptions = _exceptions(start, end)
    days = (start + datetime.timedelta(days=offset) for offset in range((end - start).days + 1))
    return [day for day in days if _is_working_day(day, exceptions)]
