"""Admin integration of the workflows app: calendar, deadlines panel and report."""

from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from workflows.models import CalendarException
from workflows.views_deadlines import (
    DeadlinesPanel,
    DeadlinesReportView,
    can_see_deadlines_panel,
    can_view_deadlines_report,
)


class CalendarExceptionViewSet(SnippetViewSet):
    """The head's list of days off and make-up working days ("làm bù") that override the calendar."""

    model = CalendarException
    icon = "date"
    menu_label = _("Working-day calendar")
    menu_order = 800
    add_to_admin_menu = True
    list_display = ["date", "is_working_day", "note"]
    list_filter = ["is_working_day"]
    ordering = ["-date"]


register_snippet(CalendarExceptionViewSet)


@hooks.register("construct_homepage_panels")
def add_deadlines_panel(request, panels):
    if can_see_deadlines_panel(request.user):
        panels.append(DeadlinesPanel(timezone.localdate(timezone=timezone.get_default_timezone())))


deadlines_urls = [
    path("", DeadlinesReportView.as_view(), name="index"),
    path("results/", DeadlinesReportView.as_view(results_only=True), name="results"),
]


@hooks.register("register_admin_urls")
def register_deadlines_report_urls():
    return [path("reports/deadlines/", include((deadlines_urls, "workflows_deadlines")))]


class DeadlinesReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_deadlines_report(request.user)


@hooks.register("register_reports_menu_item")
def register_deadlines_report_menu_item():
    return DeadlinesReportMenuItem(
        _("Publication deadlines"), reverse("workflows_deadlines:index"), icon_name="time", order=50
    )
