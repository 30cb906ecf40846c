"""The deadlines report (Điều 8) and the dashboard panel of the admin's first screen."""

from typing import Any

import django_filters
from django.core.exceptions import PermissionDenied
from django.utils import dateformat, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import AdminDateInput

from accounts.policy import may_see_reports
from workflows import deadlines
from workflows.calendar import exceptions_loaded_once
from workflows.models import CalendarException
from workflows.open_work import PANEL_LISTED, open_work


def format_date(value):
    """dd/mm/yyyy, the way dates are read in a Vietnamese office; blank for None."""
    return dateformat.format(value, "d/m/Y") if value else ""


class DeadlinesPanel(Component):
    """Overdue items, items due today and items due in the next 2 working days: counts, the most urgent, links."""

    name = "deadlines"
    template_name = "workflows/panels/deadlines.html"
    # Before Wagtail's own panels (moderation starts at 210): lateness is what the board acts on.
    order = 50

    def __init__(self, today):
        self.today = today

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(open_work(self.today, listed=PANEL_LISTED))
        context["today"] = self.today
        return context


class DeadlineFilterSet(django_filters.FilterSet):
    """The report's filters. Items are not one queryset, so the view applies them itself (in SQL)."""

    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=list(deadlines.KIND_LABELS.items()))
    status = django_filters.ChoiceFilter(
        label=pgettext_lazy("portal", "Status"), choices=list(deadlines.STATUS_LABELS.items())
    )
    due_from = django_filters.DateFilter(label=_("Due from"), widget=AdminDateInput)
    due_to = django_filters.DateFilter(label=_("Due until"), widget=AdminDateInput)


class DeadlinesReportView(ReportView):
    """Every news article, document and resident's question with its deadline and status.

    Filters by kind, status and due date; exports to CSV and XLSX (Wagtail's report export).
    """

    page_title = _("Publication deadlines")
    header_icon = "time"
    index_url_name = "workflows_deadlines:index"
    index_results_url_name = "workflows_deadlines:results"
    filterset_class = DeadlineFilterSet
    export_filename = "han-xuat-ban"
    paginate_by = 50
    columns = [
        TitleColumn("title", label=_("Title"), get_url=lambda item: item.admin_url),
        Column("kind_label", label=_("Kind")),
        Column("start", label=_("Clock starts"), accessor=lambda item: format_date(item.start)),
        Column("due", label=_("Due date"), accessor=lambda item: format_date(item.due)),
        Column("done_on", label=_("Published or answered"), accessor=lambda item: format_date(item.done_on)),
        Column("status_text", label=pgettext_lazy("portal", "Status")),
    ]
    list_export = ["kind_label", "title", "start", "due", "done_on", "status_text"]
    custom_field_preprocess: dict[str, dict[str, Any]]
    export_headings = {
        "kind_label": _("Kind"),
        "title": _("Title"),
        "start": _("Clock starts"),
        "due": _("Due date"),
        "done_on": _("Published or answered"),
        "status_text": pgettext_lazy("portal", "Status"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not may_see_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.custom_field_preprocess = {
            **self.custom_field_preprocess,
            # CSV readers in Vietnam expect dd/mm/yyyy; XLSX keeps real dates.
            **{field: {self.FORMAT_CSV: format_date} for field in ("start", "due", "done_on")},
        }

    def get_filterset_kwargs(self):
        # The FilterSet only builds and validates the form (django-filter wants some queryset for
        # that); filter_queryset() below applies the choices to the list of items.
        return {**super().get_filterset_kwargs(), "queryset": CalendarException.objects.none()}

    def get_queryset(self):
        """The items the filters keep, filtered, sorted and counted in SQL; built a page at a time."""
        today = timezone.localdate(timezone=timezone.get_default_timezone())
        data = self.filters.form.cleaned_data if self.filters and self.filters.is_valid() else {}
        filters = deadlines.ListFilters(
            today,
            kind=data.get("kind") or None,
            status=data.get("status") or None,
            due_from=data.get("due_from"),
            due_to=data.get("due_to"),
        )
        with exceptions_loaded_once():
            return deadlines.DeadlineList(filters)

    def filter_queryset(self, items):
        return items  # get_queryset applied the filters in SQL
