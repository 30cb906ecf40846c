"""Columns of the questions desk: dates as dd/mm/yyyy, and the working days left to answer (Điều 8đ).

Wagtail's DateColumn shows "Vừa xong" ("just now") or "3 ngày trước" for a due date, which tells an
official nothing about the deadline. The working days are counted with one read of the calendar
for the whole page of the list (QuestionIndexView.get_table), not one per row.
"""

from django.utils import dateformat
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.ui.tables import Column

from portal.dates import local_date, local_today
from workflows.calendar import exceptions_loaded_once, working_days_between


class LocalDateColumn(Column):
    """A date or a moment as its Hanoi date, dd/mm/yyyy."""

    def get_value(self, instance):
        value = super().get_value(instance)
        return dateformat.format(local_date(value), "d/m/Y") if value else ""


def time_left(question, today):
    """'còn 3 ngày làm việc', 'hạn là hôm nay' or 'quá hạn 2 ngày làm việc' for an open question."""
    due = question.due_date
    if not due or question.status not in question.open_statuses:
        return ""
    if due == today:
        return _("due today")
    if due > today:
        days = working_days_between(today, due)
        return ngettext("%(days)d working day left", "%(days)d working days left", days) % {"days": days}
    days = working_days_between(due, today)
    return ngettext("%(days)d working day late", "%(days)d working days late", days) % {"days": days}


def annotate_time_left(questions):
    """Set `time_left` on each question of a page of the list, reading the calendar once."""
    today = local_today()
    with exceptions_loaded_once():
        for question in questions:
            question.time_left = time_left(question, today)
    return questions


class DueDateColumn(LocalDateColumn):
    """The due date, and for an open question the working days left (or late)."""

    def get_value(self, instance):
        date = super().get_value(instance)
        left = getattr(instance, "time_left", "")
        return f"{date} ({left})" if date and left else date
