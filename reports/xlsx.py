"""The periodic report as an Excel workbook (openpyxl), for the Party Committee and the accountant.

Names and titles are written by portal.spreadsheets.write_cell (text stays text, issue 16).
Numbers are real numeric cells (the reader's Excel shows them with its own separators),
percentages are ratios formatted "0.0%", dates are date cells shown dd/mm/yyyy.
"""

import io

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from portal.spreadsheets import write_cell

INTEGER = "#,##0"
PERCENT = "0.0%"
DATE = "dd/mm/yyyy"
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)


def _write_table(sheet, headings, rows, formats, start_row=1):
    """Bold headings, then rows; `formats` gives each column's number format (None for text)."""
    for column, heading in enumerate(headings, start=1):
        cell = write_cell(sheet.cell(row=start_row, column=column), str(heading))
        cell.font = BOLD
    for offset, row in enumerate(rows, start=1):
        for column, value in enumerate(row, start=1):
            cell = write_cell(sheet.cell(row=start_row + offset, column=column), value)
            number_format = formats[column - 1]
            if number_format and value is not None:
                cell.number_format = number_format
    return start_row + len(rows) + 1


def _set_widths(sheet, widths):
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width


def _sheet(workbook, title, headings, rows, formats, widths):
    sheet = workbook.create_sheet(title=str(title)[:31])
    _write_table(sheet, headings, rows, formats)
    _set_widths(sheet, widths)
    sheet.freeze_panes = "A2"
    return sheet


def _summary(workbook, report):
    sheet = workbook.active
    sheet.title = pgettext("portal", "Summary")
    write_cell(sheet["A1"], report.agency)
    sheet["A1"].font = BOLD
    sheet["A2"] = _("PERIODIC REPORT")
    sheet["A2"].font = TITLE
    sheet["A3"] = report.period.label
    sheet["A3"].font = BOLD
    sheet["A4"] = _("Period")
    sheet["B4"] = report.period.start
    sheet["C4"] = report.period.end
    sheet["A5"] = _("Made on")
    sheet["B5"] = report.made_on
    for cell in ("B4", "C4", "B5"):
        sheet[cell].number_format = DATE
    questions, total = report.questions, report.deadlines_total
    rows = [
        (_("Items published"), report.items_total, INTEGER),
        (_("Deadlines met"), total.met, INTEGER),
        (_("Deadlines missed"), total.missed, INTEGER),
        (_("Share of deadlines met"), total.on_time_rate, PERCENT),
        (_("Questions received"), questions.received, INTEGER),
        (_("Questions answered"), questions.answered, INTEGER),
        (_("Answered on time"), questions.answered_on_time, INTEGER),
        (_("Questions overdue"), questions.overdue, INTEGER),
        (_("Questions still open"), questions.still_open, INTEGER),
        (_("Working days"), report.days_without_update.working_days, INTEGER),
        (_("Working days without an update"), report.days_without_update.count, INTEGER),
        (_("Royalties (VND)"), report.royalties_total, INTEGER),
        (_("Royalties used this year (VND)"), report.budget.used, INTEGER),
        (_("Royalties budget of the year (VND)"), report.budget.budget, INTEGER),
        (_("Share of the budget used"), report.budget.share_used, PERCENT),
    ]
    _write_table(
        sheet,
        [_("Figure"), _("Value")],
        [(label, value) for label, value, _format in rows],
        [None, None],
        start_row=7,
    )
    for index, (_label, value, number_format) in enumerate(rows, start=8):
        if value is not None:
            sheet.cell(row=index, column=2).number_format = number_format
    _set_widths(sheet, [42, 18, 14])


def build_workbook(report):
    """The report's workbook: a summary sheet, then one sheet per section of the report."""
    workbook = Workbook()
    _summary(workbook, report)
    _sheet(
        workbook,
        _("By kind"),
        [_("Kind"), _("Items published")],
        [(str(row.label), row.count) for row in report.items_by_kind] + [(_("Total"), report.items_total)],
        [None, INTEGER],
        [34, 18],
    )
    kind_labels = [str(label) for label in report.item_kind_labels()]
    _sheet(
        workbook,
        _("By author"),
        [_("Author"), *kind_labels, _("Total")],
        [(row.name, *row.count_list(), row.total) for row in report.items_by_author],
        [None, *[INTEGER] * (len(kind_labels) + 1)],
        [28, *[14] * (len(kind_labels) + 1)],
    )
    total = report.deadlines_total
    _sheet(
        workbook,
        _("Deadlines"),
        [_("Kind"), _("Due in the period"), _("Met"), _("Missed"), _("Not yet due"), _("Share met")],
        [
            (str(row.label), row.due, row.met, row.missed, row.not_yet_due, row.on_time_rate)
            for row in [*report.deadline_rows]
        ]
        + [(_("Total"), total.due, total.met, total.missed, total.not_yet_due, total.on_time_rate)],
        [None, INTEGER, INTEGER, INTEGER, INTEGER, PERCENT],
        [30, 16, 10, 10, 14, 12],
    )
    questions = report.questions
    _sheet(
        workbook,
        _("Questions"),
        [_("Figure"), pgettext("portal", "Number")],
        [
            (_("Received"), questions.received),
            (_("Answered"), questions.answered),
            (_("Answered on time"), questions.answered_on_time),
            (_("Answered late"), questions.answered_late),
            (_("Closed without an answer after the due date"), questions.closed_late),
            (_("Open and overdue at the end of the period"), questions.open_overdue),
            (_("Overdue in total"), questions.overdue),
            (_("Still open at the end of the period"), questions.still_open),
        ],
        [None, INTEGER],
        [44, 12],
    )
    _sheet(
        workbook,
        _("Days without update"),
        [_("Date")],
        [(day,) for day in report.days_without_update.dates],
        [DATE],
        [14],
    )
    royalties = _sheet(
        workbook,
        _("Royalties"),
        [_("Kind"), _("Entries"), _("Amount (VND)")],
        [(str(row.label), row.count, row.amount) for row in report.royalties_by_kind]
        + [(_("Total"), report.royalties_count, report.royalties_total)],
        [None, INTEGER, INTEGER],
        [34, 12, 18],
    )
    next_row = royalties.max_row + 2
    _write_table(
        royalties,
        [_("Author"), _("Entries"), _("Amount (VND)")],
        [(row.name, row.count, row.amount) for row in report.royalties_by_author],
        [None, INTEGER, INTEGER],
        start_row=next_row,
    )
    _sheet(
        workbook,
        _("Contributors' records"),
        [
            _("Author"),
            *kind_labels,
            _("Total"),
            _("Deadlines met"),
            _("Deadlines missed"),
            _("Share met"),
            _("Royalties (VND)"),
        ],
        [
            (
                record.name,
                *record.count_list(),
                record.published,
                record.deadlines_met,
                record.deadlines_missed,
                record.on_time_rate,
                record.royalties,
            )
            for record in report.contributors
        ],
        [None, *[INTEGER] * (len(kind_labels) + 3), PERCENT, INTEGER],
        [28, *[14] * (len(kind_labels) + 3), 12, 18],
    )
    workbook.properties.title = f"{_('PERIODIC REPORT')} — {report.period.label}"
    workbook.properties.creator = settings.WAGTAIL_SITE_NAME
    return workbook


def workbook_bytes(workbook):
    """The workbook as the bytes of an .xlsx file."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
