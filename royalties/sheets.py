"""The monthly royalty sheet ("bảng kê nhuận bút"): on screen and as the XLSX the accountant files.

One row per entry, grouped by author with a subtotal each, the grand total, the total in words
and the signature block, as a commune's accounting office expects it (Điều 9).
"""

import calendar
import datetime
from dataclasses import dataclass, field
from itertools import groupby

from django.conf import settings
from django.utils import dateformat, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from portal.dates import local_date, local_today
from portal.models import PortalSettings
from portal.numbers import format_money
from portal.spreadsheets import write_cell
from royalties.models import BaseSalary, RoyaltyEntry
from royalties.words import vietnamese_words

MONEY_FORMAT = "#,##0"
COEFFICIENT_FORMAT = "0.00"
DATE_FORMAT = "dd/mm/yyyy"
# Width of each column, in characters: STT, date, title, kind, author, coefficient, base, amount.
COLUMN_WIDTHS = (6, 12, 48, 22, 24, 9, 16, 16)


@dataclass
class AuthorGroup:
    """One author's entries of the month and what they are owed."""

    author: object
    entries: list = field(default_factory=list)

    @property
    def total(self):
        return sum(entry.amount for entry in self.entries)


@dataclass
class MonthSheet:
    """What the sheet of one month lists: entries by author, totals and the base amounts applied."""

    year: int
    month: int
    groups: list

    @property
    def label(self):
        """The month as the sheet names it: "03/2025"."""
        return f"{self.month:02d}/{self.year}"

    @property
    def entries(self):
        return [entry for group in self.groups for entry in group.entries]

    @property
    def total(self):
        return sum(group.total for group in self.groups)

    @property
    def base_amounts(self):
        """The distinct base amounts the month's entries were priced with, smallest first."""
        return sorted({entry.base_amount for entry in self.entries})

    def base_amount_lines(self):
        """ "2.340.000 đ (from 01/07/2024, Nghị định 73/2024/NĐ-CP)" for each base amount applied."""
        last_day = datetime.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        lines = []
        for amount in self.base_amounts:
            source = BaseSalary.objects.filter(amount=amount, effective_from__lte=last_day).first()
            if source is None:
                lines.append(format_money(amount))
                continue
            since = _("from %(date)s") % {"date": dateformat.format(source.effective_from, "d/m/Y")}
            details = ", ".join(filter(None, [since, source.legal_basis]))
            lines.append(f"{format_money(amount)} ({details})")
        return lines


def author_name(user):
    return str(user)


def month_sheet(year, month):
    """The entries first published in `month` of `year` (local dates), grouped by author."""
    first = datetime.date(year, month, 1)
    last = datetime.date(year, month, calendar.monthrange(year, month)[1])
    entries = sorted(
        RoyaltyEntry.objects.published_between(first, last).select_related("author"),
        key=lambda entry: (author_name(entry.author).casefold(), entry.author_id, entry.published_at, entry.pk),
    )
    for number, entry in enumerate(entries, start=1):
        entry.number = number  # "STT", the row number the accountant refers to
    groups = [AuthorGroup(author, list(items)) for author, items in groupby(entries, key=lambda entry: entry.author)]
    return MonthSheet(year=year, month=month, groups=groups)


def amount_in_words(amount):
    """ "Hai trăm ba mươi tư nghìn đồng": the total as written on a Vietnamese payment document."""
    words = vietnamese_words(amount)
    return _("%(words)s đồng") % {"words": words[:1].upper() + words[1:]}


class _SheetWriter:
    """Writes a MonthSheet row by row into an openpyxl worksheet."""

    bold = Font(name="Times New Roman", bold=True, size=12)
    normal = Font(name="Times New Roman", size=12)
    italic = Font(name="Times New Roman", italic=True, size=12)
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)

    def __init__(self, worksheet):
        self.ws = worksheet
        self.row = 1

    def put(self, row, text, font=None, center=True, columns=(1, 8)):
        """Text in `row`, merged across `columns`."""
        first, last = columns
        cell = write_cell(self.ws.cell(row=row, column=first), text)
        cell.font = font or self.normal
        cell.alignment = Alignment(horizontal="center" if center else "left", wrap_text=True)
        if last > first:
            self.ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)

    def line(self, text, font=None, center=True, columns=(1, 8)):
        """A line of text spanning `columns`, then move to the next row."""
        self.put(self.row, text, font, center, columns)
        self.row += 1

    def table_row(self, values, font=None, formats=None):
        formats = formats or {}
        for column, value in enumerate(values, start=1):
            # Titles and names are people's text: never a formula, never a control character.
            cell = write_cell(self.ws.cell(row=self.row, column=column), value)
            cell.font = font or self.normal
            cell.border = self.box
            if column in formats:
                cell.number_format = formats[column]
            if column == 3:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        self.row += 1


def build_month_sheet(year, month):
    """The royalty sheet of `month` of `year` as an openpyxl Workbook, in Vietnamese.

    Amounts and coefficients are numeric cells ("#,##0", "0.00") and dates are date cells
    ("dd/mm/yyyy"), so the accountant can add them up again in a spreadsheet.
    """
    return month_workbook(month_sheet(year, month))


def month_workbook(sheet):
    """The workbook of a MonthSheet already read (the command also prints its total)."""
    with translation.override(settings.LANGUAGE_CODE):
        return _build(sheet)


def _build(sheet):
    workbook = Workbook()
    ws = workbook.active
    ws.title = sheet.label.replace("/", "-")
    for column, width in enumerate(COLUMN_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width
    writer = _SheetWriter(ws)

    writer.line(PortalSettings.agency_of_default_site().upper(), writer.bold, center=False, columns=(1, 4))
    writer.line(_("EDITORIAL BOARD OF THE E-INFORMATION PORTAL"), writer.bold, center=False, columns=(1, 4))
    writer.row += 1
    writer.line(
        _("ROYALTY SHEET FOR %(month)s") % {"month": sheet.label}, Font(name="Times New Roman", bold=True, size=14)
    )
    for line in sheet.base_amount_lines():
        writer.line(_("Base amount applied: %(amount)s") % {"amount": line}, writer.italic)
    writer.row += 1

    headings = [
        _("No."),
        _("Date published"),
        _("Title of the item"),
        _("Kind"),
        _("Author"),
        _("Coefficient"),
        _("Base amount"),
        _("Amount (đồng)"),
    ]
    writer.table_row(headings, writer.bold)
    ws.freeze_panes = ws.cell(row=writer.row, column=1)

    if not sheet.groups:
        writer.line(_("No royalties for this month."), writer.italic)
    entry_formats = {2: DATE_FORMAT, 6: COEFFICIENT_FORMAT, 7: MONEY_FORMAT, 8: MONEY_FORMAT}
    for group in sheet.groups:
        for entry in group.entries:
            writer.table_row(
                [
                    entry.number,
                    local_date(entry.published_at),
                    entry.item_title,
                    entry.get_kind_display(),
                    author_name(entry.author),
                    entry.coefficient,
                    entry.base_amount,
                    entry.amount,
                ],
                formats=entry_formats,
            )
        writer.table_row(
            ["", "", _("Subtotal: %(author)s") % {"author": author_name(group.author)}, "", "", "", "", group.total],
            writer.bold,
            {8: MONEY_FORMAT},
        )
    writer.table_row(["", "", _("GRAND TOTAL"), "", "", "", "", sheet.total], writer.bold, {8: MONEY_FORMAT})
    writer.row += 1
    writer.line(_("In words: %(words)s.") % {"words": amount_in_words(sheet.total)}, writer.italic, center=False)
    writer.row += 1

    # The signature block: the place and date over the head's column, as on any commune document.
    today = local_today()
    dated = _("Day %(day)s month %(month)s year %(year)s") % {
        "day": f"{today.day:02d}",
        "month": f"{today.month:02d}",
        "year": today.year,
    }
    writer.line(dated, writer.italic, columns=(5, 8))
    for columns, title in (((1, 3), _("PREPARED BY")), ((5, 8), _("HEAD OF THE EDITORIAL BOARD"))):
        writer.put(writer.row, title, writer.bold, columns=columns)
        writer.put(writer.row + 1, _("(Signature and full name)"), writer.italic, columns=columns)
    return workbook


def parse_month(value):
    """(year, month) from "2025-03"; ValueError when it is not a month.

    Years before 2000 (no portal then) and the last year a date can hold (the sheet reads the
    day after the month) are refused rather than failing later.
    """
    year, _sep, month = (value or "").partition("-")
    if not (len(year) == 4 and year.isdigit() and month.isdigit() and 1 <= int(month) <= 12):
        raise ValueError(value)
    if not 2000 <= int(year) < datetime.MAXYEAR:
        raise ValueError(value)
    return int(year), int(month)


def sheet_filename(year, month):
    """ "bang-ke-nhuan-but-2025-03.xlsx"."""
    return f"bang-ke-nhuan-but-{year}-{month:02d}.xlsx"
