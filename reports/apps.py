from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Periodic reports for the board and the Party Committee, and contributors' records (Điều 4, 10)."""

    name = "reports"
    verbose_name = _("Reports")
