"""What has a deadline at all (Điều 8b, 8e, 8đ): `deadline_for`, and every list that uses it."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page

from accounts.policy import GROUP_MEMBER
from demo.factories.accounts import UserFactory
from demo.factories.pages import NewsPageFactory, OfficialDocumentPageFactory, QAPageFactory, QuestionFactory
from documents.models import OfficialDocumentPage
from news.models import MISSING_EVENT_DATE, NewsCategory, NewsPage
from qa.models import Question, QuestionStatus
from qa.services import close_question
from tests.content_helpers import publish
from tests.helpers import log_in
from tests.workflows.conftest import as_user, draft_news, news_form, submit, workflow_action
from workflows.deadlines import LATE, Deadline, all_items, deadline_for, items_of
from workflows.rules import PublicationRefused

pytestmark = pytest.mark.django_db

D = datetime.date
HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


def at(day, hour=10):
    return time_machine.travel(datetime.datetime.combine(day, datetime.time(hour), tzinfo=HANOI), tick=False)


def published_on(page, day):
    with at(day):
        return publish(page)


def document(site_pages, **fields):
    return OfficialDocumentPageFactory(parent=site_pages["document_index"], live=False, **fields)


def test_a_province_decision_posted_30_days_after_signing_is_not_late(site_pages):
    # Signed Monday 3/3/2025 by the province; posted on the commune's register on 2/4/2025.
    decision = document(
        site_pages,
        title="Quyết định 512/QĐ-UBND của UBND tỉnh",
        issuing_body="UBND tỉnh Thái Nguyên",
        issuer="cap-tren",
        signed_date=D(2025, 3, 3),
    )
    published_on(decision, D(2025, 4, 2))

    assert deadline_for(decision) is None
    assert decision.pk not in {item.object_id for item in all_items()}


def test_a_commune_decision_posted_2_working_days_after_signing_is_late(site_pages):
    # Signed Friday 7/3/2025: due Monday 10/3; posted Tuesday 11/3.
    decision = document(site_pages, title="Quyết định 40/QĐ-UBND", issuer="ubnd-xa", signed_date=D(2025, 3, 7))
    published_on(decision, D(2025, 3, 11))

    assert deadline_for(decision) == Deadline("document", D(2025, 3, 7), D(2025, 3, 10))
    [item] = [item for item in items_of(OfficialDocumentPage) if item.object_id == decision.pk]
    assert (item.due, item.done_on, item.status(D(2025, 3, 20))) == (D(2025, 3, 10), D(2025, 3, 11), LATE)


@pytest.mark.parametrize("issuer", ["hdnd-xa", "dang-uy-xa", "ban-bien-tap", "cap-tren", "khac"])
def test_only_the_commune_peoples_committee_documents_have_a_deadline(site_pages, issuer):
    other = document(site_pages, issuer=issuer, signed_date=D(2025, 3, 7))
    assert deadline_for(other) is None
    assert list(items_of(OfficialDocumentPage)) == []


def test_deadline_for_every_kind(site_pages):
    news_index = site_pages["news_index"]
    event = NewsPageFactory(parent=news_index, category=NewsCategory.EVENT, event_date=D(2025, 3, 7))
    conference = NewsPageFactory(parent=news_index, category=NewsCategory.CONFERENCE, event_date=D(2025, 4, 29))
    statistics = NewsPageFactory(parent=news_index, category=NewsCategory.STATISTICS, event_date=D(2025, 3, 9))
    other = NewsPageFactory(parent=news_index, category=NewsCategory.OTHER, event_date=D(2025, 3, 7))
    other_undated = NewsPageFactory(parent=news_index, category=NewsCategory.OTHER, event_date=None)
    secret = document(site_pages, confidential=True)
    unsigned = document(site_pages, signed_date=None)
    # 00:30 on Monday 10/3 in Hà Nội is Sunday 9/3 in UTC: the clock starts on the local date.
    question = QuestionFactory(received_at=datetime.datetime(2025, 3, 9, 17, 30, tzinfo=datetime.UTC))
    answer = QAPageFactory(parent=site_pages["qa_index"], question=question)

    assert deadline_for(event) == Deadline("news", D(2025, 3, 7), D(2025, 3, 12))
    assert deadline_for(conference) == Deadline("conference", D(2025, 4, 29), D(2025, 5, 7))
    assert deadline_for(statistics) == Deadline("statistics", D(2025, 3, 9), D(2025, 3, 10))
    assert deadline_for(other) is None
    assert deadline_for(other_undated) is None
    assert deadline_for(secret) is None
    assert deadline_for(unsigned) is None
    assert deadline_for(question) == Deadline("answer", D(2025, 3, 10), D(2025, 3, 31))
    assert deadline_for(answer) == deadline_for(question)
    # A page read through the tree (a plain `Page`) has the deadline of what it really is.
    assert deadline_for(Page.objects.get(pk=event.pk)) == deadline_for(event)
    assert deadline_for(site_pages["home"]) is None
    with pytest.raises(AttributeError):
        deadline_for(event).due = D(2030, 1, 1)  # frozen


def test_the_lists_hold_exactly_the_items_deadline_for_gives_a_deadline(site_pages):
    news_index = site_pages["news_index"]
    for category in NewsCategory.values:
        NewsPageFactory(parent=news_index, category=category, event_date=D(2025, 3, 7))
        NewsPageFactory(parent=news_index, category=category, event_date=None)
    for issuer in ("ubnd-xa", "hdnd-xa", "dang-uy-xa", "ban-bien-tap", "cap-tren", "khac"):
        document(site_pages, issuer=issuer)
        document(site_pages, issuer=issuer, confidential=True)

    items = [*items_of(NewsPage), *items_of(OfficialDocumentPage)]
    listed = {item.object_id: (item.kind, item.start, item.due) for item in items}
    pages = [page.specific for page in Page.objects.type(NewsPage, OfficialDocumentPage).order_by("pk")]
    expected = {
        page.pk: (deadline.kind, deadline.start, deadline.due) for page in pages if (deadline := deadline_for(page))
    }
    assert listed == expected
    assert sorted(kind for kind, _start, _due in listed.values()) == ["conference", "document", "news", "statistics"]


def test_items_without_a_deadline_cost_no_query(site_pages, django_assert_num_queries):
    NewsPageFactory(parent=site_pages["news_index"], event_date=D(2025, 3, 7))
    document(site_pages)
    list(all_items())  # warm Wagtail's caches (locales, content types)
    with CaptureQueriesContext(connection) as baseline:
        list(all_items())
    for number in range(15):
        NewsPageFactory(parent=site_pages["news_index"], category=NewsCategory.OTHER, event_date=None)
        document(site_pages, title=f"Quyết định của tỉnh số {number}", issuer="cap-tren")
    with django_assert_num_queries(len(baseline.captured_queries)):
        assert len(list(all_items())) == 2


def test_an_other_news_item_without_event_date_publishes_and_is_never_late(site_pages):
    item = NewsPageFactory(
        parent=site_pages["news_index"],
        live=False,
        title="Lịch cắt điện tháng 3",
        category=NewsCategory.OTHER,
        event_date=None,
    )
    # Through the real publish path (Revision.publish → Page.publish → PublicationRulesMixin).
    published_on(item, D(2025, 3, 28))

    assert item.live
    assert deadline_for(item) is None
    assert item.pk not in {entry.object_id for entry in all_items()}


def test_an_event_without_event_date_is_still_refused(site_pages):
    item = NewsPageFactory(parent=site_pages["news_index"], live=False, category=NewsCategory.EVENT, event_date=None)
    with pytest.raises(PublicationRefused) as refused:
        item.save_revision().publish()
    assert str(MISSING_EVENT_DATE) in refused.value.problems


def test_an_other_news_item_without_event_date_goes_through_the_approval_chain(client, site_pages, board):
    page = draft_news(site_pages, board["contributor"], category=NewsCategory.OTHER, event_date=None)
    as_user(client, board["contributor"])
    assert submit(client, page, news_form(page)).status_code == 302
    as_user(client, board["member"])
    workflow_action(client, page, "approve")
    as_user(client, board["head"])
    workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert page.live
    assert page.event_date is None


def closed_at(question, day, member):
    with at(day, 15):
        close_question(question, "Không thuộc thẩm quyền của xã", by=member, notify=False)
    question.refresh_from_db()
    return question


def test_a_question_closed_after_its_due_date_counts_late_in_the_deadlines_report(client, site_pages):
    member = UserFactory(groups=[GROUP_MEMBER])
    # Received Monday 10/3/2025: due Monday 31/3.
    late = QuestionFactory(title="Hỏi về cấp nước", received_at=datetime.datetime(2025, 3, 10, 9, tzinfo=HANOI))
    in_time = QuestionFactory(title="Hỏi về điện", received_at=datetime.datetime(2025, 3, 10, 9, tzinfo=HANOI))
    closed_at(late, D(2025, 4, 1), member)
    closed_at(in_time, D(2025, 3, 31), member)
    assert late.status == QuestionStatus.CLOSED and late.due_date == D(2025, 3, 31)

    items = {item.object_id: item for item in items_of(Question)}
    assert set(items) == {late.pk}
    assert (items[late.pk].done_on, items[late.pk].status(D(2025, 4, 15))) == (D(2025, 4, 1), LATE)

    log_in(client, member)
    with at(D(2025, 4, 15)):
        report = client.get(reverse("workflows_deadlines:index"), {"status": "late"}).content.decode()
    assert "Hỏi về cấp nước" in report
    assert "Hỏi về điện" not in report


def test_a_legacy_closed_question_without_closing_time_is_not_counted_late():
    question = QuestionFactory(received_at=datetime.datetime(2024, 3, 11, 9, tzinfo=HANOI))
    type(question).objects.filter(pk=question.pk).update(status=QuestionStatus.CLOSED, closed_at=None)
    assert list(items_of(Question)) == []
