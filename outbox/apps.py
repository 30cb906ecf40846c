from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    """Every e-mail the portal sends: written with the event, sent by Celery, swept by beat."""

    name = "outbox"
    verbose_name = _("Outbox")
