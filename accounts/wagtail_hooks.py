"""Admin integration: security pages, menu items and the audit log's account actions."""

from urllib.parse import urlsplit

from django.urls import path, resolve, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button

from accounts import policy, services, user_admin, views
from accounts.middleware import is_wagtail_report
from accounts.permissions import can_change_account, without_confidential


@hooks.register("register_admin_urls")
def register_security_urls():
    return [
        path("bao-mat/", views.security, name="accounts_security"),
        path("bao-mat/xac-thuc/", views.verify, name="accounts_verify"),
        path("bao-mat/dang-ky/", views.enrol, name="accounts_enrol"),
        path("bao-mat/ma-du-phong/", views.recovery_codes, name="accounts_recovery_codes"),
        path("bao-mat/bao-mat-mat-khau/", views.report_own, name="accounts_report_own"),
        path("bao-mat/tai-khoan/", views.board_accounts, name="accounts_board"),
        path("bao-mat/tai-khoan/<int:user_id>/bao-mat-mat-khau/", views.report_account, name="accounts_report"),
        path("bao-mat/tai-khoan/<int:user_id>/khoi-phuc/", views.restore, name="accounts_restore"),
        path(
            "bao-mat/tai-khoan/<int:user_id>/dat-lai-xac-thuc/",
            views.reset_two_factor,
            name="accounts_reset_two_factor",
        ),
    ]


class HeadMenuItem(MenuItem):
    """A menu item shown to the head of the board only."""

    def is_shown(self, request):
        return policy.may_manage_accounts(request.user)


@hooks.register("register_admin_menu_item")
def register_security_menu_item():
    return MenuItem(_("Account security"), reverse("accounts_security"), icon_name="lock", order=9000)


@hooks.register("register_admin_menu_item")
def register_board_accounts_menu_item():
    return HeadMenuItem(_("Board accounts"), reverse("accounts_board"), icon_name="group", order=9001)


@hooks.register("register_log_actions")
def register_account_log_actions(actions):
    actions.register_action(
        services.ACTION_REPORTED, _("Report compromised account"), _("Account reported compromised (password lost)")
    )
    actions.register_action(services.ACTION_RESTORED, _("Restore account"), _("Account restored by the head"))
    actions.register_action(
        services.ACTION_TWO_FACTOR_RESET,
        _("Reset two-factor login"),
        _("Two-factor login reset: the account must set up an authenticator again"),
    )
    actions.register_action(user_admin.ACTION_DEACTIVATED, _("Deactivate account"), _("Account deactivated"))
    actions.register_action(user_admin.ACTION_REACTIVATED, _("Reactivate account"), _("Account reactivated"))
    actions.register_action(user_admin.ACTION_MOVED, _("Change group"), _("Account moved to another group"))


# Wagtail's own "assign role" and "set active state" would let the head give any group and
# reach superusers' accounts; these replace them (registered later, so they win).
hooks.register("register_bulk_action", user_admin.BoardAssignRoleBulkAction, order=100)
hooks.register("register_bulk_action", user_admin.BoardSetActiveStateBulkAction, order=100)


@hooks.register("register_user_listing_buttons")
def reset_two_factor_listing_button(user, request_user):
    if not can_change_account(request_user, user):
        return []
    return [
        Button(
            _("Reset two-factor login"),
            url=reverse("accounts_reset_two_factor", args=[user.pk]),
            icon_name="key",
            priority=50,
        )
    ]


# --- Admin rights beyond DESIGN §2 (issue 16, item 7) -----------------------------------------


@hooks.register("construct_explorer_page_queryset")
def hide_confidential_in_explorer(parent_page, pages, request):
    return without_confidential(pages, request.user)


@hooks.register("construct_page_chooser_queryset")
def hide_confidential_in_chooser(pages, request):
    return without_confidential(pages, request.user)


@hooks.register("construct_reports_menu")
def hide_wagtail_reports(request, menu_items):
    """Wagtail's own reports are the board's (the middleware refuses their URLs too)."""
    if not policy.may_use_wagtail_reports(request.user):
        menu_items[:] = [item for item in menu_items if not is_wagtail_report(resolve(urlsplit(item.url).path))]
