"""Admin integration of the royalties: the "Royalties" menu, the sheet, the budget panel, the log action."""

from django.urls import path, reverse
from django.utils import dateformat
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup
from wagtail.utils.urlpatterns import decorate_urlpatterns

from portal.dates import local_today
from portal.numbers import format_coefficient, format_money
from portal.templatetags.vn_format import local_day
from royalties.models import BaseSalary, RoyaltyBudget, RoyaltyEntry, RoyaltyRate
from royalties.views import (
    AdjustEntryView,
    BudgetPanel,
    MonthSheetView,
    RoyaltyEntryFilterSet,
    RoyaltyEntryIndexView,
    RoyaltyEntryPermissionPolicy,
    board_only,
    can_view_royalties,
)


def item_admin_url(entry):
    """The item's editor in the admin, or nothing when the page was deleted since."""
    return reverse("wagtailadmin_pages:edit", args=[entry.page_id]) if entry.page_id else None


register_permission_policy(RoyaltyEntry, RoyaltyEntryPermissionPolicy(RoyaltyEntry))


class BoardOnlyViewSet(SnippetViewSet):
    """A royalties screen: only the board gets in, whatever the model permissions say."""

    def get_urlpatterns(self):
        return decorate_urlpatterns(super().get_urlpatterns(), board_only)


class RoyaltyEntryViewSet(BoardOnlyViewSet):
    """Entries as publication created them; the head adjusts one, nobody adds or deletes."""

    model = RoyaltyEntry
    icon = "list-ul"
    menu_label = _("Royalty entries")
    base_url_path = "nhuan-but/muc-chi"
    index_view_class = RoyaltyEntryIndexView
    index_template_name = "royalties/entry_index.html"
    edit_view_class = AdjustEntryView
    filterset_class = RoyaltyEntryFilterSet
    list_per_page = 50
    list_display = [
        Column("published_at", label=_("Date published"), accessor=lambda entry: local_day(entry.published_at)),
        TitleColumn("item_title", label=_("Item"), get_url=item_admin_url),
        Column("kind", label=_("Kind"), accessor="get_kind_display"),
        Column("author", label=_("Author")),
        Column("coefficient", label=_("Coefficient"), accessor=lambda entry: format_coefficient(entry.coefficient)),
        Column("amount", label=_("Amount"), accessor=lambda entry: format_money(entry.amount)),
    ]
    panels = [FieldPanel("coefficient"), FieldPanel("adjustment_reason")]
    ordering = ["-published_at", "pk"]

    def get_queryset(self, request):
        return RoyaltyEntry.objects.select_related("author")


class RoyaltyRateViewSet(BoardOnlyViewSet):
    model = RoyaltyRate
    icon = "percent"
    menu_label = _("Royalty rates")
    base_url_path = "nhuan-but/he-so"
    list_display = [
        "kind",
        Column("coefficient", label=_("Coefficient"), accessor=lambda rate: format_coefficient(rate.coefficient)),
        Column(
            "range",
            label=_("Allowed range"),
            accessor=lambda rate: (
                f"{format_coefficient(rate.min_coefficient)} – {format_coefficient(rate.max_coefficient)}"
            ),
        ),
        "note",
    ]


class BaseSalaryViewSet(BoardOnlyViewSet):
    model = BaseSalary
    icon = "doc-full"
    menu_label = _("Base amounts")
    base_url_path = "nhuan-but/luong-co-so"
    list_display = [
        Column("amount", label=_("Amount"), accessor=lambda base: format_money(base.amount)),
        Column(
            "effective_from",
            label=_("Applies from"),
            accessor=lambda base: dateformat.format(base.effective_from, "d/m/Y"),
        ),
        "legal_basis",
    ]


class RoyaltyBudgetViewSet(BoardOnlyViewSet):
    model = RoyaltyBudget
    icon = "pick"
    menu_label = _("Royalties budgets")
    base_url_path = "nhuan-but/ngan-sach"
    list_display = [
        "year",
        Column("amount", label=_("Amount"), accessor=lambda budget: format_money(budget.amount)),
        "note",
    ]


class MonthSheetMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_royalties(request.user)


class RoyaltiesViewSetGroup(SnippetViewSetGroup):
    """The "Royalties" admin menu; shown only to whoever may see one of its screens."""

    menu_label = _("Royalties")
    menu_icon = "pick"
    menu_order = 750
    items = (RoyaltyEntryViewSet, RoyaltyRateViewSet, BaseSalaryViewSet, RoyaltyBudgetViewSet)

    def get_submenu_items(self):
        sheet = MonthSheetMenuItem(
            _("Royalty sheet"), reverse("royalties_month_sheet"), icon_name="table", order=len(self.items) + 1
        )
        return [*super().get_submenu_items(), sheet]


register_snippet(RoyaltiesViewSetGroup)


@hooks.register("register_admin_urls")
def register_month_sheet_url():
    return [path("nhuan-but/bang-ke/", board_only(MonthSheetView.as_view()), name="royalties_month_sheet")]


@hooks.register("construct_homepage_panels")
def add_budget_panel(request, panels):
    if can_view_royalties(request.user):
        panels.append(BudgetPanel(local_today().year))


@hooks.register("register_log_actions")
def register_royalty_log_actions(actions):
    actions.register_action(
        "royalties.adjust",
        _("Royalty adjusted"),
        _("Royalty coefficient adjusted by the head of the board"),
    )
    actions.register_action(
        "royalties.budget_alert",
        _("Royalties budget alert"),
        _("The head was told the royalties neared or passed the budget"),
    )
