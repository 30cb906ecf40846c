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

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from portal.dates import local_date
from workflows.calendar import add_working_days, exceptions_loaded_once
from workflows.contract import EditorialItem, ResidentRequest, implementers, resident_requests

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
