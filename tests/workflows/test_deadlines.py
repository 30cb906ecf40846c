"""Due dates of Điều 8 for each kind across holidays and weekends; on time judged in local time."""

import datetime
import zoneinfo

import pytest
from wagtail.models import Locale

from demo.factories.pages import NewsPageFactory, OfficialDocumentPageFactory, QuestionFactory
from documents.models import OfficialDocumentPage
from news.models import NewsCategory, NewsPage
from workflows.deadlines import LATE, ON_TIME, all_items, due_date, is_on_time, items_of

pytestmark = pytest.mark.django_db

D = datetime.date
HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.mark.parametrize(
    ("kind", "start", "due"),
    [
        # News, 3 working days: across a weekend, and across Tết 2024.
        ("news", D(2025, 3, 7), D(2025, 3, 12)),
        ("news", D(2024, 2, 7), D(2024, 2, 19)),
        # A document, 1 working day: signed the Friday before Tết 2025.
        ("document", D(2025, 1, 24), D(2025, 2, 3)),
        ("document", D(2026, 4, 24), D(2026, 4, 28)),
        # A conference ending before the 30/4–1/5 break of 2025.
        ("conference", D(2025, 4, 29), D(2025, 5, 7)),
        ("conference", D(2024, 8, 30), D(2024, 9, 6)),
        # Statistics, the same working day: a make-up Saturday counts, a holiday does not.
        ("statistics", D(2025, 4, 26), D(2025, 4, 26)),
        ("statistics", D(2024, 9, 2), D(2024, 9, 4)),
        ("statistics", D(2025, 3, 9), D(2025, 3, 10)),
        # Answers, 15 working days: across Giỗ Tổ 2025 and across Quốc khánh 2026.
        ("answer", D(2025, 3, 10), D(2025, 3, 31)),
        ("answer", D(2025, 4, 1), D(2025, 4, 23)),
        ("answer", D(2026, 8, 20), D(2026, 9, 14)),
    ],
)
def test_due_date(kind, start, due):
    assert due_date(kind, start) == due


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        due_date("tin-khac", D(2025, 3, 10))


def test_on_time_is_judged_on_the_local_date():
    due = D(2025, 3, 12)
    # 23:30 in Hà Nội on the due date is 16:30 UTC the same day: on time.
    assert is_on_time(due, datetime.datetime(2025, 3, 12, 23, 30, tzinfo=HANOI))
    # 00:10 the next morning in Hà Nội is still 12/3 in UTC, but it is late.
    assert not is_on_time(due, datetime.datetime(2025, 3, 13, 0, 10, tzinfo=HANOI))
    assert not is_on_time(due, None)


def publish_at(page, moment):
    page.save_revision().publish()
    type(page).objects.filter(pk=page.pk).update(first_published_at=moment, last_published_at=moment)


def test_news_article_published_late_at_night_on_its_due_date_is_on_time(site_pages):
    on_time = NewsPageFactory(parent=site_pages["news_index"], title="Hội nghị tổng kết", event_date=D(2025, 3, 7))
    late = NewsPageFactory(parent=site_pages["news_index"], title="Lễ ra quân", event_date=D(2025, 3, 7))
    publish_at(on_time, datetime.datetime(2025, 3, 12, 23, 30, tzinfo=HANOI))
    publish_at(late, datetime.datetime(2025, 3, 13, 0, 10, tzinfo=HANOI))

    items = {item.title: item for item in items_of(NewsPage)}
    assert items["Hội nghị tổng kết"].due == D(2025, 3, 12)
    assert items["Hội nghị tổng kết"].status(D(2025, 3, 20)) == ON_TIME
    assert items["Lễ ra quân"].done_on == D(2025, 3, 13)
    assert items["Lễ ra quân"].status(D(2025, 3, 20)) == LATE


def test_news_category_decides_the_kind(site_pages):
    NewsPageFactory(
        parent=site_pages["news_index"],
        title="Số liệu dân số",
        category=NewsCategory.STATISTICS,
        event_date=D(2025, 3, 7),
    )
    NewsPageFactory(
        parent=site_pages["news_index"],
        title="Hội thảo chè",
        category=NewsCategory.CONFERENCE,
        event_date=D(2025, 3, 7),
    )
    items = {item.title: item for item in items_of(NewsPage)}
    assert (items["Số liệu dân số"].kind, items["Số liệu dân số"].due) == ("statistics", D(2025, 3, 7))
    assert (items["Hội thảo chè"].kind, items["Hội thảo chè"].due) == ("conference", D(2025, 3, 12))


def test_confidential_documents_have_no_deadline(site_pages):
    OfficialDocumentPageFactory(parent=site_pages["document_index"], title="Quyết định công khai")
    OfficialDocumentPageFactory(parent=site_pages["document_index"], title="Văn bản mật", confidential=True)
    assert [item.title for item in items_of(OfficialDocumentPage)] == ["Quyết định công khai"]


def test_aliases_and_translations_have_no_deadline_of_their_own(site_pages):
    article = NewsPageFactory(parent=site_pages["news_index"], title="Hội nghị tổng kết", event_date=D(2025, 3, 7))
    document = OfficialDocumentPageFactory(parent=site_pages["document_index"], title="Quyết định 63")
    article.create_alias(parent=site_pages["document_index"], update_slug="ban-sao-hoi-nghi")
    english, _created = Locale.objects.get_or_create(language_code="en")
    article.copy_for_translation(english, copy_parents=True)
    document.copy_for_translation(english, copy_parents=True)

    assert [item.object_id for item in items_of(NewsPage)] == [article.pk]
    assert [item.object_id for item in items_of(OfficialDocumentPage)] == [document.pk]


def test_items_due_in_a_period_are_read_without_the_rest_of_the_history(site_pages):
    news_index, document_index = site_pages["news_index"], site_pages["document_index"]
    # Friday 24/01/2025, just before Tết (27/01–31/01 off): due Wednesday 05/02.
    before_tet = NewsPageFactory(parent=news_index, title="Trao quà Tết", event_date=D(2025, 1, 24))
    in_february = OfficialDocumentPageFactory(parent=document_index, title="Quyết định 5", signed_date=D(2025, 2, 14))
    NewsPageFactory(parent=news_index, title="Tin năm ngoái", event_date=D(2024, 2, 5))
    NewsPageFactory(parent=news_index, title="Tin tháng ba", event_date=D(2025, 3, 3))
    question = QuestionFactory(received_at=datetime.datetime(2025, 1, 20, 9, tzinfo=HANOI))  # due in February
    QuestionFactory(received_at=datetime.datetime(2024, 6, 3, 9, tzinfo=HANOI))

    february = (D(2025, 2, 1), D(2025, 2, 28))
    every_item = [item for item in all_items() if february[0] <= item.due <= february[1]]
    narrowed = [item for item in all_items(february) if february[0] <= item.due <= february[1]]

    assert narrowed == every_item
    assert {item.object_id for item in narrowed} == {before_tet.pk, in_february.pk, question.pk}
    assert {item.title for item in all_items(february)}.isdisjoint({"Tin năm ngoái", "Tin tháng ba"})


def test_a_new_question_gets_its_due_date_from_the_local_date_of_receipt():
    # 00:30 on Monday 10/3 in Hà Nội is still Sunday 9/3 in UTC.
    received = datetime.datetime(2025, 3, 9, 17, 30, tzinfo=datetime.UTC)
    question = QuestionFactory(received_at=received)
    question.refresh_from_db()
    assert question.due_date == D(2025, 3, 31)


def test_a_question_keeps_a_due_date_set_by_hand():
    question = QuestionFactory(
        received_at=datetime.datetime(2025, 3, 10, 3, 0, tzinfo=datetime.UTC), due_date=D(2025, 4, 30)
    )
    question.refresh_from_db()
    assert question.due_date == D(2025, 4, 30)
