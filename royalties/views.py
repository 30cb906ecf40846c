"""Admin views of the royalties: the entries list and adjustment, the monthly sheet, the budget panel."""

import datetime
from functools import wraps

import django_filters
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import EditView, IndexView

from portal.dates import local_today
from portal.numbers import format_money, format_percent
from royalties.models import RoyaltyEntry, RoyaltyKind
from royalties.services import AdjustmentRefused, adjust_entry, budget_status
from royalties.sheets import build_month_sheet, month_sheet, parse_month, sheet_filename


def can_view_royalties(user):
    """The head and the board members (view permission from workflows' migration 0008)."""
    return user.is_active and user.has_perm("royalties.view_royaltyentry")


def forbidden(request):
    """A 403 in the admin's own look, in Vietnamese, for whoever is not on the board."""
    context = {"page_title": _("Royalties")}
    return TemplateResponse(request, "royalties/forbidden.html", context, status=403)


def board_only(view):
    """Wrap an admin view of the royalties: a real 403 for contributors, officials and the party
    committee (Wagtail's own check would send them to the dashboard instead)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not can_view_royalties(request.user):
            return forbidden(request)
        return view(request, *args, **kwargs)

    return wrapper


class RoyaltyEntryPermissionPolicy(ModelPermissionPolicy):
    """Entries are created only by publication and never deleted: the money was paid (Điều 9)."""

    # Refused to everyone, superusers included.
    never = ("add", "copy", "delete")

    def user_has_permission(self, user, action):
        if action in self.never:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action not in self.never])


def budget_message(status):
    """The board's warning for a year's royalties at 80% and at 100% of the budget, or None."""
    if status.level is None:
        return None
    percent = format_percent(status.used_percent, decimal_pos=0)
    if status.level == "exceeded":
        return _("%(percent)s of the %(year)s royalties budget used — over budget.") % {
            "year": status.year,
            "percent": percent,
        }
    return _("%(percent)s of the %(year)s royalties budget used.") % {"year": status.year, "percent": percent}


def budget_context(year):
    """Template context of the budget status of `year`: the figures, the message and its style."""
    status = budget_status(year)
    return {
        "status": status,
        "used": format_money(status.used),
        "budget": format_money(status.budget),
        "percent": format_percent(status.used_percent, decimal_pos=0),
        "message": budget_message(status),
        "level": status.level,
    }


class BudgetPanel(Component):
    """The dashboard's view of this year's royalties against the budget, warning from 80%."""

    name = "royalties_budget"
    template_name = "royalties/panels/budget.html"
    order = 60

    def __init__(self, year):
        self.year = year

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(budget_context(self.year))
        context["year"] = self.year
        return context


def month_choices():
    return [(number, f"{number:02d}") for number in range(1, 13)]


def authors_with_entries(request=None):
    return get_user_model().objects.filter(royalty_entries__isnull=False).distinct().order_by("last_name", "first_name")


class RoyaltyEntryFilterSet(WagtailFilterSet):
    """Filters of the entries list: month and year of first publication (local), kind, author."""

    year = django_filters.NumberFilter(label=gettext_lazy("Year"), field_name="published_at", lookup_expr="year")
    month = django_filters.ChoiceFilter(
        label=gettext_lazy("Month"), choices=month_choices, field_name="published_at", lookup_expr="month"
    )
    kind = django_filters.ChoiceFilter(label=gettext_lazy("Kind"), choices=RoyaltyKind.choices)
    author = django_filters.ModelChoiceFilter(label=gettext_lazy("Author"), queryset=authors_with_entries)

    class Meta:
        model = RoyaltyEntry
        fields: list[str] = []


class RoyaltyEntryIndexView(IndexView):
    """The entries list, with this year's budget warning above it."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["budget"] = budget_context(local_today().year)
        return context


class AdjustEntryView(EditView):
    """The head's adjustment of one entry: a coefficient within the rate's range and a reason.

    The form only collects what the head typed; `adjust_entry` decides, and its refusal is shown
    on the form with the typed values kept.
    """

    success_message = gettext_lazy("Royalty of '%(object)s' adjusted.")
    object: RoyaltyEntry  # set by Wagtail's EditView.setup()

    def form_valid(self, form):
        entry = RoyaltyEntry.objects.get(pk=self.object.pk)  # the form changed self.object in memory
        reason = form.cleaned_data.get("adjustment_reason") or ""
        try:
            adjust_entry(entry, form.cleaned_data["coefficient"], reason, self.request.user)
        except AdjustmentRefused as refused:
            form.add_error("adjustment_reason" if not reason.strip() else "coefficient", str(refused))
            self.produced_error_message = str(refused)
            return self.form_invalid(form)
        self.form = form
        self.object = entry
        response = self.save_action()
        return self.run_after_hook() or response


class MonthSheetView(WagtailAdminTemplateMixin, TemplateView):
    """The month's royalty sheet on screen (?month=2025-03), and as XLSX with ?format=xlsx."""

    template_name = "royalties/month_sheet.html"
    page_title = gettext_lazy("Royalty sheet")
    header_icon = "table"

    @cached_property
    def month(self):
        """(year, month) asked for; last month when none or a wrong one is given."""
        try:
            return parse_month(self.request.GET.get("month"))
        except ValueError:
            first_of_this_month = local_today().replace(day=1)
            last_month = first_of_this_month - datetime.timedelta(days=1)
            return last_month.year, last_month.month

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "xlsx":
            return self.xlsx_response()
        return super().get(request, *args, **kwargs)

    def xlsx_response(self):
        year, month = self.month
        response = HttpResponse(content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response["Content-Disposition"] = f'attachment; filename="{sheet_filename(year, month)}"'
        build_month_sheet(year, month).save(response)
        return response

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def month_options(self):
        """(value, label) of the months the picker offers: the last 24, and the one shown if older."""
        selected_year, selected_month = self.month
        first = local_today().replace(day=1)
        months = []
        for _step in range(24):
            months.append((first.year, first.month))
            first = (first - datetime.timedelta(days=1)).replace(day=1)
        if (selected_year, selected_month) not in months:
            months.append((selected_year, selected_month))
        return [
            (
                f"{year}-{month:02d}",
                _("Month %(month)s/%(year)s") % {"month": f"{month:02d}", "year": year},
                (year, month) == (selected_year, selected_month),
            )
            for year, month in months
        ]

    def get_page_subtitle(self):
        year, month = self.month
        return f"{month:02d}/{year}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year, month = self.month
        sheet = month_sheet(year, month)
        context.update(
            {
                "sheet": sheet,
                "base_amount_lines": sheet.base_amount_lines(),
                "month_options": self.month_options(),
                "download_url": f"{reverse('royalties_month_sheet')}?month={year}-{month:02d}&format=xlsx",
                "total": format_money(sheet.total),
            }
        )
        return context
