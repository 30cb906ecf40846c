"""Admin integration: security pages, menu items and the audit log's account actions."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from accounts import services, views


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
    ]


class HeadMenuItem(MenuItem):
    """A menu item shown to the head of the board only."""

    def is_shown(self, request):
        return services.is_head(request.user)


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
