"""The media library's delete views, with the board's rule on media used by live pages."""

from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin import messages
from wagtail.documents.views.documents import DeleteView as DocumentDeleteView
from wagtail.images.views.images import DeleteView as ImageDeleteView

from accounts.policy import may_change_live_media
from assets.permissions import USED_BY_LIVE_PAGE_DELETE, is_used_by_live_page


class LiveMediaDeleteMixin:
    """Say why deleting media a live page uses is refused, instead of a bare "403 Forbidden".

    The refusal itself is the permission policy's (assets.permissions), which also hides the
    Delete button and covers bulk deletion; this only explains it and returns to the edit page.
    """

    edit_url_name = None

    def dispatch(self, request, *args, **kwargs):
        if not may_change_live_media(request.user) and is_used_by_live_page(self.object):
            messages.error(request, USED_BY_LIVE_PAGE_DELETE)
            return redirect(reverse(self.edit_url_name, args=[self.object.pk]))
        return super().dispatch(request, *args, **kwargs)


class PortalImageDeleteView(LiveMediaDeleteMixin, ImageDeleteView):
    edit_url_name = "wagtailimages:edit"


class PortalDocumentDeleteView(LiveMediaDeleteMixin, DocumentDeleteView):
    edit_url_name = "wagtaildocs:edit"
