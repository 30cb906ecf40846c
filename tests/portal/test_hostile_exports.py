"""Exports stay readable and inert whatever people typed (issue 16, item 4).

One resident's question with a control character made the deadlines XLSX (and, once answered,
the royalty sheet) answer 500, and a title starting with "=" became a live formula. Every
download below is reopened with openpyxl (or pypdf): people's text reads back as the literal
text in a string cell, cleaned of control characters; the project's numbers and dates stay
numbers and dates.
"""

import csv
import datetime
import io

import openpyxl
import pytest
import time_machine
from django.urls import reverse
from pypdf import PdfReader

from accounts.policy import GROUP_CONTRIBUTOR, GROUP_HEAD, GROUP_MEMBER, GROUP_OFFICIAL
from demo.factories.accounts import UserFactory
from demo.factories.pages import NewsPageFactory, QuestionFactory
from portal.spreadsheets import safe_csv_value, write_cell
from qa import services as qa_services
from tests.content_helpers import publish
from tests.helpers import log_in
from tests.royalties.conftest import HANOI

pytestmark = pytest.mark.django_db

FORMULAS = ['=HYPERLINK("http://evil","x")', "+1+2", "-2", "@SUM(A1)", "\tTab đầu dòng"]
# (as typed, as it must read back): control characters are removed, nothing else changes.
HOSTILE_TITLES = [(title, title) for title in FORMULAS] + [
    ("Trà\x07 xanh", "Trà xanh"),
    ("\x1b[31mĐồi chè", "[31mĐồi chè"),
    ('=HYPERLINK("http://evil","\x07y")', '=HYPERLINK("http://evil","y")'),
]
# NUL cannot reach a title (PostgreSQL refuses it, SQLite cuts the text there): it is tested on
# the helpers below.


def moment(day, hour=9):
    return datetime.datetime(2025, 3, day, hour, tzinfo=HANOI)


@pytest.fixture
def hostile(site_pages):
    """Questions titled like attacks, and a contributor whose name is one, with news paid in March 2025."""
    people = {
        "head": UserFactory(groups=[GROUP_HEAD]),
        "member": UserFactory(groups=[GROUP_MEMBER]),
        "official": UserFactory(groups=[GROUP_OFFICIAL]),
        "contributor": UserFactory(
            first_name='=HYPERLINK("http://evil","x")',
            last_name="Lan\x07",
            groups=[GROUP_CONTRIBUTOR],
        ),
    }
    with time_machine.travel(moment(3), tick=False):
        for title, _expected in HOSTILE_TITLES:
            QuestionFactory(title=title)
    for day, (title, _expected) in enumerate(HOSTILE_TITLES, start=4):
        page = NewsPageFactory(
            parent=site_pages["news_index"],
            owner=people["contributor"],
            author=people["contributor"],
            live=False,
            title=title,
            event_date=datetime.date(2025, 3, day),
        )
        with time_machine.travel(moment(day), tick=False):
            publish(page)
    # A question answered with consent: its page (and royalty entry) carries the resident's title.
    with time_machine.travel(moment(3), tick=False):
        question = qa_services.submit_question(
            {
                    "name": "Nguyễn Văn An",
                    "email": "an@example.vn",
                    "title": "@SUM(A1)\x1b",
                    "body": "Xin hỏi …",
                    # Published with the resident's consent, so the answer page carries their title.
                    "consent_to_publish": True,
                }
        )
        qa_services.assign_question(question, people["official"], by=people["member"])
        page = qa_services.draft_answer(question, by=people["official"])
    page.answer = "<p>Ủy ban nhân dân xã trả lời như sau.</p>"
    page.save_revision(user=people["official"])
    with time_machine.travel(moment(12), tick=False):
        publish(page)
    return people


def text_cells(sheet):
    return [cell for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]


def assert_people_text_is_literal(sheet, expected_texts):
    cells = {cell.value: cell for cell in text_cells(sheet)}
    for text in expected_texts:
        assert text in cells, text
        assert cells[text].data_type == "s", text
    for cell in text_cells(sheet):
        assert not any(ord(char) < 32 and char not in "\t\r\n" for char in cell.value), cell.value
        if cell.value.startswith(("=", "+", "-", "@", "\t")):
            assert cell.quotePrefix, cell.value


def test_the_deadlines_report_downloads_with_literal_titles(client, hostile):
    log_in(client, hostile["head"])
    url = reverse("workflows_deadlines:index")
    with time_machine.travel(moment(20), tick=False):
        xlsx = client.get(url, {"export": "xlsx"})
        csv_response = client.get(url, {"export": "csv"})
    assert xlsx.status_code == 200 and csv_response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.getvalue())).active
    assert_people_text_is_literal(sheet, [expected for _title, expected in HOSTILE_TITLES])
    # The dates the project writes stay dates.
    assert sheet.cell(row=2, column=4).is_date  # list_export: kind, title, start, due…

    rows = list(csv.reader(io.StringIO(b"".join(csv_response.streaming_content).decode())))
    titles = {row[1] for row in rows[1:]}
    assert '\'=HYPERLINK("http://evil","x")' in titles
    assert "'+1+2" in titles and "'-2" in titles and "'@SUM(A1)" in titles and "'\tTab đầu dòng" in titles
    assert "Trà xanh" in titles
    assert not any(char in "".join(titles) for char in "\x00\x07\x1b")


def test_csv_exports_open_in_excel_as_utf_8(client, hostile):
    """Excel guesses the legacy code page for a CSV without a byte-order mark: Vietnamese garbled."""
    log_in(client, hostile["head"])
    with time_machine.travel(moment(20), tick=False):
        ours = client.get(reverse("workflows_deadlines:index"), {"export": "csv"})
        wagtails = client.get(reverse("wagtailadmin_reports:site_history"), {"export": "csv"})
    headers = []
    for download in (ours, wagtails):
        assert download.status_code == 200
        raw = b"".join(download.streaming_content)
        # One mark, at the very start.
        assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\xef\xbb\xbf") == 1
        headers.append(next(csv.reader(io.StringIO(raw.decode("utf-8-sig")))))
    assert "Tiêu đề" in headers[0]
    assert all(not header[0].startswith("\ufeff") for header in headers)


def test_the_royalty_sheet_downloads_with_literal_titles_and_names(client, hostile):
    log_in(client, hostile["member"])
    response = client.get(reverse("royalties_month_sheet"), {"month": "2025-03", "format": "xlsx"})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert_people_text_is_literal(sheet, [expected for _title, expected in HOSTILE_TITLES] + ["@SUM(A1)"])
    names = [cell.value for cell in text_cells(sheet) if "HYPERLINK" in cell.value and "Lan" in cell.value]
    assert names, "the contributor's name is in the sheet"
    amounts = [row[7] for row in sheet.iter_rows(values_only=True) if isinstance(row[0], int)]
    assert amounts and all(isinstance(amount, (int, float)) for amount in amounts)
    dates = [row[1] for row in sheet.iter_rows(values_only=True) if isinstance(row[0], int)]
    assert all(isinstance(day, datetime.datetime) for day in dates)


@pytest.mark.parametrize("export_format", ["xlsx", "pdf"])
def test_the_periodic_report_downloads_with_literal_names(client, hostile, export_format):
    log_in(client, hostile["head"])
    with time_machine.travel(datetime.datetime(2025, 4, 15, 9, tzinfo=HANOI), tick=False):
        response = client.get("/admin/reports/dinh-ky/", {"period": "2025-Q1", "format": export_format})
    assert response.status_code == 200
    if export_format == "pdf":
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
        assert "HYPERLINK" in text and "Lan" in text
        assert "\x07" not in text
        return
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    for sheet in workbook.worksheets:
        assert_people_text_is_literal(sheet, [])
    names = [cell for cell in text_cells(workbook["Theo tác giả"]) if "HYPERLINK" in cell.value]
    assert names and all(cell.data_type == "s" for cell in names)
    assert all(isinstance(row[-1], int) for row in workbook["Theo tác giả"].iter_rows(min_row=2, values_only=True))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("\x00a\x07b\x1bc", "abc"),
        ('=HYPERLINK("http://evil","x")', '=HYPERLINK("http://evil","x")'),
        ("-2", "-2"),
        (12, 12),
        (datetime.date(2025, 3, 10), datetime.date(2025, 3, 10)),
    ],
)
def test_write_cell_keeps_text_literal_and_numbers_numeric(value, expected):
    sheet = openpyxl.Workbook().active
    cell = write_cell(sheet["A1"], value)
    assert cell.value == expected or cell.value.date() == expected
    kind = "s" if isinstance(expected, str) else "d" if isinstance(expected, datetime.date) else "n"
    assert cell.data_type == kind


def test_csv_values_that_look_like_formulas_get_an_apostrophe():
    assert safe_csv_value("=1+2") == "'=1+2"
    assert safe_csv_value("\rx") == "'\rx"
    assert safe_csv_value("a\x00b") == "ab"
    assert safe_csv_value("Trà") == "Trà"
    assert safe_csv_value(5) == 5
