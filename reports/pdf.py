"""The periodic report as an A4 PDF (reportlab), printed for the Party Committee.

Vietnamese needs a font with its diacritics: the vendored DejaVu Sans (portal/fonts), embedded
in the file, so the PDF reads the same on any computer. Numbers are written the Vietnamese way.
"""

import io
from pathlib import Path
from xml.sax.saxutils import escape

from django.conf import settings
from django.utils import dateformat
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from reportlab.graphics.shapes import Drawing, Group, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from portal.numbers import format_money, format_number, format_percent
from portal.spreadsheets import pdf_text
from reports.charts import report_charts

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONTS_DIR = Path(settings.BASE_DIR) / "portal" / "fonts"

_fonts_registered = False


def register_fonts():
    """Register DejaVu Sans with reportlab once per process."""
    global _fonts_registered  # noqa: PLW0603 — reportlab's font registry is itself process-wide.
    if not _fonts_registered:
        pdfmetrics.registerFont(TTFont(FONT, FONTS_DIR / "DejaVuSans.ttf"))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, FONTS_DIR / "DejaVuSans-Bold.ttf"))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD)
        _fonts_registered = True


STYLES = {
    "agency": ParagraphStyle("agency", fontName=FONT_BOLD, fontSize=10, leading=13),
    "title": ParagraphStyle("title", fontName=FONT_BOLD, fontSize=16, leading=20, alignment=1, spaceBefore=8),
    "period": ParagraphStyle("period", fontName=FONT_BOLD, fontSize=12, leading=16, alignment=1),
    "made_on": ParagraphStyle("made_on", fontName=FONT, fontSize=9, leading=12, alignment=1, spaceAfter=6),
    "heading": ParagraphStyle("heading", fontName=FONT_BOLD, fontSize=11, leading=14, spaceBefore=10, spaceAfter=4),
    "body": ParagraphStyle("body", fontName=FONT, fontSize=9, leading=12),
    "cell": ParagraphStyle("cell", fontName=FONT, fontSize=8, leading=10),
    "caption": ParagraphStyle("caption", fontName=FONT_BOLD, fontSize=8, leading=10, spaceAfter=2),
}


def _markup(value):
    """People's text (names, titles) for a Paragraph: no control characters, markup escaped."""
    return escape(pdf_text(value))


def format_date(day):
    return dateformat.format(day, "d/m/Y")


def _table(headings, rows, numeric_from=1):
    """A table with a bold header row; columns from `numeric_from` on are right-aligned."""
    cell = STYLES["cell"]
    # Paragraph reads a little markup: names and titles are escaped.
    data = [[Paragraph(f"<b>{_markup(heading)}</b>", cell) for heading in headings]]
    data += [
        [Paragraph(_markup(value), cell) if index < numeric_from else str(value) for index, value in enumerate(row)]
        for row in rows
    ]
    table = Table(data, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 8),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6f2f2")),
                ("ALIGN", (numeric_from, 1), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


# The screen's chart colour (the admin's teal), so the printed bars match what the board saw.
BAR_COLOUR = colors.HexColor("#007d7e")
# Width the charts may take on the page: A4 less the margins, a little to spare.
CHART_WIDTH = 170 * mm
CHART_FONT_SIZE = 13


def _chart(chart, caption=True):
    """A bar chart of `reports.charts` drawn with reportlab, scaled to the page's width.

    `caption=False` where the section's heading already says what the chart shows.
    The geometry is the screen's (SVG, y downwards); reportlab counts y upwards from the foot.
    """
    scale = min(1, CHART_WIDTH / chart.width)
    bars = Group()
    for bar in chart.bars:
        text_y = chart.height - bar.text_y
        bars.add(
            String(
                chart.label_x, text_y, pdf_text(bar.label), fontName=FONT, fontSize=CHART_FONT_SIZE, textAnchor="end"
            )
        )
        if bar.width:
            top = chart.height - bar.y - chart.bar_height
            bars.add(Rect(chart.bar_x, top, bar.width, chart.bar_height, fillColor=BAR_COLOUR, strokeColor=None))
        bars.add(String(bar.value_x, text_y, bar.text, fontName=FONT, fontSize=CHART_FONT_SIZE))
    bars.scale(scale, scale)
    drawing = Drawing(chart.width * scale, chart.height * scale)
    drawing.add(bars)
    drawing.hAlign = "LEFT"
    heading = [Paragraph(_markup(chart.title), STYLES["caption"])] if caption else []
    return [*heading, drawing, Spacer(1, 3 * mm)]


def deadline_cells(label, row):
    numbers = (row.due, row.met, row.missed, row.not_yet_due)
    return (label, *map(format_number, numbers), format_percent(row.on_time_rate))


def _header(report):
    return [
        Paragraph(_markup(report.agency), STYLES["agency"]),
        Paragraph(_("PERIODIC REPORT"), STYLES["title"]),
        Paragraph(report.period.label, STYLES["period"]),
        Paragraph(
            _("From %(start)s to %(end)s — made on %(made)s")
            % {
                "start": format_date(report.period.start),
                "end": format_date(report.period.end),
                "made": format_date(report.made_on),
            },
            STYLES["made_on"],
        ),
    ]


def _section(title, *flowables):
    return [Paragraph(title, STYLES["heading"]), *flowables]


def _story(report):
    kind_labels = [str(label) for label in report.item_kind_labels()]
    total, questions, budget = report.deadlines_total, report.questions, report.budget
    gaps = report.days_without_update
    charts = report_charts(report)
    story = _header(report)
    story += _section(
        _("1. Items published by kind"),
        *_chart(charts["items"], caption=False),
        _table(
            [_("Kind"), _("Items published")],
            [(row.label, format_number(row.count)) for row in report.items_by_kind]
            + [(_("Total"), format_number(report.items_total))],
        ),
    )
    story += _section(
        _("2. Items published by author"),
        *(_chart(charts["authors"], caption=False) if report.items_by_author else []),
        _table(
            [_("Author"), *kind_labels, _("Total")],
            [
                (row.name, *map(format_number, row.count_list()), format_number(row.total))
                for row in report.items_by_author
            ],
        ),
    )
    story += _section(
        _("3. Deadlines"),
        *(_chart(charts["deadlines"]) if charts["deadlines"].bars else []),
        _table(
            [_("Kind"), _("Due in the period"), _("Met"), _("Missed"), _("Not yet due"), _("Share met")],
            [deadline_cells(row.label, row) for row in report.deadline_rows] + [deadline_cells(_("Total"), total)],
        ),
    )
    story += _section(
        _("4. Residents' questions"),
        _table(
            [_("Figure"), pgettext("portal", "Number")],
            [
                (_("Received"), format_number(questions.received)),
                (_("Answered"), format_number(questions.answered)),
                (_("Answered on time"), format_number(questions.answered_on_time)),
                (_("Answered late"), format_number(questions.answered_late)),
                (_("Closed without an answer after the due date"), format_number(questions.closed_late)),
                (_("Open and overdue at the end of the period"), format_number(questions.open_overdue)),
                (_("Overdue in total"), format_number(questions.overdue)),
                (_("Still open at the end of the period"), format_number(questions.still_open)),
            ],
        ),
    )
    dates = ", ".join(format_date(day) for day in gaps.dates) or _("None.")
    story += _section(
        _("5. Working days without an update"),
        Paragraph(
            _("%(count)s of %(total)s working days: %(dates)s")
            % {"count": format_number(gaps.count), "total": format_number(gaps.working_days), "dates": dates},
            STYLES["body"],
        ),
    )
    story += _section(
        _("6. Royalties"),
        *_chart(charts["royalties"]),
        _table(
            [_("Kind"), _("Entries"), _("Amount")],
            [(row.label, format_number(row.count), format_money(row.amount)) for row in report.royalties_by_kind]
            + [(_("Total"), format_number(report.royalties_count), format_money(report.royalties_total))],
        ),
        Spacer(1, 3 * mm),
        _table(
            [_("Author"), _("Entries"), _("Amount")],
            [(row.name, format_number(row.count), format_money(row.amount)) for row in report.royalties_by_author],
        ),
        Spacer(1, 3 * mm),
        Paragraph(
            _("Budget of %(year)s: %(used)s used of %(budget)s (%(percent)s).")
            % {
                "year": budget.year,
                "used": format_money(budget.used),
                "budget": format_money(budget.budget) if budget.budget else "—",
                "percent": format_percent(budget.share_used),
            },
            STYLES["body"],
        ),
    )
    story += _section(
        _("7. Contributors' records"),
        _table(
            [
                _("Author"),
                _("Items published"),
                _("Deadlines met"),
                _("Deadlines missed"),
                _("Share met"),
                _("Royalties"),
            ],
            [
                (
                    record.name,
                    format_number(record.published),
                    format_number(record.deadlines_met),
                    format_number(record.deadlines_missed),
                    format_percent(record.on_time_rate),
                    format_money(record.royalties),
                )
                for record in report.contributors
            ],
        ),
    )
    return story


def _footer(canvas, document):
    """The page number at the foot of every page: the printed report is stapled and passed round."""
    canvas.saveState()
    canvas.setFont(FONT, 8)
    canvas.drawRightString(A4[0] - 18 * mm, 8 * mm, _("Page %(number)s") % {"number": document.page})
    canvas.restoreState()


def build_pdf(report):
    """The report as the bytes of an A4 PDF."""
    register_fonts()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=f"{_('PERIODIC REPORT')} — {report.period.label}",
        author=report.agency,
    )
    document.build(_story(report), onFirstPage=_footer, onLaterPages=_footer)
    return buffer.getvalue()
