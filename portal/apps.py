from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """Project-wide pieces: Celery, the site settings, shared blocks and helpers, template tags."""

    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from portal.spreadsheets import harden_wagtail_exports

        harden_wagtail_exports()
