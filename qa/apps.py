from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QaConfig(AppConfig):
    """Residents' questions and the board's published answers (Điều 8đ)."""

    name = "qa"
    verbose_name = _("Questions and answers")
