from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssetsConfig(AppConfig):
    """The media library: Wagtail's image and file models, with credits and upload checks."""

    name = "assets"
    verbose_name = _("Media library")

    def ready(self):
        from assets.permissions import register_media_permission_policies

        register_media_permission_policies()
