from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """News, events, conferences and statistics (Điều 8a, 8c, 8d)."""

    name = "news"
    verbose_name = _("News")
