"""The periodic report in Wagtail's Reports menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal.dates import local_today
from reports.access import can_view_reports
from reports.panels import RecentReportsPanel
from reports.views import PeriodicReportView


@hooks.register("register_admin_urls")
def register_periodic_report_url():
    return [path("reports/dinh-ky/", PeriodicReportView.as_view(), name="reports_periodic")]


class PeriodicReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_reports(request.user)


@hooks.register("register_reports_menu_item")
def register_periodic_report_menu_item():
    return PeriodicReportMenuItem(_("Periodic report"), reverse("reports_periodic"), icon_name="table", order=40)


@hooks.register("construct_homepage_panels")
def add_recent_reports_panel(request, panels):
    if can_view_reports(request.user):
        panels.append(RecentReportsPanel(local_today()))
