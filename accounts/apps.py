from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Personal accounts of the board, contributors and officials (Điều 6)."""

    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from wagtail.models import AbstractPage, Page
        from wagtail.permissions import register_permission_policy

        from accounts.permissions import BoardPagePermissionPolicy

        # Replaces the policy wagtail.permissions registered when it was imported (above).
        register_permission_policy(AbstractPage, BoardPagePermissionPolicy(Page))
