"""Royalty entries created by real publication, adjustments, totals and the budget levels (Điều 9)."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from wagtail.models import Locale, ModelLogEntry, PageLogEntry

from royalties.models import BaseSalary, RoyaltyBudget, RoyaltyEntry, RoyaltyKind, RoyaltyRate
from royalties.services import AdjustmentRefused, adjust_entry, budget_status, totals_by_author, totals_by_kind
from tests.royalties.conftest import answered_question, at, document, news, photo, publish_on

pytestmark = pytest.mark.django_db


def entries_of(page):
    return list(RoyaltyEntry.objects.filter(page=page).order_by("kind").values_list("kind", "author", "amount"))


def test_a_news_item_pays_its_author_once(site_pages, people):
    item = publish_on(at(2025, 3, 10), news(site_pages, people["contributor"], genre="tin"))
    # 0,10 × 2.340.000 đ
    assert entries_of(item) == [("tin", people["contributor"].pk, 234_000)]


def test_an_article_is_paid_as_an_article(site_pages, people):
    item = publish_on(at(2025, 3, 10), news(site_pages, people["contributor"], genre="bai"))
    assert entries_of(item) == [("bai", people["contributor"].pk, 702_000)]


def test_an_item_taken_from_elsewhere_pays_the_republishing_rate_and_not_its_photo(site_pages, people):
    picture = photo(people["member"])
    item = news(site_pages, people["contributor"], is_republished=True, source="Báo Thái Nguyên", main_image=picture)
    publish_on(at(2025, 3, 10), item)
    assert entries_of(item) == [("dang-lai", people["contributor"].pk, 70_200)]


def test_a_photo_is_paid_to_its_uploader_once(site_pages, people):
    picture = photo(people["member"])
    first = publish_on(at(2025, 3, 10), news(site_pages, people["contributor"], main_image=picture))
    assert entries_of(first) == [("anh", people["member"].pk, 117_000), ("tin", people["contributor"].pk, 234_000)]
    # The same photo in a second article is not paid again.
    second = publish_on(at(2025, 3, 11), news(site_pages, people["contributor"], main_image=picture))
    assert entries_of(second) == [("tin", people["contributor"].pk, 234_000)]


def test_a_document_pays_whoever_posted_it(site_pages, people):
    posted = publish_on(at(2025, 3, 10), document(site_pages, people["member"]))
    assert entries_of(posted) == [("van-ban", people["member"].pk, 46_800)]


def test_an_answer_to_a_resident_pays_the_official_it_was_assigned_to(site_pages, people):
    page = answered_question(people, at(2025, 3, 12))
    assert entries_of(page) == [("tra-loi", people["official"].pk, 234_000)]


def test_republishing_after_an_edit_pays_nothing_new(site_pages, people):
    item = publish_on(at(2025, 3, 10), news(site_pages, people["contributor"]))
    item.title = "Tin đã sửa"
    publish_on(at(2025, 3, 11), item)
    assert RoyaltyEntry.objects.count() == 1


def test_unpublishing_and_publishing_again_pays_nothing_new(site_pages, people):
    item = publish_on(at(2025, 3, 10), news(site_pages, people["contributor"]))
    item.unpublish()
    publish_on(at(2025, 4, 2), item)
    assert RoyaltyEntry.objects.count() == 1
    assert RoyaltyEntry.objects.get().published_at == at(2025, 3, 10)


def test_an_alias_pays_nothing(site_pages, people):
    item = publish_on(at(2025, 3, 10), news(site_pages, people["contributor"]))
    alias = item.create_alias(parent=site_pages["document_index"], update_slug="ban-sao")
    item.title = "Tin cập nhật"
    publish_on(at(2025, 3, 11), item)  # updating the original republishes its alias
    assert RoyaltyEntry.objects.filter(page=alias).count() == 0
    assert RoyaltyEntry.objects.count() == 1


def test_an_english_translation_pays_nothing(site_pages, people):
    item = publish_on(at(2025, 3, 10), news(site_pages, people["contributor"]))
    english, _ = Locale.objects.get_or_create(language_code="en")
    translation = item.copy_for_translation(english, copy_parents=True)
    publish_on(at(2025, 3, 12), translation)
    assert translation.live
    assert list(RoyaltyEntry.objects.values_list("page", flat=True)) == [item.pk]


@pytest.mark.parametrize(
    ("moment", "base"),
    [
        # 30/06/2024 23:30 in Hanoi is still the old base amount, though 1 July already in... nowhere.
        (at(2024, 6, 30, 23), 1_800_000),
        # 01/07/2024 00:30 Hanoi time is 30/06 in UTC: the local date decides.
        (datetime.datetime(2024, 6, 30, 17, 30, tzinfo=datetime.UTC), 2_340_000),
    ],
)
def test_the_amount_uses_the_base_amount_in_force_on_the_local_publication_day(site_pages, people, moment, base):
    item = publish_on(moment, news(site_pages, people["contributor"]))
    entry = RoyaltyEntry.objects.get(page=item)
    assert entry.base_amount == base
    assert entry.amount == int(Decimal("0.10") * base)


def test_a_later_change_of_rate_or_base_amount_keeps_existing_entries(site_pages, people):
    item = publish_on(at(2025, 3, 10), news(site_pages, people["contributor"]))
    RoyaltyRate.objects.filter(kind="tin").update(coefficient=Decimal("0.20"), max_coefficient=Decimal("0.30"))
    BaseSalary.objects.create(effective_from=datetime.date(2025, 1, 1), amount=3_000_000)
    entry = RoyaltyEntry.objects.get(page=item)
    assert (entry.coefficient, entry.base_amount, entry.amount) == (Decimal("0.10"), 2_340_000, 234_000)


def test_adjusting_within_the_range_changes_the_amount_and_is_logged(site_pages, people):
    item = publish_on(at(2025, 3, 10), news(site_pages, people["contributor"]))
    entry = RoyaltyEntry.objects.get(page=item)
    with time_machine.travel(at(2025, 3, 20), tick=False):
        adjust_entry(entry, "0.15", "Tin có nhiều ảnh tư liệu", people["head"])
    entry.refresh_from_db()
    assert (entry.coefficient, entry.amount) == (Decimal("0.15"), 351_000)
    assert entry.adjusted_by == people["head"] and entry.adjustment_reason == "Tin có nhiều ảnh tư liệu"
    log = ModelLogEntry.objects.get(action="royalties.adjust")
    assert log.user == people["head"] and log.object_id == str(entry.pk)
    assert log.data == {"old": "0.10", "new": "0.15", "reason": "Tin có nhiều ảnh tư liệu"}


@pytest.mark.parametrize(
    ("coefficient", "reason", "message"),
    [
        ("0.25", "Quá cao", "Hệ số phải nằm trong khoảng từ 0,05 đến 0,20."),
        ("0.04", "Quá thấp", "Hệ số phải nằm trong khoảng từ 0,05 đến 0,20."),
        ("0.15", "   ", "Vui lòng nêu lý do điều chỉnh."),
    ],
)
def test_a_refused_adjustment_says_why_in_vietnamese_and_changes_nothing(
    site_pages, people, coefficient, reason, message
):
    item = publish_on(at(2025, 3, 10), news(site_pages, people["contributor"]))
    entry = RoyaltyEntry.objects.get(page=item)
    with pytest.raises(AdjustmentRefused) as refused:
        adjust_entry(entry, coefficient, reason, people["head"])
    assert str(refused.value) == message
    entry.refresh_from_db()
    assert (entry.coefficient, entry.amount, entry.adjustment_reason) == (Decimal("0.10"), 234_000, "")
    assert not ModelLogEntry.objects.filter(action="royalties.adjust").exists()
    assert not PageLogEntry.objects.filter(action="royalties.adjust").exists()


def test_totals_by_kind_and_by_author_count_the_month(site_pages, people):
    publish_on(at(2025, 3, 3), news(site_pages, people["contributor"], genre="tin"))
    publish_on(at(2025, 3, 4), news(site_pages, people["contributor"], genre="bai"))
    publish_on(at(2025, 3, 31, 23), document(site_pages, people["member"]))
    publish_on(at(2025, 4, 1, 0), news(site_pages, people["member"], genre="tin"))  # next month

    march = (datetime.date(2025, 3, 1), datetime.date(2025, 3, 31))
    assert totals_by_kind(*march) == {"tin": (1, 234_000), "bai": (1, 702_000), "van-ban": (1, 46_800)}
    assert totals_by_author(*march) == {people["contributor"].pk: (2, 936_000), people["member"].pk: (1, 46_800)}


def test_budget_status_without_a_budget_has_no_level(site_pages, people):
    publish_on(at(2025, 3, 10), news(site_pages, people["contributor"]))
    status = budget_status(2025)
    assert (status.budget, status.used, status.ratio, status.level) == (None, 234_000, None, None)


@pytest.mark.parametrize(
    ("budget", "level"),
    [
        # 234.000 đ used: 79,99% of 292.537 đ; exactly 80% of 292.500 đ; exactly 100% of 234.000 đ.
        (292_537, None),
        (292_500, "warning"),
        (234_001, "warning"),
        (234_000, "exceeded"),
    ],
)
def test_budget_levels(site_pages, people, budget, level):
    RoyaltyBudget.objects.create(year=2025, amount=budget)
    publish_on(at(2025, 3, 10), news(site_pages, people["contributor"]))
    assert budget_status(2025).level == level


def test_budget_status_counts_only_its_year_and_up_to_a_day(site_pages, people):
    publish_on(at(2024, 12, 31, 23), news(site_pages, people["contributor"]))
    publish_on(at(2025, 3, 10), news(site_pages, people["contributor"]))
    publish_on(at(2025, 5, 10), news(site_pages, people["contributor"]))
    assert budget_status(2025).used == 468_000
    assert budget_status(2025, until=datetime.date(2025, 4, 30)).used == 234_000


def test_the_kinds_paid_match_the_rate_table():
    assert set(RoyaltyRate.objects.values_list("kind", flat=True)) == set(RoyaltyKind.values)
