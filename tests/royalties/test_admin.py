"""The "Nhuận bút" admin: who sees what, the entries list, the head's adjustment, rates, the sheet."""

import datetime
import io
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from royalties.models import RoyaltyEntry, RoyaltyRate
from tests.helpers import log_in
from tests.portal.test_admin_in_vietnamese import VisibleText, english_words_on, set_admin_language
from tests.royalties.conftest import at, document, news, publish_on

pytestmark = pytest.mark.django_db

ENTRIES = reverse("wagtailsnippets_royalties_royaltyentry:list")
SHEET = reverse("royalties_month_sheet")


@pytest.fixture
def march_entries(site_pages, people):
    """Two news items and a document published in March 2025, one article in April."""
    publish_on(at(2025, 3, 3), news(site_pages, people["contributor"], title="Hội chợ chè Tân Cương"))
    publish_on(at(2025, 3, 5), news(site_pages, people["contributor"], title="Ra quân làm đường giao thông"))
    publish_on(at(2025, 3, 20), document(site_pages, people["member"], title="Quyết định 12/QĐ-UBND"))
    publish_on(at(2025, 4, 2), news(site_pages, people["member"], genre="bai", title="Chè Tân Cương vào mùa"))
    return RoyaltyEntry.objects.order_by("published_at")


def menu_and_text(client):
    """What a person reads on the dashboard, the sidebar menu included."""
    parser = VisibleText()
    parser.feed(client.get(reverse("wagtailadmin_home")).content.decode())
    return " | ".join(parser.texts)


def royalty_urls(entry):
    rate = RoyaltyRate.objects.get(kind="tin")
    return [
        ENTRIES,
        reverse("wagtailsnippets_royalties_royaltyentry:edit", args=[entry.pk]),
        reverse("wagtailsnippets_royalties_royaltyentry:history", args=[entry.pk]),
        reverse("wagtailsnippets_royalties_royaltyrate:list"),
        reverse("wagtailsnippets_royalties_royaltyrate:edit", args=[rate.pk]),
        reverse("wagtailsnippets_royalties_royaltyrate:add"),
        reverse("wagtailsnippets_royalties_basesalary:list"),
        reverse("wagtailsnippets_royalties_basesalary:add"),
        reverse("wagtailsnippets_royalties_royaltybudget:list"),
        reverse("wagtailsnippets_royalties_royaltybudget:add"),
        SHEET + "?month=2025-03",
        SHEET + "?month=2025-03&format=xlsx",
    ]


@pytest.mark.parametrize("role", ["contributor", "official", "party"])
def test_people_outside_the_board_get_403_everywhere_and_no_menu(client, people, march_entries, role):
    log_in(client, people[role])
    for url in royalty_urls(march_entries[0]):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "Chỉ Ban biên tập được xem nhuận bút." in response.content.decode()
    readable = menu_and_text(client)
    assert "Nhuận bút" not in readable and "ngân sách" not in readable


@pytest.mark.parametrize("role", ["head", "member"])
def test_the_board_sees_the_royalties_menu(client, people, role):
    log_in(client, people[role])
    readable = menu_and_text(client)
    assert "Nhuận bút" in readable and "Bảng kê nhuận bút" in readable and "Mức lương cơ sở" in readable


def test_a_member_may_view_but_not_change(client, people, march_entries):
    log_in(client, people["member"])
    entry = march_entries[0]
    for name in ("royaltyrate", "basesalary", "royaltybudget"):
        assert client.get(reverse(f"wagtailsnippets_royalties_{name}:list")).status_code == 200
        # Wagtail's own refusal: back to the dashboard with "no permission".
        assert client.get(reverse(f"wagtailsnippets_royalties_{name}:add"))["Location"] == "/admin/"
    assert client.get(ENTRIES).status_code == 200
    edit = reverse("wagtailsnippets_royalties_royaltyentry:edit", args=[entry.pk])
    assert client.post(edit, {"coefficient": "0.15", "adjustment_reason": "Tự tăng"})["Location"] == "/admin/"
    entry.refresh_from_db()
    assert entry.coefficient == Decimal("0.10")


def test_nobody_adds_or_deletes_entries_from_the_admin(client, people, march_entries):
    log_in(client, people["head"])
    entry = march_entries[0]
    assert client.get(reverse("wagtailsnippets_royalties_royaltyentry:add"))["Location"] == "/admin/"
    delete = reverse("wagtailsnippets_royalties_royaltyentry:delete", args=[entry.pk])
    assert client.post(delete)["Location"] == "/admin/"
    assert RoyaltyEntry.objects.filter(pk=entry.pk).exists()
    listing = client.get(ENTRIES).content.decode()
    assert reverse("wagtailsnippets_royalties_royaltyentry:add") not in listing and delete not in listing


def test_entries_list_shows_vietnamese_columns_and_filters_by_month(client, people, march_entries):
    log_in(client, people["head"])
    html = client.get(ENTRIES, {"year": 2025, "month": 3}).content.decode()
    assert "Hội chợ chè Tân Cương" in html and "Quyết định 12/QĐ-UBND" in html
    assert "Chè Tân Cương vào mùa" not in html
    assert "03/03/2025" in html and "234.000 đ" in html and "0,10" in html and "Tin" in html
    assert str(people["contributor"]) in html
    # The item links to its editor.
    assert reverse("wagtailadmin_pages:edit", args=[march_entries[0].page_id]) in html

    by_kind = client.get(ENTRIES, {"kind": "van-ban"}).content.decode()
    assert "Quyết định 12/QĐ-UBND" in by_kind and "Hội chợ chè Tân Cương" not in by_kind
    by_author = client.get(ENTRIES, {"author": people["member"].pk}).content.decode()
    assert "Chè Tân Cương vào mùa" in by_author and "Hội chợ chè Tân Cương" not in by_author
    assert english_words_on(client.get(ENTRIES)) == []


def test_entries_list_queries_do_not_grow_with_rows(client, people, site_pages, django_assert_max_num_queries):
    log_in(client, people["head"])
    publish_on(at(2025, 3, 3), news(site_pages, people["contributor"]))
    client.get(ENTRIES)  # warm the session and the site's caches
    with CaptureQueriesContext(connection) as one_row:
        assert client.get(ENTRIES).status_code == 200
    for day in range(4, 24):
        publish_on(at(2025, 3, day), news(site_pages, people["member"] if day % 2 else people["contributor"]))
    with django_assert_max_num_queries(len(one_row)):
        listing = client.get(ENTRIES)
    assert len(listing.context["object_list"]) == 21


def test_the_head_adjusts_an_entry_and_its_history_shows_it(client, people, march_entries):
    log_in(client, people["head"])
    entry = march_entries[0]
    edit = reverse("wagtailsnippets_royalties_royaltyentry:edit", args=[entry.pk])
    form = client.get(edit)
    assert form.status_code == 200 and english_words_on(form) == []
    response = client.post(edit, {"coefficient": "0.15", "adjustment_reason": "Tin có ảnh tư liệu quý"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.coefficient, entry.amount, entry.adjusted_by) == (Decimal("0.15"), 351_000, people["head"])
    history = client.get(reverse("wagtailsnippets_royalties_royaltyentry:history", args=[entry.pk]))
    assert "Điều chỉnh nhuận bút" in history.content.decode()


@pytest.mark.parametrize(
    ("coefficient", "reason", "message"),
    [
        ("0.50", "Tin rất hay", "Hệ số phải nằm trong khoảng từ 0,05 đến 0,20."),
        ("0.15", "", "Vui lòng nêu lý do điều chỉnh."),
    ],
)
def test_a_refused_adjustment_is_shown_and_keeps_what_was_typed(
    client, people, march_entries, coefficient, reason, message
):
    log_in(client, people["head"])
    entry = march_entries[0]
    edit = reverse("wagtailsnippets_royalties_royaltyentry:edit", args=[entry.pk])
    response = client.post(edit, {"coefficient": coefficient, "adjustment_reason": reason})
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert f'value="{coefficient}"' in html and reason in html
    entry.refresh_from_db()
    assert (entry.coefficient, entry.amount) == (Decimal("0.10"), 234_000)


def test_the_head_edits_a_rate_within_its_range_only(client, people):
    log_in(client, people["head"])
    rate = RoyaltyRate.objects.get(kind="tin")
    edit = reverse("wagtailsnippets_royalties_royaltyrate:edit", args=[rate.pk])
    data = {"kind": "tin", "coefficient": "0.30", "min_coefficient": "0.05", "max_coefficient": "0.20", "note": ""}
    refused = client.post(edit, data)
    assert refused.status_code == 200
    assert "Hệ số phải nằm trong khoảng từ hệ số thấp nhất đến hệ số cao nhất." in refused.content.decode()
    assert client.post(edit, {**data, "coefficient": "0.12"}).status_code == 302
    rate.refresh_from_db()
    assert rate.coefficient == Decimal("0.12")
    listing = client.get(reverse("wagtailsnippets_royalties_royaltyrate:list")).content.decode()
    assert "0,12" in listing and "0,05 – 0,20" in listing


def test_the_sheet_page_shows_the_month_and_offers_the_download(client, people, march_entries):
    log_in(client, people["member"])
    response = client.get(SHEET, {"month": "2025-03"})
    html = response.content.decode()
    assert "BẢNG KÊ NHUẬN BÚT THÁNG 03/2025" in html
    assert "Hội chợ chè Tân Cương" in html and "Chè Tân Cương vào mùa" not in html
    assert "514.800 đ" in html  # 234.000 + 234.000 + 46.800
    assert "?month=2025-03&amp;format=xlsx" in html
    assert english_words_on(response) == []
    download = client.get(SHEET, {"month": "2025-03", "format": "xlsx"})
    assert download.status_code == 200
    assert download["Content-Disposition"] == 'attachment; filename="bang-ke-nhuan-but-2025-03.xlsx"'


def test_the_sheet_is_vietnamese_for_a_head_who_reads_the_admin_in_english(client, people, march_entries):
    set_admin_language(people["head"], "en")
    log_in(client, people["head"])
    download = client.get(SHEET, {"month": "2025-03", "format": "xlsx"})
    values = [
        cell for row in load_workbook(io.BytesIO(download.content)).active.iter_rows(values_only=True) for cell in row
    ]
    assert "BẢNG KÊ NHUẬN BÚT THÁNG 03/2025" in values
    assert "TỔNG CỘNG" in values


def test_the_sheet_queries_do_not_grow_with_the_entries(client, people, site_pages, django_assert_max_num_queries):
    """The month's sheet on screen and as XLSX reads the same number of times for 1 entry or 21."""
    log_in(client, people["head"])
    publish_on(at(2025, 3, 3), news(site_pages, people["contributor"]))
    client.get(SHEET, {"month": "2025-03"})  # warm the session and the site's caches
    with CaptureQueriesContext(connection) as one_entry:
        client.get(SHEET, {"month": "2025-03"})
    with CaptureQueriesContext(connection) as one_entry_xlsx:
        client.get(SHEET, {"month": "2025-03", "format": "xlsx"})
    for day in range(4, 24):
        publish_on(at(2025, 3, day), news(site_pages, people["member"] if day % 2 else people["contributor"]))
    with django_assert_max_num_queries(len(one_entry)):
        page = client.get(SHEET, {"month": "2025-03"})
    assert len(page.context["sheet"].entries) == 21
    with django_assert_max_num_queries(len(one_entry_xlsx)):
        assert client.get(SHEET, {"month": "2025-03", "format": "xlsx"}).status_code == 200


def test_the_sheet_page_defaults_to_last_month(client, people):
    log_in(client, people["head"])
    with time_machine.travel(datetime.datetime(2025, 4, 15, 9, tzinfo=datetime.UTC)):
        html = client.get(SHEET).content.decode()
    assert "BẢNG KÊ NHUẬN BÚT THÁNG 03/2025" in html and "Không có khoản nhuận bút nào trong tháng này." in html


@pytest.mark.parametrize("month", ["9999-12", "1999-12", "2025-13", "tháng ba"])
def test_a_month_out_of_range_gives_last_months_sheet_not_an_error(client, people, month):
    log_in(client, people["head"])
    with time_machine.travel(datetime.datetime(2025, 4, 15, 9, tzinfo=datetime.UTC)):
        download = client.get(SHEET, {"month": month, "format": "xlsx"})
    assert download.status_code == 200
    assert download["Content-Disposition"] == 'attachment; filename="bang-ke-nhuan-but-2025-03.xlsx"'


def test_the_month_picker_names_months_in_vietnamese_and_keeps_an_older_month(client, people):
    log_in(client, people["head"])
    with time_machine.travel(datetime.datetime(2026, 11, 20, 9, tzinfo=datetime.UTC)):
        recent = client.get(SHEET).content.decode()
        older = client.get(SHEET, {"month": "2023-01"}).content.decode()
    assert '<option value="2026-10" selected>Tháng 10/2026</option>' in recent
    assert '<option value="2024-12">Tháng 12/2024</option>' in recent
    assert "2023-01" not in recent
    assert '<option value="2023-01" selected>Tháng 01/2023</option>' in older
