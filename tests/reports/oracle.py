"""The periodic report as it was computed before issue 18, in Python over every row: the oracle.

A verbatim copy of `reports.figures` before its figures moved to SQL aggregates (only the deadline
list is read from `tests.workflows.oracle`). The tests compare the two on generated data.

The figures of a periodic report (Điều 4, 10): one structure for the screen, the XLSX and the PDF.

`build_report(period, today)` reads the database a fixed number of times whatever the amount of
content (every list is fetched in one query and grouped in Python), so the admin screen does
not slow down as the portal grows. How each figure is counted is written on the function that
counts it, and summed up for readers in `templates/reports/includes/definitions.html`.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
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
from royalties.services import budget_status, responsible_person, text_kind, totals_by_author, totals_by_kind
from tests.workflows import oracle
from workflows import deadlines
from workflows.calendar import exceptions_loaded_once, working_days_in
from workflows.contract import editorial_pages, implementer, resident_requests

DEADLINE_KINDS = tuple(deadlines.KIND_LABELS)


def person_name(user):
    """A person as the admin shows them: full name, else the username."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def published_items(period):
    """The news articles, documents and answers (every page type of the contract) first published in the period.

    Counted on the local date (Asia/Ho_Chi_Minh) of `first_published_at`, so an item updated
    later is still counted once, in the period it first went out. Aliases and translations into
    other languages are not new items; a confidential document is never published (Điều 5, 6),
    and one forced live behind the rules' back is still not counted (`EditorialItem.publishable`).
    One query per page type, the responsible person fetched along.
    """
    first, after = local_day_bounds(period.start, period.end)
    locale = Locale.get_default()
    common = {
        "first_published_at__gte": first,
        "first_published_at__lt": after,
        "alias_of__isnull": True,
        "locale": locale,
    }
    return [
        page
        for model in editorial_pages()
        for page in model.with_responsible_person(model.objects.filter(model.publishable, **common))
    ]


def count_items(pages):
    """(rows by kind, rows by author) of the published pages; authors as royalties credit them.

    The kinds are the royalty kinds of the texts (`text_kind`); a page type whose text pays
    nothing is not an item of the report.
    """
    by_kind = {kind: KindRow(kind, RoyaltyKind(kind).label) for kind in ITEM_KINDS}
    by_author: dict[int, AuthorRow] = {}
    for page in pages:
        kind = text_kind(page)
        if kind is None:
            continue
        by_kind.setdefault(kind, KindRow(kind, RoyaltyKind(kind).label)).count += 1
        author = responsible_person(page)
        if author is None:
            continue
        row = by_author.setdefault(author.pk, AuthorRow(author.pk, person_name(author)))
        row.counts[kind] = row.counts.get(kind, 0) + 1
    authors = sorted(by_author.values(), key=lambda row: (-row.total, row.name))
    return list(by_kind.values()), authors


def deadline_outcome(item, today):
    """ "met", "missed" or "not_yet_due" for a DeadlineItem, as seen on `today`.

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

    Items are those of `workflows.oracle.all_items()`, the ones `deadline_for` gives a deadline:
    news articles with an event date outside "khac" (Điều 8e), the commune People's Committee's
    non-confidential documents with a signing date (8b), questions not closed, and questions
    closed after their due date (late).
    """
    items = [item for item in oracle.all_items((period.start, period.end)) if period.contains(item.due)]
    rows = {kind: DeadlineRow(kind, deadlines.KIND_LABELS[kind]) for kind in DEADLINE_KINDS}
    for item in items:
        outcome = deadline_outcome(item, today)
        setattr(rows[item.kind], outcome, getattr(rows[item.kind], outcome) + 1)
    return list(rows.values()), items


def deadline_authors(items):
    """{(model, object id): author id} for deadline items, by `responsible_person`.

    A question is credited to its assignee, else whoever drafted its answer page. One query per
    kind of item listed (two for questions), the people fetched along.
    """
    ids: dict[str, set[int]] = {}
    for item in items:
        ids.setdefault(item.model, set()).add(item.object_id)
    authors = {}
    for label, object_ids in ids.items():
        model = implementer(label)
        for item in model.with_responsible_person(model.objects.filter(pk__in=object_ids)):
            person = item.responsible_person()
            authors[(label, item.pk)] = person.pk if person else None
    return authors


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
    """Add to `figures` the requests of one `ResidentRequest` model (see `question_figures`)."""
    closed = Q(status=model.closed_status)
    # Only what can count: received, answered or closed in the period, or still unanswered and
    # not closed at its end; years of questions answered long ago are never read.
    relevant = (
        Q(received_at__gte=first)
        | Q(answered_at__gte=first, answered_at__lt=after)
        | Q(closed_at__gte=first, closed_at__lt=after)
        | ((Q(answered_at__isnull=True) | Q(answered_at__gte=after)) & (~closed | Q(closed_at__gte=after)))
    )
    questions = (
        model.objects.filter(relevant, received_at__lt=after)
        .only("id", "status", "received_at", "answered_at", "closed_at", "due_date")
        .order_by()
    )
    for question in questions:
        received_on = local_date(question.received_at)
        answered_on = local_date(question.answered_at)
        is_closed = question.status == model.closed_status
        closed_on = local_date(question.closed_at) if is_closed else None
        deadline = deadlines.deadline_for(question)
        assert deadline is not None  # a request received has a deadline (Điều 8đ)
        due = deadline.due
        if question.received_at >= first:
            figures.received += 1
        if answered_on is not None and period.contains(answered_on):
            figures.answered += 1
            if answered_on <= due:
                figures.answered_on_time += 1
            else:
                figures.answered_late += 1
        elif closed_on is not None and period.contains(closed_on) and closed_on > due:
            figures.closed_late += 1
        answered_by_end = answered_on is not None and answered_on <= period.end
        # A question closed before `closed_at` was recorded (NULL) is taken as closed all along:
        # it is never open, and never late, since no date says when it was closed.
        closed_by_end = is_closed and (closed_on is None or closed_on <= period.end)
        if closed_by_end or answered_by_end or received_on > period.end:
            continue
        if due <= period.end and due < today:
            figures.open_overdue += 1
        else:
            figures.open_not_due += 1


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
    """(rows by kind, rows by author, budget status) of royalties for items first published in the period.

    The budget is the year's, used up to the period's end (`royalties.services.budget_status`).
    """
    by_kind = totals_by_kind(period.start, period.end)
    kind_rows = [KindRow(kind, RoyaltyKind(kind).label, *by_kind.get(kind, (0, 0))) for kind in ROYALTY_KINDS]
    by_author = totals_by_author(period.start, period.end)
    users = get_user_model().objects.in_bulk(list(by_author))
    author_rows = sorted(
        (
            RoyaltyAuthorRow(author_id, person_name(users.get(author_id)), count, amount)
            for author_id, (count, amount) in by_author.items()
        ),
        key=lambda row: (-row.amount, row.name),
    )
    return kind_rows, author_rows, budget_status(period.end.year, until=period.end)


def contributor_records(authors, deadline_items, item_authors, today, royalty_authors):
    """Per author: items published by kind, deadlines met and missed, royalties (Điều 10).

    Sorted by items published, then by name. Everyone credited with an item, a deadline or a
    royalty in the period has a row.
    """
    users = {}
    records = {row.author_id: ContributorRecord(row.author_id, row.name, dict(row.counts)) for row in authors}
    missing = {item_authors.get((item.model, item.object_id)) for item in deadline_items}
    missing |= {row.author_id for row in royalty_authors}
    missing -= set(records) | {None}
    if missing:
        users = get_user_model().objects.in_bulk(list(missing))
    for author_id in missing:
        records[author_id] = ContributorRecord(author_id, person_name(users.get(author_id)))
    for item in deadline_items:
        author_id = item_authors.get((item.model, item.object_id))
        outcome = deadline_outcome(item, today)
        if author_id is None or outcome == "not_yet_due":
            continue
        if outcome == "met":
            records[author_id].deadlines_met += 1
        else:
            records[author_id].deadlines_missed += 1
    for row in royalty_authors:
        records[row.author_id].royalties = row.amount
    return sorted(records.values(), key=lambda record: (-record.published, record.name))


def build_report(period, today=None):
    """The periodic report of `period` as it stands on `today` (the local date by default)."""
    today = today or local_today()
    items_by_kind, items_by_author = count_items(published_items(period))
    with exceptions_loaded_once():
        deadline_rows, deadline_items = deadline_figures(period, today)
        gaps = days_without_update(period, today)
    item_authors = deadline_authors(deadline_items)
    royalties_by_kind, royalties_by_author, budget = royalty_figures(period)
    return Report(
        period=period,
        agency=PortalSettings.agency_of_default_site(),
        made_on=today,
        counted_until=min(period.end, today),
        items_by_kind=items_by_kind,
        items_by_author=items_by_author,
        deadline_rows=deadline_rows,
        questions=question_figures(period, today),
        days_without_update=gaps,
        royalties_by_kind=royalties_by_kind,
        royalties_by_author=royalties_by_author,
        budget=budget,
        contributors=contributor_records(items_by_author, deadline_items, item_authors, today, royalties_by_author),
    )
