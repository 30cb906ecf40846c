"""Publication and answer deadlines of Điều 8 (DESIGN §5), and which items meet them.

`deadline_for(item)` is the one place that says whether an item has a deadline and when it is
due; the lists below (the dashboard, alerts, the deadlines report, the periodic report, authors'
records) all go through it. What has a deadline, and from when, each content type says itself
(`workflows.contract.EditorialItem.deadline_clock`); the lists are built per implementer of the
contract, and their querysets leave out at the database what has no deadline
(`EditorialItem.deadline_filter`), so counts and query counts stay right.

Due dates are computed from the items' own fields, never stored on the pages: a change of the
calendar (a new `CalendarException`) moves every open deadline at once. Residents' requests are
the exception: a question's `due_date` is set on receipt (`qa.models.Question.save`) because it
is promised to the resident.
"""

import bisect
import datetime
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, overload

from django.conf import settings
from django.db.models import Case, CharField, DateField, Expression, F, Func, Max, Min, Q, QuerySet, Value, When
from django.db.models.functions import Cast, Coalesce, TruncDate
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise, cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from portal.dates import local_date
from workflows.calendar import MAX_SEARCH_DAYS, add_working_days, exceptions_loaded_once, working_days_in
from workflows.contract import EditorialItem, ResidentRequest, implementer, implementers, resident_requests

NEWS = "news"
DOCUMENT = "document"
CONFERENCE = "conference"
STATISTICS = "statistics"
ANSWER = "answer"

# Working days allowed after the clock starts (Điều 8a–8đ).
WORKING_DAYS_ALLOWED = {
    NEWS: 3,
    DOCUMENT: 1,
    CONFERENCE: 3,
    STATISTICS: 0,
    ANSWER: 15,
}

# News and documents allow at most three working days, which never take longer than a month,
# even across Tết and its weekends: an item falls due in a period only if its clock started at
# most this long before the period.
LONGEST_SPAN = datetime.timedelta(days=31)

KIND_LABELS = {
    NEWS: _("News and activities"),
    DOCUMENT: _("Official document"),
    CONFERENCE: _("Conference or event"),
    STATISTICS: _("Statistics"),
    ANSWER: _("Answer to a resident"),
}

# A period, as (first day, last day), that narrows the lists' queries.
Days = tuple[datetime.date, datetime.date]

OVERDUE = "overdue"
DUE_TODAY = "due_today"
UPCOMING = "upcoming"
ON_TIME = "on_time"
LATE = "late"

STATUS_LABELS = {
    OVERDUE: _("Overdue"),
    DUE_TODAY: _("Due today"),
    UPCOMING: _("Not yet due"),
    ON_TIME: _("Done on time"),
    LATE: _("Done late"),
}


def due_date(kind: str, start: datetime.date | datetime.datetime) -> datetime.date:
    """The last day on which an item of `kind` whose clock starts on `start` is on time.

    `start` may be a date or an aware datetime (taken as its local date).
    """
    if kind not in WORKING_DAYS_ALLOWED:
        raise ValueError(f"Unknown deadline kind: {kind!r}")
    return add_working_days(local_date(start), WORKING_DAYS_ALLOWED[kind])


@dataclass(frozen=True)
class Deadline:
    """An item's deadline: its kind (§5), the day its clock starts, and its last day on time."""

    kind: str
    start: datetime.date
    due: datetime.date


def deadline_for(item: object) -> Deadline | None:
    """The `Deadline` of a news article, official document, answer page or question; None without one.

    None where the regulation sets no deadline: "khac" news (Điều 8e), documents not issued by the
    commune People's Committee (8b), confidential documents (never published), and items whose
    clock has not started (no event or signing date). A question's due date is the one promised
    to the resident (`Question.due_date`, possibly extended), else 15 working days from its local
    date of receipt; an answer page has its question's deadline.

    Each content type says which of these applies to it (`EditorialItem.deadline_clock` and
    `promised_due_date`); anything else (the home page, a plain page) has no deadline.
    """
    if isinstance(item, EditorialItem):
        clock = item.deadline_clock()
        if clock is None:
            return None
        kind, start = clock
        return Deadline(kind, start, item.promised_due_date() or due_date(kind, start))
    specific = getattr(item, "specific", None)
    if specific is not None and type(specific) is not type(item):
        return deadline_for(specific)
    return None


def is_on_time(due: datetime.date, done_at: datetime.date | datetime.datetime | None) -> bool:
    """Whether something done at `done_at` (local date of an aware datetime) met `due`."""
    done = local_date(done_at)
    return done is not None and done <= due


@dataclass
class DeadlineItem:
    """A news article, document or resident's question with its deadline, for panels and reports."""

    kind: str
    title: str
    start: datetime.date
    due: datetime.date
    done_on: datetime.date | None
    admin_url: str | None
    object_id: int
    model: str  # the implementer's lower-case model label, e.g. "news.newspage", "qa.question"
    # Set by the deadlines report (views_deadlines) for its status column and filter.
    status_code: str = field(default="", compare=False, repr=False)
    status_text: str | Promise = field(default="", compare=False, repr=False)

    @property
    def kind_label(self) -> str | Promise:
        return KIND_LABELS[self.kind]

    @property
    def is_done(self) -> bool:
        return self.done_on is not None

    def status(self, today: datetime.date) -> str:
        """One of OVERDUE, DUE_TODAY, UPCOMING, ON_TIME, LATE, as seen on `today`."""
        if self.done_on is not None:
            return ON_TIME if self.done_on <= self.due else LATE
        if self.due < today:
            return OVERDUE
        if self.due == today:
            return DUE_TODAY
        return UPCOMING

    def status_label(self, today: datetime.date) -> str | Promise:
        return STATUS_LABELS[self.status(today)]


def originals(pages: QuerySet[Any]) -> QuerySet[Any]:
    """The pages themselves, without their aliases and their translations into other languages.

    An alias or an English copy repeats an item already counted; it has no deadline of its own.
    The default locale is matched by its language code in the same query (`Locale.get_default()`
    would cost one more query per kind of item).
    """
    default_language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return pages.filter(alias_of__isnull=True, locale__language_code=default_language)


def items_of(
    model: type[EditorialItem], due_between: Days | None = None, open_only: bool = False
) -> Iterator[DeadlineItem]:
    """Every item of one implementer of the contract with a deadline, as DeadlineItems.

    A page type lists the original pages its `deadline_filter` keeps (done on the local date of
    their first publication); a resident's request lists as `request_items` says. A type without
    a `deadline_filter` (an answer page: its question is listed) lists nothing. See `all_items`
    for `due_between` and `open_only`. One query per page type, two per type of request.
    """
    if issubclass(model, ResidentRequest):
        yield from request_items(model, due_between, open_only)
    elif issubclass(model, Page) and model.deadline_filter is not None:
        yield from page_items(model, due_between, open_only)


def page_items(model: type[Page], due_between: Days | None = None, open_only: bool = False) -> Iterator[DeadlineItem]:
    """The pages of `model` (an `EditorialItem`) with a deadline, as DeadlineItems.

    With `open_only`, only the pages never published (the others are done): the digest and the
    dashboard read what is still to do, not the portal's whole history.

    E.g. a news article of category "khac" (Điều 8e) or without an event date has none; only the
    commune People's Committee's documents with a signing date have one (Điều 8b), and a
    confidential document is never published (Điều 5, 6), so it has no deadline to miss.
    """
    if not issubclass(model, EditorialItem) or model.deadline_filter is None:
        raise TypeError(f"{model.__name__} lists no deadlines of its own (workflows.contract)")
    pages = originals(model.objects.filter(model.deadline_filter))
    if due_between:
        first, last = due_between
        start = model.deadline_start_field
        pages = pages.filter(**{f"{start}__gte": first - LONGEST_SPAN, f"{start}__lte": last})
    if open_only:
        pages = pages.filter(first_published_at__isnull=True)
    pages = pages.only("id", "title", *model.deadline_fields, "first_published_at")
    label = model._meta.label_lower
    for page in pages:
        deadline = deadline_for(page)
        if deadline is None:
            continue
        yield DeadlineItem(
            kind=deadline.kind,
            title=page.title,
            start=deadline.start,
            due=deadline.due,
            done_on=local_date(page.first_published_at),
            admin_url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
            object_id=page.pk,
            model=label,
        )


def closed_late(model: type[ResidentRequest]) -> Q:
    """Requests closed without an answer after their due date (local date of `closed_at`).

    Closing is the commune's reply of sorts (Điều 8đ counts from receipt to the reply), and "out
    of scope" must not hide a late answer: such a question counts late in every figure, done on
    the day it was closed. A question closed on or before its due date is neither answered nor
    late. A question closed before `closed_at` was recorded (NULL: nothing in the audit log
    either) is left out, as it always was: counting it late would invent a date. A question
    without a stored due date is kept here and judged on its computed one.
    """
    closed_on = TruncDate("closed_at", tzinfo=timezone.get_default_timezone())
    return Q(status=model.closed_status, closed_at__isnull=False) & (
        Q(due_date__isnull=True) | Q(due_date__lt=closed_on)
    )


def request_items(
    model: type[ResidentRequest], due_between: Days | None = None, open_only: bool = False
) -> Iterator[DeadlineItem]:
    """Every resident's request (question) of `model` with a deadline to meet, as DeadlineItems.

    That is every request not closed, and those closed after their due date (see `closed_late`).
    Answered on the day its answer reached the resident (`answer_given_at`: for a question, the
    day `answered_at` was set or, failing that, the day its answer page was first published); a
    request closed late is done on the day it was closed. With `open_only`, the requests neither
    closed nor with an `answered_at` (those are done); one answered only by a published answer
    page is still read and judged here.
    """
    requests = model.objects.filter(~Q(status=model.closed_status) | closed_late(model))
    if open_only:
        requests = requests.exclude(status=model.closed_status).filter(answered_at__isnull=True)
    if due_between:
        # The due date promised to the resident is stored; the rare request without one is
        # read in any case and placed by its computed due date.
        requests = requests.filter(Q(due_date__range=due_between) | Q(due_date__isnull=True))
    label = model._meta.label_lower
    for request in model.with_answers(requests):
        deadline = deadline_for(request)
        if deadline is None:
            continue  # not received yet: no clock (a stored request always is)
        if request.status == model.closed_status:
            done_at = request.closed_at
            if local_date(done_at) <= deadline.due:
                continue  # only a request without a stored due date can get here
        else:
            done_at = request.answer_given_at()
        yield DeadlineItem(
            kind=deadline.kind,
            title=str(request),
            start=deadline.start,
            due=deadline.due,
            done_on=local_date(done_at),
            admin_url=request.admin_url(),
            object_id=request.pk,
            model=label,
        )


def all_items(due_between: Days | None = None, open_only: bool = False) -> list[DeadlineItem]:
    """Every item with a deadline (news, documents, questions: every implementer), earliest due first.

    `due_between` (first day, last day) narrows the queries to the items that can fall due in
    those days, so a report on one month does not read the portal's whole history; the caller
    still keeps only the items whose due date is in range. `open_only` leaves out in SQL what is
    certainly done (published pages, closed or answered requests); the caller still checks `is_done`.
    """
    with exceptions_loaded_once():
        items = [item for model in implementers() for item in items_of(model, due_between, open_only)]
    return sorted(items, key=lambda item: (item.due, item.kind, item.title))


# --- The lists in SQL (issue 18): filtered, counted, sorted and paginated by the database ---


def due_dates(
    kind: str, first: datetime.date, last: datetime.date, working: list[datetime.date] | None = None
) -> list[datetime.date]:
    """`due_date(kind, day)` for every day from `first` to `last`, in one pass over the calendar.

    The same days as `due_date` gives one by one (the n-th working day strictly after the start;
    the start itself for 0 days when it is a working day), at a cost bounded by the number of
    days, not of items. `working`: the working days from `first` on, if already read (at least
    as far as `working_days_until(kind, last)`), shared by the tables of several kinds.
    """
    if kind not in WORKING_DAYS_ALLOWED:
        raise ValueError(f"Unknown deadline kind: {kind!r}")
    allowed = WORKING_DAYS_ALLOWED[kind]
    window = datetime.timedelta(days=allowed * 3 + MAX_SEARCH_DAYS)  # as far as add_working_days looks
    if working is None:
        working = working_days_in(first, working_days_until(kind, last))
    dues = []
    for offset in range((last - first).days + 1):
        day = first + datetime.timedelta(days=offset)
        after = bisect.bisect_right(working, day)
        if allowed == 0 and after and working[after - 1] == day:
            due: datetime.date | None = day
        else:
            index = after + max(allowed, 1) - 1
            due = working[index] if index < len(working) else None
        if due is None or due - day > window:
            due = due_date(kind, day)  # raises as the calendar does: no working day found
        dues.append(due)
    return dues


def working_days_until(kind: str, last: datetime.date) -> datetime.date:
    """How far `add_working_days` looks for the due date of an item of `kind` starting on `last`."""
    return last + datetime.timedelta(days=WORKING_DAYS_ALLOWED[kind] * 3 + MAX_SEARCH_DAYS)


class DayTable(Expression):
    """The value a table of consecutive days gives the date `day` (`values[day - first]`), in SQL.

    PostgreSQL reads it from an array, one subscript per row; other databases from a CASE that
    halves the days at each step (a dozen comparisons for ten years). NULL outside the table.
    """

    def __init__(self, day: Any, first: datetime.date, values: Sequence[datetime.date]) -> None:
        super().__init__(output_field=DateField())
        self.day = day
        self.first = first
        self.values = tuple(values)  # hashed at once by Django's expression identity

    def __repr__(self) -> str:
        return f"DayTable({self.day!r}, {self.first}, {len(self.values)} days)"

    def get_source_expressions(self) -> list[Any]:
        return [self.day]

    def set_source_expressions(self, exprs: Sequence[Any]) -> None:
        [self.day] = exprs

    def as_sql(self, compiler: Any, connection: Any) -> Any:
        day_sql, day_params = compiler.compile(self.day)
        adapt = connection.ops.adapt_datefield_value
        # Runs of days with the same value: (first day of the run, value), in order.
        runs: list[tuple[datetime.date, datetime.date]] = []
        for offset, value in enumerate(self.values):
            if not runs or runs[-1][1] != value:
                runs.append((self.first + datetime.timedelta(days=offset), value))
        params: list[Any] = []

        def halves(low: int, high: int) -> str:  # the runs low..high-1
            if high - low == 1:
                params.append(adapt(runs[low][1]))
                return "%s"
            middle = (low + high) // 2
            params.extend(day_params)
            params.append(adapt(runs[middle][0]))
            return f"CASE WHEN {day_sql} < %s THEN {halves(low, middle)} ELSE {halves(middle, high)} END"

        last = self.first + datetime.timedelta(days=len(self.values) - 1)
        head = [*day_params, adapt(self.first), adapt(last)]
        tree = halves(0, len(runs)) if runs else "NULL"
        return f"CASE WHEN {day_sql} BETWEEN %s AND %s THEN {tree} END", [*head, *params]

    def as_postgresql(self, compiler: Any, connection: Any) -> Any:
        day_sql, day_params = compiler.compile(self.day)
        # date - date is a number of days; an array subscript out of its bounds is NULL.
        return f"(%s::date[])[({day_sql}) - %s::date + 1]", [self.array_literal, *day_params, self.first]

    @cached_property
    def array_literal(self) -> str:
        """The values as one PostgreSQL array literal (thousands of dates adapted one by one cost more)."""
        return "{" + ",".join(value.isoformat() for value in self.values) + "}"


class CodePointOrder(Func):
    """Text that sorts as Python sorts strings (by code point), whatever the database's collation.

    SQLite compares bytes already; PostgreSQL sorts by its collation unless told "C".
    """

    template = "%(expressions)s"

    def as_postgresql(self, compiler: Any, connection: Any, **extra_context: Any) -> Any:
        return self.as_sql(compiler, connection, template='(%(expressions)s) COLLATE "C"', **extra_context)


# The columns of a row of the deadline lists in SQL, in the order every part of the union selects them.
ROW_COLUMNS = ("dl_model", "dl_id", "dl_title", "dl_sort", "dl_kind", "dl_start", "dl_due", "dl_done")
# Earliest due first, then by kind and title, as `all_items` sorts (then steadily, by item).
ROW_ORDER = ("dl_due", "dl_kind", "dl_sort", "dl_model", "dl_id")


@dataclass(frozen=True)
class ListFilters:
    """What the deadlines report narrows its list to; None: no filter. `today` decides the status."""

    today: datetime.date
    kind: str | None = None
    status: str | None = None
    due_from: datetime.date | None = None
    due_to: datetime.date | None = None
    #: Only what is still to do (not published, not answered, not closed), as `all_items(open_only=True)`.
    open_only: bool = False


# A typed NULL: psycopg sends a bare None as an untyped parameter, which PostgreSQL takes for text
# in a UNION with the date column of another part ("UNION types text and date cannot be matched").
NO_DATE = Cast(Value(None), output_field=DateField())


def _first_match(pairs: Iterable[tuple[Q, Any]], output_field: Any) -> Any:
    """The value of the first (condition, value) pair a row matches, NULL if none; `Q()` matches all."""
    whens: list[When] = []
    for condition, value in pairs:
        if not condition:
            return Case(*whens, default=value, output_field=output_field) if whens else value
        whens.append(When(condition, then=value))
    return Case(*whens, default=Value(None), output_field=output_field)


def _kind_expression(model: type[EditorialItem]) -> Any:
    pairs = [(condition, Value(kind, output_field=CharField())) for condition, kind in model.deadline_kinds]
    return _first_match(pairs, CharField())


def _due_expression(model: type[EditorialItem], rows: QuerySet[Any], start: Any) -> Any:
    """The due date of each row, from `start` (a date expression) by the kind of the row."""
    bounds = rows.aggregate(first=Min(start), last=Max(start))
    if bounds["first"] is None:
        return NO_DATE
    first, last = bounds["first"], bounds["last"]
    # Neighbouring kinds with the same working days share one table (news and conferences).
    groups: list[tuple[Q, int, str]] = []
    for condition, kind in model.deadline_kinds:
        allowed = WORKING_DAYS_ALLOWED[kind]
        if groups and groups[-1][1] == allowed:
            groups[-1] = (groups[-1][0] | condition, allowed, groups[-1][2])
        else:
            groups.append((condition, allowed, kind))
    if not groups:
        return NO_DATE
    working = working_days_in(first, max(working_days_until(kind, last) for _, _, kind in groups))
    tables = [
        (condition, DayTable(start, first, due_dates(kind, first, last, working))) for condition, _, kind in groups
    ]
    return _first_match(tables, DateField())


def _status_filter(status: str, today: datetime.date) -> Q:
    done, not_done = Q(dl_done__isnull=False), Q(dl_done__isnull=True)
    return {
        ON_TIME: done & Q(dl_done__lte=F("dl_due")),
        LATE: done & Q(dl_done__gt=F("dl_due")),
        OVERDUE: not_done & Q(dl_due__lt=today),
        DUE_TODAY: not_done & Q(dl_due=today),
        UPCOMING: not_done & Q(dl_due__gt=today),
    }[status]


def _narrow(model: type[EditorialItem], filters: ListFilters) -> Q | None:
    """The rows whose kind may be `filters.kind`; None when the model has no such rows."""
    if not filters.kind:
        return Q()
    conditions = [condition for condition, kind in model.deadline_kinds if kind == filters.kind]
    if not conditions:
        return None
    # The first pair that matches decides: a row matching an earlier pair of another kind is not kept.
    return Q(dl_kind=filters.kind)


def _page_rows(model: type[Page], filters: ListFilters) -> QuerySet[Any] | None:
    """The pages of `model` with a deadline, as rows of ROW_COLUMNS (see `deadline_rows`)."""
    narrow = _narrow(model, filters)
    if narrow is None or not issubclass(model, EditorialItem) or model.deadline_filter is None:
        return None
    start_field = model.deadline_start_field
    with_deadline = model.objects.filter(model.deadline_filter)
    # A page's clock starts at most LONGEST_SPAN before its due date, never after it.
    if filters.due_from:
        with_deadline = with_deadline.filter(**{f"{start_field}__gte": filters.due_from - LONGEST_SPAN})
    if filters.due_to:
        with_deadline = with_deadline.filter(**{f"{start_field}__lte": filters.due_to})
    pages = originals(with_deadline)
    if filters.open_only or filters.status in (OVERDUE, DUE_TODAY, UPCOMING):
        pages = pages.filter(first_published_at__isnull=True)
    elif filters.status in (ON_TIME, LATE):
        pages = pages.filter(first_published_at__isnull=False)
    start = F(start_field)
    return pages.annotate(
        dl_model=Value(model._meta.label_lower, output_field=CharField()),
        dl_id=F("pk"),
        dl_title=F("title"),
        dl_sort=CodePointOrder(F("title"), output_field=CharField()),
        dl_kind=_kind_expression(model),
        dl_start=start,
        dl_due=_due_expression(model, with_deadline, start),  # its days: the originals' and a few more
        dl_done=TruncDate("first_published_at", tzinfo=timezone.get_default_timezone()),
    ).filter(narrow)


def request_due_expression(model: type[ResidentRequest]) -> tuple[Any, bool]:
    """(The due date of `deadline_for` as an SQL expression on a request's row, whether any has none stored).

    The due date promised to the resident is stored; the rare request without one is placed by
    the due date computed from the local date of its receipt. Call within `exceptions_loaded_once()`.
    """
    legacy = model.objects.filter(due_date__isnull=True)
    if not legacy.exists():
        return F("due_date"), False
    start = TruncDate("received_at", tzinfo=timezone.get_default_timezone())
    return Coalesce("due_date", _due_expression(model, legacy, start)), True


def _request_rows(model: type[ResidentRequest], filters: ListFilters) -> QuerySet[Any] | None:
    """The residents' requests of `model` with a deadline to meet, as rows of ROW_COLUMNS.

    The same requests as `request_items`: every one not closed, and those closed after their due
    date (`closed_at`'s local date); done when the answer reached the resident, or when closed.
    """
    narrow = _narrow(model, filters)
    if narrow is None:
        return None
    zone = timezone.get_default_timezone()
    closed = Q(status=model.closed_status)
    requests = model.objects.all()
    if filters.open_only or filters.status in (OVERDUE, DUE_TODAY, UPCOMING):
        requests = requests.exclude(closed)
    start = TruncDate("received_at", tzinfo=zone)
    due, has_legacy = request_due_expression(model)
    done = Case(When(closed, then=F("closed_at")), default=model.answer_given_at_expression())
    title = model.title_expression()
    rows = requests.annotate(
        dl_model=Value(model._meta.label_lower, output_field=CharField()),
        dl_id=F("pk"),
        dl_title=title,
        dl_sort=CodePointOrder(title, output_field=CharField()),
        dl_kind=_kind_expression(model),
        dl_start=start,
        dl_due=due,
        dl_done=TruncDate(done, tzinfo=zone),
    )
    closed_on = TruncDate("closed_at", tzinfo=zone)
    rows = rows.filter(~closed | Q(closed, closed_at__isnull=False, dl_due__lt=closed_on))
    if filters.due_from and not has_legacy:
        rows = rows.filter(due_date__gte=filters.due_from)
    if filters.due_to and not has_legacy:
        rows = rows.filter(due_date__lte=filters.due_to)
    return rows.filter(narrow)


def deadline_parts(filters: ListFilters) -> list[QuerySet[Any]]:
    """The rows of each implementer of the contract with a deadline, narrowed by `filters` in SQL.

    One queryset of rows (ROW_COLUMNS) per kind of item (pages, residents' requests), unsorted.
    The due dates are computed in SQL from a table of the calendar's due dates over the days
    the items start on (`due_dates`): one query per kind of item sizes that table, whatever
    the number of items. Call within `exceptions_loaded_once()`.
    """
    return [rows.order_by().values(*ROW_COLUMNS) for _model, rows in deadline_querysets(filters)]


def deadline_querysets(filters: ListFilters) -> list[tuple[type[EditorialItem], QuerySet[Any]]]:
    """(implementer, its rows annotated with ROW_COLUMNS) for `deadline_parts`, before they are selected.

    For callers that add their own columns (the periodic report adds the person responsible).
    """
    parts = []
    for model in implementers():
        if issubclass(model, ResidentRequest):
            rows = _request_rows(model, filters)
        elif issubclass(model, Page) and model.deadline_filter is not None:
            rows = _page_rows(model, filters)
        else:
            continue
        if rows is None:
            continue
        if filters.due_from:
            rows = rows.filter(dl_due__gte=filters.due_from)
        if filters.due_to:
            rows = rows.filter(dl_due__lte=filters.due_to)
        if filters.status:
            rows = rows.filter(_status_filter(filters.status, filters.today))
        elif filters.open_only:
            rows = rows.filter(dl_done__isnull=True)
        parts.append((model, rows))
    return parts


def deadline_rows(filters: ListFilters) -> QuerySet[Any] | None:
    """Every item with a deadline as one SQL query of rows (ROW_COLUMNS), filtered and sorted.

    The parts of `deadline_parts` in one union, sorted earliest due first as `all_items` sorts
    (then by kind and title), ready to be sliced by the database. None when no implementer
    lists anything.
    """
    parts = deadline_parts(filters)
    if not parts:
        return None
    union = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return union.order_by(*ROW_ORDER)


def items_from_rows(rows: Iterable[dict[str, Any]]) -> list[DeadlineItem]:
    """DeadlineItems of rows of `deadline_rows`; the requests' admin links in one query per model."""
    rows = list(rows)
    requests: dict[str, set[int]] = {}
    for row in rows:
        model = implementer(row["dl_model"])
        if issubclass(model, ResidentRequest):
            requests.setdefault(row["dl_model"], set()).add(row["dl_id"])
    links: dict[tuple[str, int], str | None] = {}
    for label, ids in requests.items():
        model = implementer(label)
        assert issubclass(model, ResidentRequest)
        for request in model.with_answers(model.objects.filter(pk__in=ids)):
            links[(label, request.pk)] = request.admin_url()
    return [
        DeadlineItem(
            kind=row["dl_kind"],
            title=row["dl_title"],
            start=row["dl_start"],
            due=row["dl_due"],
            done_on=row["dl_done"],
            admin_url=links[key]
            if (key := (row["dl_model"], row["dl_id"])) in links
            else reverse("wagtailadmin_pages:edit", args=[row["dl_id"]]),
            object_id=row["dl_id"],
            model=row["dl_model"],
        )
        for row in rows
    ]


class DeadlineList:
    """The items `filters` keep (`deadline_rows`) as a sequence of DeadlineItems that the database counts and slices.

    For Django's paginator (`count()` and a slice: one page of items built) and for the exports
    (iterated in chunks). Each item has its `status_code` and `status_text` as seen on `today`.
    """

    CHUNK = 1000

    def __init__(self, filters: ListFilters) -> None:
        self.parts = deadline_parts(filters)
        union = self.parts[0].union(*self.parts[1:], all=True) if len(self.parts) > 1 else None
        self.rows = (self.parts[0] if union is None else union).order_by(*ROW_ORDER) if self.parts else None
        self.today = filters.today
        self._count: int | None = None

    def count(self) -> int:
        """The sum of each part's count: each counts without computing the columns it does not filter on."""
        if self._count is None:
            self._count = sum(part.count() for part in self.parts)
        return self._count

    def __len__(self) -> int:
        return self.count()

    def _items(self, rows: Iterable[dict[str, Any]]) -> list[DeadlineItem]:
        items = items_from_rows(rows)
        for item in items:
            item.status_code = item.status(self.today)
            item.status_text = STATUS_LABELS[item.status_code]
        return items

    @overload
    def __getitem__(self, index: int) -> DeadlineItem: ...
    @overload
    def __getitem__(self, index: slice) -> list[DeadlineItem]: ...
    def __getitem__(self, index: int | slice) -> DeadlineItem | list[DeadlineItem]:
        if self.rows is None:
            return [] if isinstance(index, slice) else [][index]
        if isinstance(index, slice):
            if index.step not in (None, 1) or (index.start or 0) < 0 or (index.stop or 0) < 0:
                return list(self)[index]
            return self._items(self.rows[index])
        if index < 0:
            index += self.count()
        return self._items(self.rows[index : index + 1])[0]

    def __iter__(self) -> Iterator[DeadlineItem]:
        if self.rows is None:
            return
        offset = 0
        while True:
            chunk = self._items(self.rows[offset : offset + self.CHUNK])
            yield from chunk
            if len(chunk) < self.CHUNK:
                return
            offset += self.CHUNK


def open_items_due_soon(today: datetime.date, horizon: int = 2) -> dict[str, list[DeadlineItem]]:
    """The open items that are overdue, due `today`, or due within `horizon` working days.

    Returns a dict with the keys "overdue", "due_today" and "due_soon" (lists of DeadlineItems).
    """
    limit = add_working_days(today, horizon)
    sections: dict[str, list[DeadlineItem]] = {"overdue": [], "due_today": [], "due_soon": []}
    for item in all_items(open_only=True):
        if item.is_done or item.due > limit:
            continue
        if item.due < today:
            sections["overdue"].append(item)
        elif item.due == today:
            sections["due_today"].append(item)
        else:
            sections["due_soon"].append(item)
    return sections


def open_requests_due(today: datetime.date) -> list[Any]:
    """Open residents' requests with an active assignee, due on `today` or later, for the reminders.

    The rare request without a stored due date is read too, and judged on its computed one
    (`deadline_for`). One query per type of request, the assignee fetched along.
    """
    return [
        request
        for model in resident_requests()
        for request in model.objects.filter(
            Q(due_date__gte=today) | Q(due_date__isnull=True),
            status__in=model.open_statuses,
            assignee__isnull=False,
            assignee__is_active=True,
        ).select_related("assignee")
    ]
