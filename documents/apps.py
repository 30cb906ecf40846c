from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    """The register of official documents (văn bản) issued by the commune (Điều 8b)."""

    name = "documents"
    verbose_name = _("Official documents")

    def ready(self):
        from documents import signal_handlers  # noqa: F401
