from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoyaltiesConfig(AppConfig):
    """Royalties ("nhuận bút") for published items and the yearly budget they come from (Điều 9)."""

    name = "royalties"
    verbose_name = _("Royalties")

    def ready(self):
        from wagtail.signals import page_published

        from royalties.signal_handlers import record_royalties_on_publish

        page_published.connect(record_royalties_on_publish, dispatch_uid="royalties_record_on_publish")
