"""Horizontal bar charts drawn by the project itself (no JavaScript, no CDN).

The geometry is prepared here once; `templates/reports/includes/bar_chart.html` draws it as
inline SVG on the screen and `reports.pdf` draws the same bars in the printed report.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from portal.numbers import format_money, format_number, format_percent

LABEL_WIDTH = 220
BAR_AREA = 320
VALUE_WIDTH = 110
ROW_HEIGHT = 26
BAR_HEIGHT = 16


@dataclass(frozen=True)
class Bar:
    label: str
    text: str
    y: int
    width: int

    @property
    def text_y(self):
        return self.y + BAR_HEIGHT - 3

    @property
    def value_x(self):
        return LABEL_WIDTH + self.width + 6


@dataclass(frozen=True)
class BarChart:
    """A chart's title (read by screen readers) and its bars."""

    title: str
    bars: list

    @property
    def width(self):
        return LABEL_WIDTH + BAR_AREA + VALUE_WIDTH

    @property
    def height(self):
        return max(len(self.bars), 1) * ROW_HEIGHT + 4

    @property
    def bar_x(self):
        return LABEL_WIDTH

    @property
    def label_x(self):
        return LABEL_WIDTH - 8

    @property
    def bar_height(self):
        return BAR_HEIGHT


def bar_chart(title, rows, formatter=format_number):
    """A chart of (label, value) rows; bar lengths are proportional to the largest value."""
    rows = list(rows)
    largest = max((value or 0 for _label, value in rows), default=0)
    bars = []
    for index, (label, value) in enumerate(rows):
        width = round(BAR_AREA * (value or 0) / largest) if largest else 0
        bars.append(Bar(label=str(label), text=formatter(value), y=index * ROW_HEIGHT + 4, width=width))
    return BarChart(title=str(title), bars=bars)


def report_charts(report):
    """The report's bar charts, drawn from the same figures as its tables.

    The deadlines chart has a bar only for kinds with a met or missed deadline: a share of
    nothing is not 0%.
    """
    return {
        "items": bar_chart(_("Items published by kind"), [(row.label, row.count) for row in report.items_by_kind]),
        "authors": bar_chart(_("Items published by author"), [(row.name, row.total) for row in report.items_by_author]),
        "deadlines": bar_chart(
            _("Share of deadlines met"),
            [(row.label, row.on_time_rate or 0) for row in report.deadline_rows if row.met + row.missed],
            formatter=format_percent,
        ),
        "royalties": bar_chart(
            _("Royalties by kind"),
            [(row.label, row.amount) for row in report.royalties_by_kind],
            formatter=format_money,
        ),
    }
