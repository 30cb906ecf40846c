"""The XLSX and the PDF hold the same figures as the screen, from the admin and from export_report."""

import datetime
import io
import re

import openpyxl
import pytest
import time_machine
from django.core.management import CommandError, call_command
from pypdf import PdfReader
from wagtail.users.models import UserProfile

from tests.helpers import log_in
from tests.reports.conftest import HANOI

pytestmark = pytest.mark.django_db

URL = "/admin/reports/dinh-ky/"


@pytest.fixture
def after_the_quarter():
    with time_machine.travel(datetime.datetime(2025, 4, 15, 9, tzinfo=HANOI), tick=False):
        yield


def sheet_values(sheet):
    """{first cell of a row: the rest of the row} of a sheet."""
    return {row[0]: row[1:] for row in sheet.iter_rows(values_only=True) if row and row[0] is not None}


def assert_workbook_holds_the_quarter(content):
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    assert workbook.sheetnames == [
        "Tổng hợp",
        "Theo loại",
        "Theo tác giả",
        "Thời hạn",
        "Câu hỏi",
        "Ngày không cập nhật",
        "Nhuận bút",
        "Theo dõi tác giả",
    ]
    summary = workbook["Tổng hợp"]
    assert summary["A2"].value == "BÁO CÁO ĐỊNH KỲ"
    assert summary["A3"].value == "Quý I/2025"
    assert summary["B4"].value.date() == datetime.date(2025, 1, 1)
    assert summary["B4"].number_format == "dd/mm/yyyy"
    figures = sheet_values(summary)
    assert figures["Tin bài đã xuất bản"][0] == 8
    assert figures["Tỷ lệ xuất bản đúng hạn"][0] == pytest.approx(5 / 9)
    assert figures["Câu hỏi đã nhận"][0] == 5
    assert figures["Câu hỏi quá hạn"][0] == 2
    assert figures["Ngày làm việc không cập nhật thông tin"][0] == 50
    assert figures["Nhuận bút (đồng)"][0] == 1_989_000
    assert figures["Dự toán nhuận bút của năm (đồng)"][0] == 10_000_000
    assert summary["B19"].number_format == "#,##0"  # royalties of the quarter
    assert summary["A1"].font.bold is True

    by_kind = sheet_values(workbook["Theo loại"])
    assert by_kind["Tin"] == (2,) and by_kind["Trả lời công dân"] == (3,) and by_kind["Tổng cộng"] == (8,)
    assert workbook["Theo loại"]["A1"].font.bold is True
    assert workbook["Theo loại"].column_dimensions["A"].width == 34
    by_author = sheet_values(workbook["Theo tác giả"])
    assert by_author["Hoàng Dũng"] == (0, 0, 0, 0, 3, 3)
    assert by_author["Nguyễn An"] == (1, 1, 0, 0, 0, 2)
    deadlines = sheet_values(workbook["Thời hạn"])
    assert deadlines["Tổng cộng"][:4] == (9, 5, 4, 0)
    assert workbook["Thời hạn"]["F7"].number_format == "0.0%"
    questions = sheet_values(workbook["Câu hỏi"])
    assert questions["Đã trả lời"] == (3,) and questions["Trả lời đúng hạn"] == (2,)
    days = workbook["Ngày không cập nhật"]
    assert days.max_row == 51  # heading + 50 days
    assert days["A2"].value.date() == datetime.date(2025, 1, 2)
    assert days["A2"].number_format == "dd/mm/yyyy"
    royalties = sheet_values(workbook["Nhuận bút"])
    assert royalties["Tổng cộng"] == (8, 1_989_000)
    assert royalties["Nguyễn An"] == (2, 936_000)
    records = sheet_values(workbook["Theo dõi tác giả"])
    assert records["Hoàng Dũng"][5:] == (3, 2, 1, pytest.approx(2 / 3), 702_000)


def pdf_text(content):
    assert content.startswith(b"%PDF")
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def assert_pdf_holds_the_quarter(content):
    text = pdf_text(content)
    assert "BÁO CÁO ĐỊNH KỲ" in text
    assert "Quý I/2025" in text
    assert "15/04/2025" in text  # the date it was made
    assert "Ủy ban nhân dân xã Tân Cương" in text
    assert "1.989.000 đ" in text
    assert "936.000 đ" in text
    assert "55,6%" in text
    assert "Hoàng Dũng" in text
    assert "50 trên 58 ngày làm việc" in text


def test_xlsx_download_from_the_admin(client, quarter, after_the_quarter):
    log_in(client, quarter["head"])
    response = client.get(URL, {"period": "2025-Q1", "format": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert 'filename="bao-cao-2025-Q1.xlsx"' in response["Content-Disposition"]
    assert_workbook_holds_the_quarter(response.content)


def test_pdf_download_from_the_admin(client, quarter, after_the_quarter):
    log_in(client, quarter["party"])
    response = client.get(URL, {"period": "2025-Q1", "format": "pdf"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="bao-cao-2025-Q1.pdf"' in response["Content-Disposition"]
    assert_pdf_holds_the_quarter(response.content)


def test_downloads_are_vietnamese_for_a_head_who_reads_the_admin_in_english(client, quarter, after_the_quarter):
    profile = UserProfile.get_for_user(quarter["head"])
    profile.preferred_language = "en"
    profile.save()
    log_in(client, quarter["head"])
    assert "Periodic report" in client.get(URL, {"period": "2025-Q1"}).content.decode()  # her screen: English
    assert_workbook_holds_the_quarter(client.get(URL, {"period": "2025-Q1", "format": "xlsx"}).content)
    assert_pdf_holds_the_quarter(client.get(URL, {"period": "2025-Q1", "format": "pdf"}).content)


@pytest.mark.parametrize("export_format", ["xlsx", "pdf"])
def test_export_report_command(quarter, after_the_quarter, tmp_path, capsys, export_format):
    output = tmp_path / f"bao-cao.{export_format}"
    call_command("export_report", "--period", "2025-Q1", "--format", export_format, "--output", str(output))
    assert capsys.readouterr().out.strip() == str(output)
    if export_format == "xlsx":
        assert_workbook_holds_the_quarter(output.read_bytes())
    else:
        assert_pdf_holds_the_quarter(output.read_bytes())


def test_export_report_for_a_month_half_year_and_year(quarter, after_the_quarter, tmp_path):
    for period, label in (("2025-03", "Tháng 03/2025"), ("2025-H1", "6 tháng đầu năm 2025"), ("2024", "Năm 2024")):
        output = tmp_path / f"{period}.pdf"
        call_command("export_report", "--period", period, "--format", "pdf", "--output", str(output))
        assert label in pdf_text(output.read_bytes())


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--period", "2025-13", "--format", "xlsx"], "không phải là kỳ báo cáo"),
        (["--period", "2025-Q5", "--format", "pdf"], "không phải là kỳ báo cáo"),
        (["--period", "2025-Q3", "--format", "pdf"], "chưa bắt đầu"),
        (["--period", "2025-Q1", "--format", "docx"], "dùng xlsx hoặc pdf"),
    ],
)
def test_export_report_errors(site_pages, after_the_quarter, tmp_path, arguments, message):
    output = tmp_path / "out"
    with pytest.raises(CommandError, match=message):
        call_command("export_report", *arguments, "--output", str(output))
    assert not output.exists()


def test_export_report_refuses_a_folder_that_does_not_exist(site_pages, after_the_quarter, tmp_path):
    with pytest.raises(CommandError, match="Không ghi được tệp"):
        call_command(
            "export_report", "--period", "2025-Q1", "--format", "pdf", "--output", str(tmp_path / "no" / "x.pdf")
        )


# The bars are filled with the screen's teal; reportlab writes the colour before each bar.
PDF_BAR = re.compile(rb"0 \.490196 \.494118 rg\s[^Q]*?\bre f")


def test_the_pdf_draws_the_screens_charts(quarter, after_the_quarter, tmp_path):
    output = tmp_path / "q1.pdf"
    call_command("export_report", "--period", "2025-Q1", "--format", "pdf", "--output", str(output))
    pages = PdfReader(io.BytesIO(output.read_bytes())).pages
    drawn = b"".join(page.get_contents().get_data() for page in pages)
    # 5 kinds published, 4 authors, 3 deadline kinds with a deadline met or missed, and
    # royalties in 5 of the 6 kinds (no photo: a bar of 0 đ is not drawn).
    assert len(PDF_BAR.findall(drawn)) == 5 + 4 + 3 + 5
    text = pdf_text(output.read_bytes())
    assert "Tỷ lệ xuất bản đúng hạn" in text and "Nhuận bút theo loại" in text
    assert "100,0%" in text  # the documents' bar: 1 of 1 on time


def test_every_page_of_the_pdf_is_numbered(quarter, after_the_quarter, tmp_path):
    output = tmp_path / "nam.pdf"
    call_command("export_report", "--period", "2025", "--format", "pdf", "--output", str(output))
    pages = PdfReader(io.BytesIO(output.read_bytes())).pages
    assert len(pages) >= 2
    assert all(f"Trang {number}" in page.extract_text() for number, page in enumerate(pages, start=1))


def test_the_agency_named_in_the_site_settings_heads_the_pdf(quarter, after_the_quarter, tmp_path, site_pages):
    from wagtail.models import Site

    from portal.models import PortalSettings

    settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    settings.agency_name = "Ủy ban nhân dân xã Tân Cương, thành phố Thái Nguyên"
    settings.save()
    output = tmp_path / "q1.pdf"
    call_command("export_report", "--period", "2025-Q1", "--format", "pdf", "--output", str(output))
    assert "thành phố Thái Nguyên" in pdf_text(output.read_bytes())


def test_the_budget_share_is_rounded_down_everywhere(client, quarter, after_the_quarter):
    """1.989.000 đ of 2.486.300 đ is 79,998%: the report says 79,9%, not a reached 80%."""
    from royalties.models import RoyaltyBudget

    RoyaltyBudget.objects.filter(year=2025).update(amount=2_486_300)
    log_in(client, quarter["head"])
    screen = client.get(URL, {"period": "2025-Q1"}).content.decode()
    assert "(79,9%)" in screen and "80,0%" not in screen
    assert "(79,9%)" in pdf_text(client.get(URL, {"period": "2025-Q1", "format": "pdf"}).content)
    workbook = openpyxl.load_workbook(io.BytesIO(client.get(URL, {"period": "2025-Q1", "format": "xlsx"}).content))
    assert sheet_values(workbook["Tổng hợp"])["Tỷ lệ dự toán đã dùng"][0] == pytest.approx(0.799)
