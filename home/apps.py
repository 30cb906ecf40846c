from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class HomeConfig(AppConfig):
    """The home page and the standard pages."""

    name = "home"
    verbose_name = pgettext_lazy("portal", "Home")
