"""Publication and answer deadlines of Điều 8 (DESIGN §5), and which items meet them.

`deadline_for(item)` is the one place that says whether an item has a deadline and when it is
due; the lists below (the dashboard, alerts, the deadlines report, the periodic report, authors'
records) all go through it. Their querysets leave out at the database what has no deadline
(`HAS_DEADLINE`), so counts and query counts stay right.

Due dates are computed from the items' own fields, never stored on the pages: a change of the
calendar (a new `CalendarException`) moves every open deadline at once. Questions are the
exception: `Question.due_date` is set on receipt (see signal_handlers) because it is promised to
the resident.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.dates import local_date
from workflows.calendar import add_working_days, exceptions_loaded_once

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

# NewsPage.category → deadline kind. "khac" (other, Điều 8e: "cập nhật thường xuyên, chính xác")
# has none: such items are never due and never late.
NEWS_CATEGORY_KINDS = {
    "su-kien": NEWS,
    "hoi-nghi": CONFERENCE,
    "thong-ke": STATISTICS,
}
# Only documents "do Ủy ban nhân dân xã ban hành" have the deadline of Điều 8b.
DOCUMENT_ISSUERS_WITH_DEADLINE = ("ubnd-xa",)

# The same rules as `deadline_for`, as database filters, per model label. A confidential
# document is never published (Điều 5, 6), so it has no deadline to miss.
HAS_DEADLINE = {
    "news.newspage": Q(event_date__isnull=False, category__in=list(NEWS_CATEGORY_KINDS)),
    "documents.officialdocumentpage": Q(
        signed_date__isnull=False, confidential=False, issuer__in=DOCUMENT_ISSUERS_WITH_DEADLINE
    ),
}

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


def due_date(kind, start):
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


def deadline_for(item):
    """The `Deadline` of a news article, official document, answer page or question; None without one.

    None where the regulation sets no deadline: "khac" news (Điều 8e), documents not issued by the
    commune People's Committee (8b), confidential documents (never published), and items whose
    clock has not started (no event or signing date). A question's due date is the one promised
    to the resident (`Question.due_date`, possibly extended), else 15 working days from its local
    date of receipt; an answer page has its question's deadline.
    """
    from documents.models import OfficialDocumentPage
    from news.models import NewsPage
    from qa.models import QAPage, Question

    if isinstance(item, Question):
        if item.received_at is None:
            return None
        start = local_date(item.received_at)
        return Deadline(ANSWER, start, item.due_date or due_date(ANSWER, item.received_at))
    if isinstance(item, NewsPage):
        kind = NEWS_CATEGORY_KINDS.get(item.category)
        if kind is None or item.event_date is None:
            return None
        return Deadline(kind, item.event_date, due_date(kind, item.event_date))
    if isinstance(item, OfficialDocumentPage):
        if item.confidential or item.issuer not in DOCUMENT_ISSUERS_WITH_DEADLINE or item.signed_date is None:
            return None
        return Deadline(DOCUMENT, item.signed_date, due_date(DOCUMENT, item.signed_date))
    if isinstance(item, QAPage):
        return deadline_for(item.question) if item.question_id else None
    specific = getattr(item, "specific", None)
    if specific is not None and type(specific) is not type(item):
        return deadline_for(specific)
    return None


def is_on_time(due, done_at):
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
    model: str

    @property
    def kind_label(self):
        return KIND_LABELS[self.kind]

    @property
    def is_done(self):
        return self.done_on is not None

    def status(self, today):
        """One of OVERDUE, DUE_TODAY, UPCOMING, ON_TIME, LATE, as seen on `today`."""
        if self.done_on is not None:
            return ON_TIME if self.done_on <= self.due else LATE
        if self.due < today:
            return OVERDUE
        if self.due == today:
            return DUE_TODAY
        return UPCOMING

    def status_label(self, today):
        return STATUS_LABELS[self.status(today)]


# The questions desk (issue 3/4) registers the admin views of `qa.Question`; until its URL name
# resolves, a question links to its answer page when it has one.
QUESTION_ADMIN_URL_NAME = "qa_question:edit"


def _page_admin_url(page_id):
    from django.urls import reverse

    return reverse("wagtailadmin_pages:edit", args=[page_id])


def _question_admin_url(question, answer_page_id):
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse(QUESTION_ADMIN_URL_NAME, args=[question.pk])
    except NoReverseMatch:
        return _page_admin_url(answer_page_id) if answer_page_id else None


def originals(pages):
    """The pages themselves, without their aliases and their translations into other languages.

    An alias or an English copy repeats an item already counted; it has no deadline of its own.
    The default locale is matched by its language code in the same query (`Locale.get_default()`
    would cost one more query per kind of item).
    """
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant

    default_language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return pages.filter(alias_of__isnull=True, locale__language_code=default_language)


def news_items(due_between=None):
    """Every news article with a deadline, as DeadlineItems (see `all_items` for `due_between`).

    An article of category "khac" (Điều 8e) or without an event date has none.
    """
    from news.models import NewsPage

    pages = originals(NewsPage.objects.filter(HAS_DEADLINE["news.newspage"]))
    if due_between:
        first, last = due_between
        pages = pages.filter(event_date__gte=first - LONGEST_SPAN, event_date__lte=last)
    pages = pages.only("id", "title", "category", "event_date", "first_published_at")
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
            admin_url=_page_admin_url(page.pk),
            object_id=page.pk,
            model="news.newspage",
        )


def document_items(due_between=None):
    """Every official document with a deadline, as DeadlineItems.

    Only the commune People's Committee's documents with a signing date have one (Điều 8b); a
    confidential document is never published (Điều 5, 6), so it has no deadline to miss.
    """
    from documents.models import OfficialDocumentPage

    pages = originals(OfficialDocumentPage.objects.filter(HAS_DEADLINE["documents.officialdocumentpage"]))
    if due_between:
        first, last = due_between
        pages = pages.filter(signed_date__gte=first - LONGEST_SPAN, signed_date__lte=last)
    pages = pages.only("id", "title", "signed_date", "issuer", "confidential", "first_published_at")
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
            admin_url=_page_admin_url(page.pk),
            object_id=page.pk,
            model="documents.officialdocumentpage",
        )


def closed_late():
    """Questions closed without an answer after their due date (local date of `closed_at`).

    Closing is the commune's reply of sorts (Điều 8đ counts from receipt to the reply), and "out
    of scope" must not hide a late answer: such a question counts late in every figure, done on
    the day it was closed. A question closed on or before its due date is neither answered nor
    late. A question closed before `closed_at` was recorded (NULL: nothing in the audit log
    either) is left out, as it always was: counting it late would invent a date. A question
    without a stored due date is kept here and judged on its computed one.
    """
    from qa.models import QuestionStatus

    closed_on = TruncDate("closed_at", tzinfo=timezone.get_default_timezone())
    return Q(status=QuestionStatus.CLOSED, closed_at__isnull=False) & (
        Q(due_date__isnull=True) | Q(due_date__lt=closed_on)
    )


def question_items(due_between=None):
    """Every resident's question with a deadline to meet, as DeadlineItems.

    That is every question not closed, and those closed after their due date (see `closed_late`).
    Answered on the day `answered_at` was set or, failing that, the day its answer page was
    first published; a question closed late is done on the day it was closed.
    """
    from qa.models import Question, QuestionStatus

    questions = Question.objects.filter(~Q(status=QuestionStatus.CLOSED) | closed_late())
    if due_between:
        # The due date promised to the resident is stored; the rare question without one is
        # read in any case and placed by its computed due date.
        questions = questions.filter(Q(due_date__range=due_between) | Q(due_date__isnull=True))
    questions = questions.prefetch_related("answer_pages")
    for question in questions:
        answers = sorted(
            (page for page in question.answer_pages.all() if page.first_published_at),
            key=lambda page: page.first_published_at,
        )
        done_at = question.answered_at or (answers[0].first_published_at if answers else None)
        deadline = deadline_for(question)
        if question.status == QuestionStatus.CLOSED:
            done_at = question.closed_at
            if local_date(done_at) <= deadline.due:
                continue  # only a question without a stored due date can get here
        answer_page_id = answers[0].pk if answers else None
        if answer_page_id is None and question.answer_pages.all():
            answer_page_id = question.answer_pages.all()[0].pk
        yield DeadlineItem(
            kind=deadline.kind,
            title=f"{question.tracking_code} — {question.title}",
            start=deadline.start,
            due=deadline.due,
            done_on=local_date(done_at),
            admin_url=_question_admin_url(question, answer_page_id),
            object_id=question.pk,
            model="qa.question",
        )


def all_items(due_between=None):
    """News, documents and questions with their deadlines, earliest due first.

    `due_between` (first day, last day) narrows the queries to the items that can fall due in
    those days, so a report on one month does not read the portal's whole history; the caller
    still keeps only the items whose due date is in range.
    """
    with exceptions_loaded_once():
        items = [*news_items(due_between), *document_items(due_between), *question_items(due_between)]
    return sorted(items, key=lambda item: (item.due, item.kind, item.title))


def open_items_due_soon(today, horizon=2):
    """The open items that are overdue, due `today`, or due within `horizon` working days.

    Returns a dict with the keys "overdue", "due_today" and "due_soon" (lists of DeadlineItems).
    """
    limit = add_working_days(today, horizon)
    sections = {"overdue": [], "due_today": [], "due_soon": []}
    for item in all_items():
        if item.is_done or item.due > limit:
            continue
        if item.due < today:
            sections["overdue"].append(item)
        elif item.due == today:
            sections["due_today"].append(item)
        else:
            sections["due_soon"].append(item)
    return sections
