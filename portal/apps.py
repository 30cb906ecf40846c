from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """Project-wide pieces: Celery, the site settings, shared blocks and helpers, template tags."""

    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from django.db.models.signals import post_delete, post_save, pre_save
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.models import Locale, PageViewRestriction, Site
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from portal import page_cache, pages
        from portal.models import PortalSettings
        from portal.spreadsheets import harden_wagtail_exports

        harden_wagtail_exports()
        name_the_page_search_results()
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
        # The anonymous page cache (portal.page_cache): exactly what each change affects.
        pre_save.connect(page_cache.page_before_save, dispatch_uid="portal.page_cache.before_save")
        post_save.connect(page_cache.page_saved, dispatch_uid="portal.page_cache.saved")
        post_delete.connect(page_cache.page_deleted, dispatch_uid="portal.page_cache.deleted")
        for signal in (page_published, page_unpublished):
            signal.connect(page_cache.page_published_or_unpublished, dispatch_uid=f"portal.page_cache.{id(signal)}")
        post_page_move.connect(page_cache.page_moved, dispatch_uid="portal.page_cache.moved")
        post_save.connect(page_cache.settings_saved, sender=PortalSettings, dispatch_uid="portal.page_cache.settings")
        post_delete.connect(page_cache.everything_changed, sender=PortalSettings, dispatch_uid="portal.page_cache.s.d")
        for model in (Site, Locale, PageViewRestriction):
            for signal in (post_save, post_delete):
                signal.connect(
                    page_cache.everything_changed,
                    sender=model,
                    dispatch_uid=f"portal.page_cache.{model.__name__}.{id(signal)}",
                )
        for model in (get_image_model(), get_document_model()):
            post_save.connect(
                page_cache.media_changed, sender=model, dispatch_uid=f"portal.page_cache.{model.__name__}"
            )
            post_delete.connect(
                page_cache.everything_changed, sender=model, dispatch_uid=f"portal.page_cache.{model.__name__}.d"
            )


def name_the_page_search_results():
    """Wagtail's page search view sets no verbose name, so its count reads "1-5 trong 5 None".

    Its listing template says "{start}-{end} of {count} {model_name}" with the view's
    `verbose_name_plural`, which the page search (unlike the explorer) leaves at None.
    """
    from wagtail.admin.views.pages.search import SearchView
    from wagtail.models import Page

    SearchView.verbose_name = Page._meta.verbose_name
    SearchView.verbose_name_plural = Page._meta.verbose_name_plural
