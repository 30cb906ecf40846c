"""Admin integration of the workflows app: approval chain, moderation overview, calendar, deadlines."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.navigation import get_site_for_user
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import HeaderButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet

from accounts.policy import may_see_deadlines_panel, may_see_moderation_overview, may_see_reports
from portal.pages import cached
from workflows.calendar_import import can_import_calendar
from workflows.models import CalendarException
from workflows.rules import PublicationRefused, publication_problems
from workflows.views import ModerationOverviewView
from workflows.views_calendar import CalendarImportView
from workflows.views_deadlines import DeadlinesPanel, DeadlinesReportView


class CalendarExceptionIndexView(SnippetIndexView):
    """The calendar's list, with the head's "Import from CSV" button next to "Add"."""

    import_url_name = None  # set by the viewset

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if can_import_calendar(self.request.user):
            buttons.append(HeaderButton(_("Import from CSV"), url=reverse(self.import_url_name), icon_name="upload"))
        return buttons


class CalendarExceptionViewSet(SnippetViewSet):
    """The head's list of days off and make-up working days ("làm bù") that override the calendar."""

    model = CalendarException
    icon = "date"
    menu_label = _("Working-day calendar")
    menu_order = 800
    add_to_admin_menu = True
    list_display = [
        Column("date", label=_("date"), accessor="date_display", sort_key="date"),
        Column("is_working_day", label=_("working day"), accessor="kind_display", sort_key="is_working_day"),
        "note",
    ]
    list_filter = ["is_working_day"]
    ordering = ["-date"]
    index_view_class = CalendarExceptionIndexView

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(import_url_name=self.get_url_name("import"), **kwargs)

    @property
    def import_view(self):
        return CalendarImportView.as_view(index_url_name=self.get_url_name("list"))

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("import/", self.import_view, name="import")]


register_snippet(CalendarExceptionViewSet)


@hooks.register("construct_homepage_panels")
def add_deadlines_panel(request, panels):
    if may_see_deadlines_panel(request.user):
        panels.append(DeadlinesPanel(timezone.localdate(timezone=timezone.get_default_timezone())))


class PagesSummaryItemKept(PagesSummaryItem):
    """Wagtail's "N pages" of the dashboard, counted once until the next change to a page.

    Wagtail counts every page under the user's root on each visit (a scan of the whole page
    table: 0.1 s at 31,000 pages); the count is kept under the page tree's generation
    (`portal.pages`), which every page save, publish, move and delete renews.
    """

    def get_context_data(self, parent_context):
        root = get_site_for_user(self.request.user)["root_page"]
        count = super().get_context_data
        return cached("dashboard-pages-summary", lambda: count(parent_context), root.pk if root else 0)


@hooks.register("construct_homepage_summary_items", order=100)  # after Wagtail's own items
def keep_the_page_count(request, items):
    items[:] = [PagesSummaryItemKept(request) if type(item) is PagesSummaryItem else item for item in items]


deadlines_urls = [
    path("", DeadlinesReportView.as_view(), name="index"),
    path("results/", DeadlinesReportView.as_view(results_only=True), name="results"),
]


@hooks.register("register_admin_urls")
def register_deadlines_report_urls():
    return [path("reports/deadlines/", include((deadlines_urls, "workflows_deadlines")))]


class DeadlinesReportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_reports(request.user)


@hooks.register("register_reports_menu_item")
def register_deadlines_report_menu_item():
    return DeadlinesReportMenuItem(
        _("Publication deadlines"), reverse("workflows_deadlines:index"), icon_name="time", order=50
    )


# --- Approval chain (issue 4) ---


@hooks.register("before_publish_page")
def refuse_publication_breaking_rules(request, page):
    """The publish button: refuse with the reasons; the draft revision was saved just before."""
    problems = publication_problems(page)
    if problems:
        messages.error(request, PublicationRefused(page, problems).user_message())
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("register_log_actions")
def register_approval_log_actions(actions):
    actions.register_action(
        "workflows.head_self_approval",
        _("Final approval of own text"),
        _("Head of the board gave the final approval to a text they submitted"),
    )
    actions.register_action(
        "workflows.publication_refused",
        _("Publication refused"),
        _("Publication refused: the text breaks a rule of the regulation"),
    )


@hooks.register("register_admin_urls")
def register_moderation_overview_url():
    return [path("kiem-duyet/", ModerationOverviewView.as_view(), name="workflows_moderation_overview")]


class ModerationOverviewMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_moderation_overview(request.user)


@hooks.register("register_reports_menu_item")
def register_moderation_overview_menu_item():
    return ModerationOverviewMenuItem(
        _("Moderation overview"), reverse("workflows_moderation_overview"), icon_name="tasks", order=50
    )
