"""A varied portal for comparing the deadline lists and reports in SQL with the oracles (issue 18).

Seeded, so every run builds the same items: news of every category (with and without an event
date), documents of every issuer (confidential ones, unsigned ones), questions open, answered
(by `answered_at` or only by a published answer page), closed early, closed late, closed before
`closed_at` was recorded, without a stored due date, with an extended one; starts around Tết,
30/4–1/5, Quốc khánh, weekends and calendar exceptions; done on the due day at 23:30 (on time),
at 00:10 the day after (late), or never; an alias and a translation that have no deadline of
their own.
"""

import datetime
import random
import zoneinfo

from wagtail.models import Locale

from demo.factories.accounts import UserFactory
from demo.factories.pages import NewsPageFactory, OfficialDocumentPageFactory, QAPageFactory, QuestionFactory
from qa.models import Question, QuestionStatus
from workflows.deadlines import due_date
from workflows.models import CalendarException

D = datetime.date
HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
FIRST, LAST = D(2024, 12, 16), D(2025, 5, 20)
# Days around which the calendar is irregular: Tết 2025, Giỗ Tổ, 30/4–1/5, and the exceptions below.
AROUND = [D(2025, 1, 24), D(2025, 1, 26), D(2025, 2, 3), D(2025, 4, 4), D(2025, 4, 7), D(2025, 4, 29)]
AROUND += [D(2025, 5, 2), D(2025, 3, 13), D(2025, 3, 14), D(2025, 3, 16), D(2025, 4, 26), D(2025, 5, 4)]
CATEGORIES = ["su-kien", "hoi-nghi", "thong-ke", "khac"]
ISSUERS = ["ubnd-xa", "ubnd-xa", "ubnd-xa", "hdnd-xa", "cap-tren"]


def moment(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=HANOI)


def a_day(rng):
    if rng.random() < 0.5:
        return rng.choice(AROUND) + datetime.timedelta(days=rng.randint(-2, 2))
    return FIRST + datetime.timedelta(days=rng.randint(0, (LAST - FIRST).days))


def done_around(rng, due):
    """When an item is done, around its due date: the edges of the day included; None: never."""
    return rng.choice(
        [
            None,
            moment(due, 23, 30),  # on time, late at night on the due day
            moment(due + datetime.timedelta(days=1), 0, 10),  # late, just after midnight
            moment(due - datetime.timedelta(days=rng.randint(0, 5)), 9),
            moment(due + datetime.timedelta(days=rng.randint(1, 20)), 15),
        ]
    )


def published(page, when):
    if when is not None:
        type(page).objects.filter(pk=page.pk).update(first_published_at=when, last_published_at=when, live=True)


def build_varied_portal(site_pages, seed=18, news=24, documents=12, questions=24):
    """Build the portal described in the module docstring; returns the people it credits."""
    rng = random.Random(seed)
    CalendarException.objects.get_or_create(date=D(2025, 3, 14), defaults={"is_working_day": False, "note": "Nghỉ"})
    CalendarException.objects.get_or_create(date=D(2025, 3, 16), defaults={"is_working_day": True, "note": "Làm bù"})
    people = [UserFactory(username=f"nguoi-{number}", first_name=f"Tên {number}") for number in range(4)]
    first_article = None
    for number in range(news):
        category = CATEGORIES[number % len(CATEGORIES)]
        event = None if number % 7 == 6 else a_day(rng)
        page = NewsPageFactory(
            parent=site_pages["news_index"],
            title=f"Tin {rng.choice('ABCĐÊƠ')} {number}",
            category=category,
            event_date=event,
            genre=rng.choice(["tin", "bai"]),
            is_republished=number % 5 == 4,
            source="Báo Thái Nguyên" if number % 5 == 4 else "",
            author=rng.choice([None, *people]),
            owner=rng.choice(people),
            live=False,
        )
        kind = {"su-kien": "news", "hoi-nghi": "conference", "thong-ke": "statistics"}.get(category)
        due = due_date(kind, event) if kind and event else (event or a_day(rng))
        published(page, done_around(rng, due))
        first_article = first_article or page
    for number in range(documents):
        signed = None if number % 6 == 5 else a_day(rng)
        page = OfficialDocumentPageFactory(
            parent=site_pages["document_index"],
            title=f"Quyết định {number}/QĐ-UBND",
            issuer=ISSUERS[number % len(ISSUERS)],
            confidential=number % 4 == 3,
            signed_date=signed,
            owner=rng.choice(people),
            live=False,
        )
        published(page, done_around(rng, due_date("document", signed or a_day(rng))))
    # An alias and an English copy repeat an item: never listed, never counted.
    first_article.refresh_from_db()
    first_article.create_alias(parent=site_pages["document_index"], update_slug="ban-sao-tin")
    english, _created = Locale.objects.get_or_create(language_code="en")
    first_article.copy_for_translation(english, copy_parents=True)

    for number in range(questions):
        received = moment(a_day(rng), rng.choice([0, 9, 16, 23]), 30)
        question = QuestionFactory(title=f"Hỏi {rng.choice('ABCĐ')} {number}", received_at=received)
        due = question.due_date
        fate = number % 8
        fields = {"assignee": rng.choice([None, *people])}
        if fate == 0:
            fields["status"] = QuestionStatus.RECEIVED
        elif fate == 1:
            fields.update(status=QuestionStatus.ANSWERED, answered_at=done_around(rng, due) or moment(due, 10))
        elif fate == 2:  # answered only by a published answer page
            answer = QAPageFactory(parent=site_pages["qa_index"], question=question, owner=rng.choice(people))
            published(answer, done_around(rng, due))
            fields["status"] = QuestionStatus.ANSWERED
        elif fate == 3:  # closed, early or late
            fields.update(status=QuestionStatus.CLOSED, closed_at=done_around(rng, due) or moment(due, 16))
        elif fate == 4:  # closed before closed_at was recorded
            fields.update(status=QuestionStatus.CLOSED, closed_at=None)
        elif fate == 5:  # received before due dates were stored
            fields.update(due_date=None, status=rng.choice([QuestionStatus.RECEIVED, QuestionStatus.CLOSED]))
            fields["closed_at"] = done_around(rng, due) if fields["status"] == QuestionStatus.CLOSED else None
        elif fate == 6:  # an extended deadline
            fields.update(due_date=due + datetime.timedelta(days=10), status=QuestionStatus.ASSIGNED)
        else:  # an unpublished draft answer: still open
            QAPageFactory(parent=site_pages["qa_index"], question=question, owner=rng.choice(people), live=False)
            fields["status"] = QuestionStatus.ASSIGNED
        Question.objects.filter(pk=question.pk).update(**fields)
    return people
