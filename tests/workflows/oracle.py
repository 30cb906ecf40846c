"""The deadline lists as they were computed before issue 18, item by item in Python: the oracle.

A verbatim copy of `workflows.deadlines` (`page_items`, `request_items`, `all_items`) before the
lists moved to SQL. The tests generate varied data and assert that the SQL lists and the
deadlines report give exactly what these give. Not used by the application.
"""

import datetime
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from portal.dates import local_date
from workflows.calendar import exceptions_loaded_once
from workflows.contract import EditorialItem, ResidentRequest, implementers
from workflows.deadlines import LONGEST_SPAN, Days, DeadlineItem, deadline_for


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


def report_rows(
    today: datetime.date,
    kind: str | None = None,
    status: str | None = None,
    due_from: datetime.date | None = None,
    due_to: datetime.date | None = None,
) -> list[DeadlineItem]:
    """The deadlines report's rows as its view built them (`get_queryset` and `filter_queryset`)."""
    items = all_items()
    for item in items:
        item.status_code = item.status(today)
    if kind:
        items = [item for item in items if item.kind == kind]
    if status:
        items = [item for item in items if item.status_code == status]
    if due_from:
        items = [item for item in items if item.due >= due_from]
    if due_to:
        items = [item for item in items if item.due <= due_to]
    return items
