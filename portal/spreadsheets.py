"""Safe cells for every export (XLSX, CSV, PDF): people's text stays text (issue 16, item 4).

Titles, names and questions are typed by residents and contributors. Written as they are, one
control character makes openpyxl refuse the whole workbook (XML has no place for it) and a title
starting with "=" becomes a live formula (`=HYPERLINK(...)`) in the accountant's Excel.

- XLSX: `write_cell()` removes characters XML refuses, then writes text that starts like a
  formula (= + - @, tab, carriage return) as a *string* cell with Excel's "quote prefix" style.
  The cell keeps the literal text (nothing is added to it); Excel and LibreOffice show it as it
  was typed and neither evaluates a string cell; the quote prefix also keeps Excel from turning it
  into a formula when someone edits the cell and presses Enter. Numbers and dates the project
  writes itself are left as they are.
- CSV starts with a UTF-8 byte-order mark, or Excel shows the Vietnamese garbled.
- CSV has no cell types: a reader guesses from the text, so a formula-looking value gets a
  leading apostrophe (OWASP's advice), which Excel and LibreOffice show as text.
- PDF: `pdf_text()` removes the same control characters before reportlab draws the text.
"""

import re

from django.utils.functional import Promise
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from portal.text import CONTROL_CHARACTERS

# What XML 1.0 refuses besides those control characters: lone surrogates and two non-characters.
_NOT_XML = re.compile(r"[\ud800-\udfff\ufffe\uffff]")
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CSV_BYTE_ORDER_MARK = "\ufeff"
# A cell holds at most 32,767 characters in Excel; longer text is cut there rather than refused.
MAX_CELL_LENGTH = 32_767


def clean_text(value):
    """`value` as text without the characters an XML file (hence an XLSX cell) cannot hold."""
    return _NOT_XML.sub("", CONTROL_CHARACTERS.sub("", str(value)))


def looks_like_formula(text):
    return isinstance(text, str) and text.startswith(FORMULA_PREFIXES)


def safe_cell(value):
    """The value to put in a spreadsheet cell: text is cleaned, anything else is kept as it is."""
    if isinstance(value, (str, Promise)):
        return clean_text(value)[:MAX_CELL_LENGTH]
    return value


def write_cell(cell, value):
    """Put `value` in an openpyxl cell (normal or write-only) so that text always reads as typed."""
    value = safe_cell(value)
    cell.value = value
    if isinstance(value, str) and (cell.data_type == "f" or looks_like_formula(value)):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def safe_csv_value(value):
    """A CSV field: cleaned text, with an apostrophe in front of anything a reader would take for a formula."""
    value = safe_cell(value)
    if looks_like_formula(value):
        return "'" + value
    return value


def pdf_text(value):
    """Text for reportlab, without control characters (escape it too before a Paragraph)."""
    return clean_text(value)


def harden_wagtail_exports():
    """Make every CSV/XLSX export of the admin (Wagtail's SpreadsheetExportMixin) use the safe cells.

    That covers our deadlines report and Wagtail's own reports (site history, aging pages,
    workflows…), which list page titles that may come from a resident's question. Wagtail turns a
    formula back into a string but neither cleans control characters (openpyxl then refuses the
    workbook: a 500) nor guards CSV. Called once from PortalConfig.ready().
    """
    if getattr(SpreadsheetExportMixin, "_portal_safe_cells", False):
        return
    preprocess = SpreadsheetExportMixin.preprocess_field_value
    generate_xlsx_row = SpreadsheetExportMixin.generate_xlsx_row
    get_heading = SpreadsheetExportMixin.get_heading
    stream_csv = SpreadsheetExportMixin.stream_csv

    def safe_preprocess_field_value(self, field, value, export_format):
        value = preprocess(self, field, value, export_format)
        return safe_csv_value(value) if export_format == self.FORMAT_CSV else safe_cell(value)

    def safe_generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell in generate_xlsx_row(self, worksheet, row_dict, date_format=date_format):
            yield write_cell(cell, cell.value)

    def safe_get_heading(self, queryset, field):
        return safe_cell(get_heading(self, queryset, field))

    def stream_csv_with_bom(self, queryset):
        # Excel reads a CSV without a byte-order mark in the machine's legacy code page (Windows-1258
        # on a Vietnamese Windows): "Tiêu đề" opens as "TiÃªu Ä‘á»". The BOM tells it UTF-8;
        # LibreOffice and Python's "utf-8-sig" skip it.
        yield CSV_BYTE_ORDER_MARK
        yield from stream_csv(self, queryset)

    SpreadsheetExportMixin.preprocess_field_value = safe_preprocess_field_value
    SpreadsheetExportMixin.stream_csv = stream_csv_with_bom
    SpreadsheetExportMixin.generate_xlsx_row = safe_generate_xlsx_row
    SpreadsheetExportMixin.get_heading = safe_get_heading
    SpreadsheetExportMixin._portal_safe_cells = True
