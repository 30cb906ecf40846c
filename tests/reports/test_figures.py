"""Every figure of the report equals what the quarter's real publications and questions produced."""

import datetime

import pytest
from wagtail.models import Locale

from demo.factories.pages import NewsPageFactory, OfficialDocumentPageFactory
from reports.figures import build_report
from reports.periods import Period
from tests.content_helpers import make_live_without_publishing, publish
from tests.reports.conftest import TODAY, at

pytestmark = pytest.mark.django_db

# Royalties: coefficient × 2.340.000 đ (base amount from 01/07/2024), rates of royalties 0002.
BASE = 2_340_000


@pytest.fixture
def report(quarter):
    return build_report(Period.parse("2025-Q1"), today=TODAY)


def by_kind(rows):
    return {row.kind: row.count for row in rows}


def test_items_published_by_kind(report):
    assert by_kind(report.items_by_kind) == {"tin": 2, "bai": 1, "dang-lai": 1, "van-ban": 1, "tra-loi": 3}
    assert report.items_total == 8


def test_items_published_by_author_as_royalties_credit_them(report):
    assert [(row.name, row.counts, row.total) for row in report.items_by_author] == [
        ("Hoàng Dũng", {"tra-loi": 3}, 3),
        ("Nguyễn An", {"tin": 1, "bai": 1}, 2),
        ("Phạm Bình", {"dang-lai": 1, "tin": 1}, 2),
        ("Lê Cường", {"van-ban": 1}, 1),
    ]


def test_deadlines_met_and_missed_per_kind(report):
    rows = {row.kind: (row.met, row.missed, row.not_yet_due) for row in report.deadline_rows}
    # News: An's item and Bình's reprint on time; An's article late and Cường's draft never out.
    assert rows["news"] == (2, 2, 0)
    assert rows["document"] == (1, 0, 0)  # the confidential one has no deadline
    # Answers: 20/12 and 03/02 on time; 06/01 answered late; 03/03 never answered.
    assert rows["answer"] == (2, 2, 0)
    assert rows["conference"] == rows["statistics"] == (0, 0, 0)
    total = report.deadlines_total
    assert (total.met, total.missed, total.on_time_rate) == (5, 4, pytest.approx(5 / 9))


def test_residents_questions(report):
    questions = report.questions
    assert questions.received == 5  # 06/01, 03/02, 03/03, 05/03 (spam, closed), 25/03
    assert questions.answered == 3
    assert questions.answered_on_time == 2
    assert questions.answered_late == 1
    assert questions.open_overdue == 1
    assert questions.overdue == 2
    assert questions.still_open == 2


def test_working_days_without_an_update(report):
    gaps = report.days_without_update
    # Q1 2025: 64 weekdays less 01/01 and Tết (27–31/01) = 58 working days, 8 of them with a publication.
    assert gaps.working_days == 58
    assert gaps.count == 50
    published_on = {datetime.date(2025, 1, 7), datetime.date(2025, 2, 12), datetime.date(2025, 3, 28)}
    assert not published_on & set(gaps.dates)
    assert datetime.date(2025, 1, 2) in gaps.dates
    assert datetime.date(2025, 1, 27) not in gaps.dates  # Tết: not a working day


def test_royalties_and_budget(report):
    amounts = {row.kind: row.amount for row in report.royalties_by_kind}
    assert amounts["tin"] == 2 * BASE // 10
    assert amounts["bai"] == 3 * BASE // 10
    assert amounts["dang-lai"] == 3 * BASE // 100
    assert amounts["van-ban"] == 2 * BASE // 100
    assert amounts["tra-loi"] == 3 * BASE // 10
    assert amounts["anh"] == 0
    assert report.royalties_total == 1_989_000
    by_author = {row.name: row.amount for row in report.royalties_by_author}
    assert by_author == {"Nguyễn An": 936_000, "Hoàng Dũng": 702_000, "Phạm Bình": 304_200, "Lê Cường": 46_800}
    # Bình's April item is paid from the same year's budget but after the quarter.
    assert (report.budget.used, report.budget.budget) == (1_989_000, 10_000_000)


def test_contributors_records(report):
    records = [(r.name, r.published, r.deadlines_met, r.deadlines_missed, r.royalties) for r in report.contributors]
    assert records == [
        ("Hoàng Dũng", 3, 2, 1, 702_000),
        ("Nguyễn An", 2, 1, 1, 936_000),
        ("Phạm Bình", 2, 1, 0, 304_200),
        ("Lê Cường", 1, 1, 1, 46_800),
    ]
    assert report.contributors[0].on_time_rate == pytest.approx(2 / 3)


def test_a_month_counts_only_its_own_days(quarter):
    march = build_report(Period.parse("2025-03"), today=TODAY)
    assert march.items_total == 4  # An's two, Bình's 28/03 item, the answer of 03/03
    assert march.days_without_update.working_days == 21
    assert march.days_without_update.count == 21 - 4


def test_the_period_in_progress_counts_up_to_today(quarter):
    april = build_report(Period.parse("2025-04"), today=datetime.date(2025, 4, 3))
    assert april.items_total == 1
    # 01–03/04 are working days; Bình published on 02/04.
    assert april.days_without_update.working_days == 3
    assert april.days_without_update.dates == [datetime.date(2025, 4, 1), datetime.date(2025, 4, 3)]
    # The question of 03/03 (due 24/03) is overdue; the one of 25/03 is not due yet.
    assert (april.questions.open_overdue, april.questions.open_not_due) == (1, 1)


def test_translations_and_confidential_documents_are_not_new_items(site_pages, people):
    english, _created = Locale.objects.get_or_create(language_code="en")
    with at(datetime.date(2025, 3, 12)):
        article = publish(NewsPageFactory(parent=site_pages["news_index"], owner=people["an"], live=False))
        secret = OfficialDocumentPageFactory(
            parent=site_pages["document_index"], owner=people["member"], live=False, confidential=True
        )
        make_live_without_publishing(secret)
    with at(datetime.date(2025, 3, 13)):
        translation = article.copy_for_translation(english, copy_parents=True)
        publish(translation)
    report = build_report(Period.parse("2025-03"), today=TODAY)
    assert report.items_total == 1
    assert [row.name for row in report.items_by_author] == ["Nguyễn An"]
