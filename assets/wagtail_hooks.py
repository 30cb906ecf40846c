"""Admin integration of the media library."""

from django.urls import path
from wagtail import hooks

from assets.admin_views import PortalDocumentDeleteView, PortalImageDeleteView


@hooks.register("register_admin_urls")
def register_media_delete_views():
    """Wagtail's own delete URLs, answered by views that explain the live-media rule.

    This app comes before wagtail.images and wagtail.documents in INSTALLED_APPS, so these
    patterns are matched first; `reverse("wagtailimages:delete")` still yields the same path.
    """
    return [
        path("images/<int:image_id>/delete/", PortalImageDeleteView.as_view()),
        path("documents/delete/<int:document_id>/", PortalDocumentDeleteView.as_view()),
    ]
