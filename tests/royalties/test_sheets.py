"""The monthly royalty sheet (bảng kê nhuận bút) as the accountant opens it in a spreadsheet."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.management import call_command
from openpyxl import load_workbook
from wagtail.models import Site

from portal.models import PortalSettings
from royalties.sheets import build_month_sheet
from tests.royalties.conftest import at, document, news, photo, publish_on

pytestmark = pytest.mark.django_db


def cells(worksheet):
    """Every non-empty row as a list of values."""
    return [list(row) for row in worksheet.iter_rows(values_only=True) if any(value is not None for value in row)]


def entry_rows(worksheet):
    """The rows that are entries: a row number in the first column."""
    return [row for row in cells(worksheet) if isinstance(row[0], int)]


def row_starting_with(worksheet, column, text):
    return next(row for row in cells(worksheet) if isinstance(row[column], str) and row[column].startswith(text))


@pytest.fixture
def march(site_pages, people):
    """A news item with a photo by another person, an article and a document in March 2025."""
    picture = photo(people["member"])
    publish_on(
        at(2025, 3, 3),
        news(site_pages, people["contributor"], title="Hội chợ chè Tân Cương", main_image=picture),
    )
    publish_on(at(2025, 3, 31, 23), news(site_pages, people["contributor"], genre="bai", title="Chè vào mùa"))
    publish_on(at(2025, 3, 20), document(site_pages, people["member"], title="Quyết định 12/QĐ-UBND"))
    publish_on(at(2025, 4, 1, 0), news(site_pages, people["member"], title="Tin tháng Tư"))


def saved_and_reopened(workbook, tmp_path):
    path = tmp_path / "bang-ke.xlsx"
    workbook.save(path)
    return load_workbook(path).active


def test_the_sheet_lists_the_months_entries_with_subtotals_and_total(march, people, tmp_path):
    with time_machine.travel(at(2025, 4, 5), tick=False):
        ws = saved_and_reopened(build_month_sheet(2025, 3), tmp_path)
    texts = [value for row in cells(ws) for value in row if isinstance(value, str)]
    assert "BẢNG KÊ NHUẬN BÚT THÁNG 03/2025" in texts
    assert "ỦY BAN NHÂN DÂN XÃ TÂN CƯƠNG" in texts
    assert "Mức lương cơ sở áp dụng: 2.340.000 đ (từ ngày 01/07/2024, Nghị định 73/2024/NĐ-CP)" in texts
    headings = row_starting_with(ws, 0, "STT")
    assert headings == [
        "STT",
        "Ngày đăng",
        "Tên tin bài",
        "Loại",
        "Tác giả",
        "Hệ số",
        "Mức lương cơ sở",
        "Thành tiền (đồng)",
    ]

    rows = entry_rows(ws)
    contributor, member = str(people["contributor"]), str(people["member"])
    assert [row[0] for row in rows] == [1, 2, 3, 4]
    # Grouped by author: each author's rows follow each other.
    authors = [row[4] for row in rows]
    assert authors == sorted(authors, key=authors.index) and len({*authors[:2]}) == 1
    assert sorted((row[2], row[3], row[4], row[7]) for row in rows) == sorted(
        [
            ("Hội chợ chè Tân Cương", "Tin", contributor, 234_000),
            ("Chè vào mùa", "Bài viết", contributor, 702_000),
            ("Hội chợ chè Tân Cương", "Ảnh", member, 117_000),
            ("Quyết định 12/QĐ-UBND", "Văn bản đăng tải", member, 46_800),
        ]
    )
    # Real dates and numbers, not text: the accountant adds them up again.
    first = next(row for row in rows if row[3] == "Tin")
    assert first[1] == datetime.datetime(2025, 3, 3)
    assert Decimal(str(first[5])) == Decimal("0.1")
    assert first[6] == 2_340_000

    assert row_starting_with(ws, 2, f"Cộng: {contributor}")[7] == 936_000
    assert row_starting_with(ws, 2, f"Cộng: {member}")[7] == 163_800
    assert row_starting_with(ws, 2, "TỔNG CỘNG")[7] == 1_099_800
    words = row_starting_with(ws, 0, "Bằng chữ")[0]
    assert words == "Bằng chữ: Một triệu không trăm chín mươi chín nghìn tám trăm đồng."
    assert "Ngày 05 tháng 04 năm 2025" in texts
    assert "NGƯỜI LẬP BIỂU" in texts and "TRƯỞNG BAN BIÊN TẬP" in texts


def test_cells_carry_vietnamese_number_and_date_formats(march, tmp_path):
    ws = saved_and_reopened(build_month_sheet(2025, 3), tmp_path)
    row = next(row for row in ws.iter_rows() if isinstance(row[0].value, int))
    assert row[1].number_format == "dd/mm/yyyy"
    assert row[5].number_format == "0.00"
    assert row[6].number_format == "#,##0" and row[7].number_format == "#,##0"


def test_a_month_without_entries_still_gives_a_valid_sheet(site_pages, tmp_path):
    ws = saved_and_reopened(build_month_sheet(2025, 2), tmp_path)
    texts = [value for row in cells(ws) for value in row if isinstance(value, str)]
    assert "BẢNG KÊ NHUẬN BÚT THÁNG 02/2025" in texts
    assert "Không có khoản nhuận bút nào trong tháng này." in texts
    assert entry_rows(ws) == []
    assert row_starting_with(ws, 2, "TỔNG CỘNG")[7] == 0
    assert row_starting_with(ws, 0, "Bằng chữ")[0] == "Bằng chữ: Không đồng."


def test_the_sheet_is_headed_by_the_agency_in_the_site_settings_and_only_reads_them(site_pages, tmp_path):
    assert not PortalSettings.objects.exists()
    ws = saved_and_reopened(build_month_sheet(2025, 2), tmp_path)
    assert ws["A1"].value == "ỦY BAN NHÂN DÂN XÃ TÂN CƯƠNG"  # the default, and no settings row created
    assert not PortalSettings.objects.exists()
    site = Site.objects.get(is_default_site=True)
    PortalSettings.objects.create(site=site, agency_name="Ủy ban nhân dân xã Phúc Xuân")
    ws = saved_and_reopened(build_month_sheet(2025, 2), tmp_path)
    assert ws["A1"].value == "ỦY BAN NHÂN DÂN XÃ PHÚC XUÂN"


def test_the_command_writes_the_same_sheet(march, tmp_path, capsys):
    path = tmp_path / "bang-ke-2025-03.xlsx"
    call_command("export_royalty_sheet", "--month", "2025-03", "--output", str(path))
    ws = load_workbook(path).active
    assert len(entry_rows(ws)) == 4
    assert row_starting_with(ws, 2, "TỔNG CỘNG")[7] == 1_099_800
    assert "4 khoản, tổng cộng 1.099.800 đ" in capsys.readouterr().out


@pytest.mark.parametrize("month", ["2025-13", "9999-12", "1999-12"])
def test_the_command_refuses_a_wrong_month(tmp_path, month):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="không phải là một tháng"):
        call_command("export_royalty_sheet", "--month", month, "--output", str(tmp_path / "x.xlsx"))
    assert not (tmp_path / "x.xlsx").exists()


def test_the_command_says_in_vietnamese_when_it_cannot_write(site_pages, tmp_path):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="Không ghi được tệp"):
        call_command("export_royalty_sheet", "--month", "2025-03", "--output", str(tmp_path / "no" / "x.xlsx"))
