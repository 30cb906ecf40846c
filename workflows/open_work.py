"""What the board still has to do, counted in SQL, with only the most urgent items built (issue 18).

The dashboard panel and the morning digest tell the board (Điều 8) what is overdue, due today and
due in the next working days. On a desk with thousands of open questions, nobody reads thousands
of lines: each state says how many items it holds (counted by the database) and lists the first
few, most urgent first (earliest due date), with "and N more" and a link to the deadlines report
filtered on that state. The cost does not grow with the number of open items: a fixed number of
queries, and only the listed items are built.

The same items as `workflows.deadlines.open_items_due_soon` (the report's full list):

- pages: the original pages their type's `deadline_filter` keeps, never published; their due
  date is computed on the calendar (`deadline_for`); they are drafts, read in one query per type
  (only the pages whose clock has started by the last day of the horizon);
- residents' requests (`ResidentRequest`): neither closed nor answered (`answered_at`), counted
  by their stored due date and the first few of each state read in one query per type (window
  functions), their answers in one more. A request without a stored due date (data from before
  it was stored) is read in full and placed by its computed due date. A request whose answer
  page went live without its `answered_at` being set (qa sets both at once,
  `qa.services.mark_answered`; older data only) is known done only when read: it is left out of
  the items listed and of its state's count then, but counted while beyond the first few.
"""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Case, CharField, Count, F, QuerySet, Value, When, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from workflows.calendar import add_working_days, exceptions_loaded_once
from workflows.contract import EditorialItem, editorial_pages, resident_requests
from workflows.deadlines import DUE_TODAY, OVERDUE, UPCOMING, DeadlineItem, deadline_for, originals

# How many items of each state the morning digest lists, and the dashboard panel (a screen, not a page).
LISTED = 20
PANEL_LISTED = 10

# The states, in the order the board reads them; the keys of `open_work`'s result.
OVERDUE_KEY = "overdue"
DUE_TODAY_KEY = "due_today"
DUE_SOON_KEY = "due_soon"


@dataclass
class OpenSection:
    """One state of the open items: how many there are, the most urgent few, and where the rest are."""

    key: str
    heading: str | Promise
    count: int
    items: list[DeadlineItem]
    #: The deadlines report filtered on this state (a path; the e-mail prefixes the site's address).
    report_url: str = field(default="")

    @property
    def more(self) -> int:
        """How many items of the state are not listed."""
        return self.count - len(self.items)


def _section_of(due: datetime.date, today: datetime.date, last: datetime.date) -> str | None:
    if due < today:
        return OVERDUE_KEY
    if due == today:
        return DUE_TODAY_KEY
    if due <= last:
        return DUE_SOON_KEY
    return None


def _sort_key(item: DeadlineItem) -> tuple[datetime.date, str, str]:
    return (item.due, item.kind, item.title)


class _Collector:
    """Counts per state and, per state, the candidates for the listed items."""

    def __init__(self, today: datetime.date, last: datetime.date) -> None:
        self.today = today
        self.last = last
        self.counts = {OVERDUE_KEY: 0, DUE_TODAY_KEY: 0, DUE_SOON_KEY: 0}
        self.items: dict[str, list[DeadlineItem]] = {key: [] for key in self.counts}

    def add(self, item: DeadlineItem) -> None:
        key = _section_of(item.due, self.today, self.last)
        if key is not None:
            self.counts[key] += 1
            self.items[key].append(item)


def _open_pages(model: type[Page], last: datetime.date) -> QuerySet[Any]:
    assert issubclass(model, EditorialItem) and model.deadline_filter is not None
    pages = originals(model.objects.filter(model.deadline_filter)).filter(
        first_published_at__isnull=True, **{f"{model.deadline_start_field}__lte": last}
    )
    return pages.only("id", "title", *model.deadline_fields)


def _collect_pages(collector: _Collector) -> None:
    """Every open page with a deadline due by the horizon (drafts: one query per page type)."""
    for model in editorial_pages():
        if model.deadline_filter is None:
            continue
        label = model._meta.label_lower
        for page in _open_pages(model, collector.last):
            deadline = deadline_for(page)
            if deadline is None:
                continue
            collector.add(
                DeadlineItem(
                    kind=deadline.kind,
                    title=page.title,
                    start=deadline.start,
                    due=deadline.due,
                    done_on=None,
                    admin_url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
                    object_id=page.pk,
                    model=label,
                )
            )


def _request_item(request: Any, label: str) -> DeadlineItem | None:
    """The request as a DeadlineItem, or None when it turns out done (answer page live) or has no clock."""
    deadline = deadline_for(request)
    if deadline is None or request.answer_given_at() is not None:
        return None
    return DeadlineItem(
        kind=deadline.kind,
        title=str(request),
        start=deadline.start,
        due=deadline.due,
        done_on=None,
        admin_url=request.admin_url(),
        object_id=request.pk,
        model=label,
    )


def _collect_requests(collector: _Collector, listed: int) -> None:
    """Open requests: counted per state and the first `listed` of each read, in one query per type.

    Each row of the query is one of the first `listed` of its state (by due date, then pk) and
    carries its state's count (window functions over the open requests due by the horizon);
    their answers are fetched along (`with_answers`, one more query).
    """
    today, last = collector.today, collector.last
    state = Case(
        When(due_date__lt=today, then=Value(OVERDUE_KEY)),
        When(due_date=today, then=Value(DUE_TODAY_KEY)),
        default=Value(DUE_SOON_KEY),
        output_field=CharField(),
    )
    for model in resident_requests():
        label = model._meta.label_lower
        pending = model.objects.exclude(status=model.closed_status).filter(answered_at__isnull=True)
        first = (
            pending.filter(due_date__lte=last)
            .annotate(
                open_state=state,
                open_rank=Window(RowNumber(), partition_by=[state], order_by=[F("due_date").asc(), F("pk").asc()]),
                open_count=Window(Count("pk"), partition_by=[state]),
            )
            .filter(open_rank__lte=listed)
            .order_by("due_date", "pk")
        )
        for request in model.with_answers(first):
            if request.open_rank == 1:
                collector.counts[request.open_state] += request.open_count
            item = _request_item(request, label)
            if item is None:
                collector.counts[request.open_state] -= 1
            else:
                collector.items[request.open_state].append(item)
        # Without a stored due date (older data): read and placed by the computed one.
        for request in model.with_answers(pending.filter(due_date__isnull=True)):
            item = _request_item(request, label)
            if item is not None:
                collector.add(item)


def report_url(key: str, last: datetime.date) -> str:
    """The deadlines report filtered on the state `key` (due soon: not yet due, up to `last`)."""
    params = {
        OVERDUE_KEY: {"status": OVERDUE},
        DUE_TODAY_KEY: {"status": DUE_TODAY},
        DUE_SOON_KEY: {"status": UPCOMING, "due_to": last.isoformat()},
    }[key]
    return f"{reverse('workflows_deadlines:index')}?{urlencode(params)}"


def open_work(today: datetime.date, horizon: int = 2, listed: int | None = None) -> dict[str, OpenSection]:
    """The open items overdue, due `today` and due within `horizon` working days: counts and the first `listed`.

    Keys "overdue", "due_today", "due_soon" (as `deadlines.open_items_due_soon`), each an
    `OpenSection` whose items are the most urgent first (earliest due, then kind and title);
    `listed` defaults to `LISTED`.
    """
    listed = LISTED if listed is None else listed
    with exceptions_loaded_once():
        last = add_working_days(today, horizon)
        collector = _Collector(today, last)
        _collect_pages(collector)
        _collect_requests(collector, listed)
    headings = {
        OVERDUE_KEY: _("Overdue"),
        DUE_TODAY_KEY: _("Due today"),
        DUE_SOON_KEY: _("Due in the next 2 working days"),
    }
    return {
        key: OpenSection(
            key=key,
            heading=headings[key],
            count=collector.counts[key],
            items=sorted(collector.items[key], key=_sort_key)[:listed],
            report_url=report_url(key, last),
        )
        for key in collector.counts
    }
