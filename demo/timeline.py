"""A believable past for the demo: publications spread over the last six months, and a budget.

A newcomer opening the admin of a fresh demo should find last month's royalty sheet and last
quarter's report filled in, and deadlines mostly met. The demo items are published by
`demo.services` (so the royalties are recorded by the real signal), then moved back in time here:
the page's publication dates, its revisions and log entries, the dates its deadline counts
from (event date, signing date) and its royalty entries all move together.
"""

import datetime
from itertools import chain, zip_longest

from django.utils import timezone
from wagtail.models import PageLogEntry

from demo import content as demo_content
from documents.models import OfficialDocumentPage
from news.models import NewsPage
from qa.models import Question
from royalties.models import BaseSalary, RoyaltyBudget, RoyaltyEntry
from workflows.calendar import is_working_day
from workflows.deadlines import ANSWER, due_date

# The oldest demo publication, in days before today; the newest is two days ago.
OLDEST_DAYS_AGO = 178
NEWEST_DAYS_AGO = 2
# A year's royalties budget the demo's six months use a good part of, without a warning.
DEMO_BUDGET = 12_000_000
DEMO_BUDGET_NOTE = "Quyết định phê duyệt dự toán ngân sách xã (dữ liệu mẫu)."


def working_day_on_or_before(day):
    while not is_working_day(day):
        day -= datetime.timedelta(days=1)
    return day


def working_days_before(day, count):
    """The working day `count` working days before `day`."""
    for _step in range(count):
        day = working_day_on_or_before(day - datetime.timedelta(days=1))
    return day


def interleaved(pages):
    """News, documents and answers taking turns, so every month gets some of each."""
    by_type = {}
    for page in pages:
        by_type.setdefault(type(page), []).append(page)
    return [page for page in chain.from_iterable(zip_longest(*by_type.values())) if page is not None]


def spread_over_past_months(pages, today):
    """Move the first publication of `pages` back over the last six months, oldest first."""
    pages = interleaved(pages)
    if not pages:
        return
    zone = timezone.get_default_timezone()
    span = OLDEST_DAYS_AGO - NEWEST_DAYS_AGO
    for position, page in enumerate(pages):
        days_ago = OLDEST_DAYS_AGO - round(position * span / max(len(pages) - 1, 1))
        day = working_day_on_or_before(today - datetime.timedelta(days=days_ago))
        moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(8 + position % 4, 30)), zone)
        move_publication(page, moment, deadline_dates(page, day, position))


def deadline_dates(page, published_on, position):
    """The dates a page's deadline counts from, set so that nearly every item was on time.

    Only invented dates move: a document keeps the dates printed on it when they are true
    (`demo_content.TRUE_DATES`), and an item without a deadline (an "other" news item without
    event date, Điều 8e) gets none.
    """
    if isinstance(page, NewsPage):
        if page.event_date is None:
            return {}
        # News are due 3 working days after the event; one in nine is published late.
        late = position % 9 == 4
        return {"event_date": working_days_before(published_on, 5 if late else 1 + position % 2)}
    if isinstance(page, OfficialDocumentPage):
        if page.number in demo_content.TRUE_DATES or page.signed_date is None:
            return {}
        signed = working_days_before(published_on, position % 2)
        shift = signed - page.signed_date
        dates = {"signed_date": signed}
        for name in ("effective_date", "expiry_date"):
            if getattr(page, name):
                dates[name] = getattr(page, name) + shift
        return dates
    return {}


def move_publication(page, moment, dates):
    """Set `page`'s first publication to `moment` everywhere it is recorded."""
    page_fields = {
        "first_published_at": moment,
        "last_published_at": moment,
        "latest_revision_created_at": moment,
    }
    type(page).objects.filter(pk=page.pk).update(**page_fields, **dates)
    # The editor shows the latest revision: it must carry the same dates as the live page.
    for revision in page.revisions.all():
        revision.content.update({name: value.isoformat() for name, value in {**page_fields, **dates}.items()})
        revision.created_at = moment
        revision.save(update_fields=["content", "created_at"])
    PageLogEntry.objects.filter(page_id=page.pk).update(timestamp=moment)
    day = timezone.localdate(moment, timezone.get_default_timezone())
    move_question(page, moment, day)
    base = BaseSalary.objects.in_force_on(day)
    for entry in RoyaltyEntry.objects.filter(page=page):
        entry.published_at = moment
        if base is not None:
            entry.base_amount = base.amount
            entry.amount = RoyaltyEntry.compute_amount(entry.coefficient, base.amount)
        entry.save(update_fields=["published_at", "base_amount", "amount"])


def move_question(page, answered_at, answered_on):
    """An answer's question was received some working days before the answer, within its 15 days."""
    question_id = getattr(page, "question_id", None)
    if question_id is None:
        return
    received_on = working_days_before(answered_on, 4 + question_id % 7)
    zone = timezone.get_default_timezone()
    Question.objects.filter(pk=question_id).update(
        received_at=timezone.make_aware(datetime.datetime.combine(received_on, datetime.time(14, 15)), zone),
        due_date=due_date(ANSWER, received_on),
        answered_at=answered_at,
    )


def seed_royalties_budget(year):
    """This year's royalties budget, unless the head already entered one."""
    budget, _created = RoyaltyBudget.objects.get_or_create(
        year=year, defaults={"amount": DEMO_BUDGET, "note": DEMO_BUDGET_NOTE}
    )
    return budget
