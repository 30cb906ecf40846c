from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """Project-wide pieces: Celery, the site settings, shared blocks and helpers, template tags."""

    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Locale, PageViewRestriction, Site
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from portal import pages
        from portal.models import PortalSettings
        from portal.spreadsheets import harden_wagtail_exports

        harden_wagtail_exports()
        # The cached site, routes and navigation (portal.pages) are forgotten on every change of
        # the page tree, a site, a locale or a view restriction; the site settings on their save.
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(pages.pages_changed, dispatch_uid=f"portal.pages.{id(signal)}")
        post_save.connect(pages.page_saved_or_deleted, dispatch_uid="portal.pages.page_saved")
        post_delete.connect(pages.page_saved_or_deleted, dispatch_uid="portal.pages.page_deleted")
        for model in (Site, Locale, PageViewRestriction):
            post_save.connect(pages.pages_changed, sender=model, dispatch_uid=f"portal.pages.save.{model.__name__}")
            post_delete.connect(pages.pages_changed, sender=model, dispatch_uid=f"portal.pages.delete.{model.__name__}")
        post_save.connect(pages.settings_changed, sender=PortalSettings, dispatch_uid="portal.pages.settings_saved")
        post_delete.connect(pages.settings_changed, sender=PortalSettings, dispatch_uid="portal.pages.settings_deleted")
