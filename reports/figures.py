"""The figures of a periodic report (Điều 4, 10): one structure for the screen, the XLSX and the PDF.

`build_report(period, today)` reads the database a fixed number of times whatever the amount of
content, and each query counts in SQL (grouped, conditional counts) or reads only the items of
the period, never the portal's history (issue 18), so the admin screen does not slow down as the
portal grows. How each figure is counted is written on the function that
counts it, and summed up for readers in `templates/reports/includes/definitions.html`.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Count, F, Q
from django.db.models.functions import TruncDate
from django.utils import timezone
from wagtail.models import Locale, PageLogEntry

from portal.dates import local_date, local_day_bounds, local_today
from portal.models import PortalSettings
from reports.structure import (
    ITEM_KINDS,
    ROYALTY_KINDS,
    AuthorRow,
    ContributorRecord,
    DaysWithoutUpdate,
    DeadlineRow,
    KindRow,
    QuestionFigures,
    Report,
    RoyaltyAuthorRow,
)
from royalties.models import RoyaltyKind
from royalties.services import budget_status, totals_by_author, totals_by_kind
from workflows import deadlines
from workflows.calendar import exceptions_loaded_once, working_days_in
from workflows.contract import editorial_pages, resident_requests

DEADLINE_KINDS = tuple(deadlines.KIND_LABELS)


def person_name(user):
    """A person as the admin shows them: full name, else the username."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def published_counts(period):
    """{(royalty kind, responsible person's id): number} of the items first published in the period.

    The items: news articles, documents and answers (every page type of the contract), counted
    on the local date (Asia/Ho_Chi_Minh) of `first_published_at`, so an item updated later is
    still counted once, in the period it first went out. Aliases and translations into other
    languages are not new items; a confidential document is never published (Điều 5, 6), and
    one forced live behind the rules' back is still not counted (`EditorialItem.publishable`).
    Grouped in SQL by the kind its text counts as (`EditorialItem.royalty_kind_expression`) and
    the person it is credited to (`responsible_person_expression`): one query per page type.
    """
    first, after = local_day_bounds(period.start, period.end)
    locale = Locale.get_default()
    common = {
        "first_published_at__gte": first,
        "first_published_at__lt": after,
        "alias_of__isnull": True,
        "locale": locale,
    }
    counts: dict[tuple[str, int | None], int] = {}
    for model in editorial_pages():
        rows = (
            model.objects.filter(model.publishable, **common)
            .annotate(report_kind=model.royalty_kind_expression(), report_author=model.responsible_person_expression())
            .order_by()
            .values("report_kind", "report_author")
            .annotate(number=Count("pk"))
        )
        for row in rows:
            key = (row["report_kind"], row["report_author"])
            counts[key] = counts.get(key, 0) + row["number"]
    return counts


def count_items(counts, users):
    """(rows by kind, rows by author) of the published items; authors as royalties credit them.

    The kinds are the royalty kinds of the texts (`text_kind`); a page type whose text pays
    nothing is not an item of the report.
    """
    by_kind = {kind: KindRow(kind, RoyaltyKind(kind).label) for kind in ITEM_KINDS}
    by_author: dict[int, AuthorRow] = {}
    for (kind, author_id), number in counts.items():
        if kind is None:
            continue
        by_kind.setdefault(kind, KindRow(kind, RoyaltyKind(kind).label)).count += number
        if author_id is None:
            continue
        row = by_author.setdefault(author_id, AuthorRow(author_id, person_name(users.get(author_id))))
        row.counts[kind] = row.counts.get(kind, 0) + number
    authors = sorted(by_author.values(), key=lambda row: (-row.total, row.name))
    return list(by_kind.values()), authors


@dataclass(frozen=True)
class DeadlineOutcome:
    """One item due in the period: its kind, due date, the day it was done, and who it is credited to."""

    kind: str
    due: datetime.date
    done_on: datetime.date | None
    author_id: int | None


def deadline_outcome(item, today):
    """ "met", "missed" or "not_yet_due" for an item due in the period, as seen on `today`.

    Met: first published (answered) on or before its due date. Missed: done after it, or not
    done once the due date is over. For the period in progress that is a due date before today
    (the due date itself is still on time); for a past period every item due in it, its last
    day included, is over, so an item never done is missed. Both are `due < today`.
    """
    if item.done_on is not None:
        return "met" if item.done_on <= item.due else "missed"
    return "missed" if item.due < today else "not_yet_due"


def deadline_figures(period, today):
    """Rows per deadline kind of the items whose due date falls in the period, and the items.

    Items are those of the deadlines report (`workflows.deadlines.deadline_querysets`), the ones
    `deadline_for` gives a deadline: news articles with an event date outside "khac" (Điều 8e),
    the commune People's Committee's non-confidential documents with a signing date (8b),
    questions not closed, and questions closed after their due date (late). Due dates, the
    period and the person each is credited to (a question: its assignee, else whoever drafted
    its answer page) in SQL: one query per kind of item, reading only the items due in the period.
    """
    filters = deadlines.ListFilters(today, due_from=period.start, due_to=period.end)
    items = [
        DeadlineOutcome(kind, due, done_on, author_id)
        for model, rows in deadlines.deadline_querysets(filters)
        for kind, due, done_on, author_id in rows.annotate(report_author=model.responsible_person_expression())
        .order_by()
        .values_list("dl_kind", "dl_due", "dl_done", "report_author")
    ]
    rows = {kind: DeadlineRow(kind, deadlines.KIND_LABELS[kind]) for kind in DEADLINE_KINDS}
    for item in items:
        outcome = deadline_outcome(item, today)
        setattr(rows[item.kind], outcome, getattr(rows[item.kind], outcome) + 1)
    return list(rows.values()), items


def question_figures(period, today):
    """Residents' questions, counted on local dates (one query).

    Received: sent in the period (closed ones included: they were received). Answered: their
    answer went out in the period; on time when on or before the due date, else late. Closed
    late: closed without an answer in the period, after the due date; closing is the commune's
    reply of sorts and "out of scope" must not hide a late answer, so these count late in every
    figure (a question closed on or before its due date is neither answered nor late). Open at
    the end of the period (received by then, neither answered nor closed by then): overdue when
    the due date passed before the end of the period (or before today, for the period in
    progress), else not yet due. Overdue in total = open and overdue + answered late + closed
    late. Due dates come from `workflows.deadlines.deadline_for`. Questions are the residents'
    requests of the contract (`workflows.contract.ResidentRequest`), read by their fields.
    """
    first, after = local_day_bounds(period.start, period.end)
    figures = QuestionFigures()
    for model in resident_requests():
        _count_requests(model, period, today, first, after, figures)
    return figures


def _count_requests(model, period, today, first, after, figures):
    """Add to `figures` the requests of one `ResidentRequest` model (see `question_figures`).

    One aggregate query: each figure is a count of the rows that meet its condition, on the
    local dates of the request's moments and its due date (`deadlines.request_due_expression`).
    """
    zone = timezone.get_default_timezone()
    closed = Q(status=model.closed_status)
    # Only what can count: received, answered or closed in the period, or still unanswered and
    # not closed at its end; years of questions answered long ago are never read.
    relevant = (
        Q(received_at__gte=first)
        | Q(answered_at__gte=first, answered_at__lt=after)
        | Q(closed_at__gte=first, closed_at__lt=after)
        | ((Q(answered_at__isnull=True) | Q(answered_at__gte=after)) & (~closed | Q(closed_at__gte=after)))
    )
    due, _legacy = deadlines.request_due_expression(model)
    answered = Q(answered_at__gte=first, answered_at__lt=after)
    closed_late = (
        ~answered & closed & Q(closed_at__gte=first, closed_at__lt=after, report_closed_on__gt=F("report_due"))
    )
    # A question closed before `closed_at` was recorded (NULL) is taken as closed all along:
    # it is never open, and never late, since no date says when it was closed.
    closed_by_end = closed & (Q(closed_at__isnull=True) | Q(closed_at__lt=after))
    answered_by_end = Q(answered_at__lt=after)
    still_open = ~closed_by_end & ~answered_by_end
    overdue = Q(report_due__lte=period.end, report_due__lt=today)
    counted = (
        model.objects.filter(relevant, received_at__lt=after)
        .annotate(
            report_due=due,
            report_answered_on=TruncDate("answered_at", tzinfo=zone),
            report_closed_on=TruncDate("closed_at", tzinfo=zone),
        )
        .aggregate(
            received=Count("pk", filter=Q(received_at__gte=first)),
            answered=Count("pk", filter=answered),
            answered_on_time=Count("pk", filter=answered & Q(report_answered_on__lte=F("report_due"))),
            closed_late=Count("pk", filter=closed_late),
            open_overdue=Count("pk", filter=still_open & overdue),
            open_not_due=Count("pk", filter=still_open & ~overdue),
        )
    )
    figures.received += counted["received"]
    figures.answered += counted["answered"]
    figures.answered_on_time += counted["answered_on_time"]
    figures.answered_late += counted["answered"] - counted["answered_on_time"]
    figures.closed_late += counted["closed_late"]
    figures.open_overdue += counted["open_overdue"]
    figures.open_not_due += counted["open_not_due"]


def days_without_update(period, today):
    """Working days of the period (up to today for the period in progress) with nothing published.

    Read from Wagtail's audit log (`wagtail.publish` entries), not from the pages' publication
    dates: the log keeps every publication, first or again, while a page keeps only its first
    and its last, so an update published on a day later overwritten would be lost. Any page
    counts, as for the 16:00 "nothing published today" alert (workflows.alerts).
    """
    last = min(period.end, today)
    days = working_days_in(period.start, last) if last >= period.start else []
    first, after = local_day_bounds(period.start, last)
    published = {
        local_date(moment)
        for moment in PageLogEntry.objects.filter(
            action="wagtail.publish", timestamp__gte=first, timestamp__lt=after
        ).values_list("timestamp", flat=True)
    }
    return DaysWithoutUpdate(working_days=len(days), dates=[day for day in days if day not in published])


def royalty_figures(period):
    """(rows by kind, {author: (entries, amount)}, budget status) of royalties of items first published in the period.

    The budget is the year's, used up to the period's end (`royalties.services.budget_status`).
    """
    by_kind = totals_by_kind(period.start, period.end)
    kind_rows = [KindRow(kind, RoyaltyKind(kind).label, *by_kind.get(kind, (0, 0))) for kind in ROYALTY_KINDS]
    return kind_rows, totals_by_author(period.start, period.end), budget_status(period.end.year, until=period.end)


def royalty_author_rows(by_author, users):
    """Rows by author of the royalties of the period, the largest amount first."""
    return sorted(
        (
            RoyaltyAuthorRow(author_id, person_name(users.get(author_id)), count, amount)
            for author_id, (count, amount) in by_author.items()
        ),
        key=lambda row: (-row.amount, row.name),
    )


def contributor_records(authors, deadline_items, users, today, royalty_authors):
    """Per author: items published by kind, deadlines met and missed, royalties (Điều 10).

    Sorted by items published, then by name. Everyone credited with an item, a deadline or a
    royalty in the period has a row.
    """
    records = {row.author_id: ContributorRecord(row.author_id, row.name, dict(row.counts)) for row in authors}
    missing = {item.author_id for item in deadline_items} | {row.author_id for row in royalty_authors}
    for author_id in missing - set(records) - {None}:
        records[author_id] = ContributorRecord(author_id, person_name(users.get(author_id)))
    for item in deadline_items:
        outcome = deadline_outcome(item, today)
        if item.author_id is None or outcome == "not_yet_due":
            continue
        if outcome == "met":
            records[item.author_id].deadlines_met += 1
        else:
            records[item.author_id].deadlines_missed += 1
    for row in royalty_authors:
        records[row.author_id].royalties = row.amount
    return sorted(records.values(), key=lambda record: (-record.published, record.name))


def build_report(period, today=None):
    """The periodic report of `period` as it stands on `today` (the local date by default).

    A fixed number of queries whatever the amount of content, each reading or counting only
    what the period holds: the people named in it are read once, together.
    """
    today = today or local_today()
    published = published_counts(period)
    with exceptions_loaded_once():
        deadline_rows, deadline_items = deadline_figures(period, today)
        gaps = days_without_update(period, today)
        questions = question_figures(period, today)
    royalties_by_kind, royalty_totals, budget = royalty_figures(period)
    people = {author_id for _kind, author_id in published} | {item.author_id for item in deadline_items}
    people |= set(royalty_totals)
    users = get_user_model().objects.in_bulk([person for person in people if person is not None])
    items_by_kind, items_by_author = count_items(published, users)
    royalties_by_author = royalty_author_rows(royalty_totals, users)
    return Report(
        period=period,
        agency=PortalSettings.agency_of_default_site(),
        made_on=today,
        counted_until=min(period.end, today),
        items_by_kind=items_by_kind,
        items_by_author=items_by_author,
        deadline_rows=deadline_rows,
        questions=questions,
        days_without_update=gaps,
        royalties_by_kind=royalties_by_kind,
        royalties_by_author=royalties_by_author,
        budget=budget,
        contributors=contributor_records(items_by_author, deadline_items, users, today, royalties_by_author),
    )
