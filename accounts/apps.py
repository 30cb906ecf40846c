from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Personal accounts of the board, contributors and officials (Điều 6)."""

    name = "accounts"
    verbose_name = _("Accounts")
