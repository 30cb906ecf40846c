"""Admin view: mark a document confidential and take it offline, even while it is scheduled; the editor's message."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from documents.models import OfficialDocumentPage


def tell_editor_about_takedown(request, page):
    """After the editor's save: say what marking the document confidential did."""
    takedown = getattr(page, "takedown", None)
    if not takedown:
        return
    parts = []
    if takedown.unpublished:
        parts.append(str(_("it was unpublished")))
    if takedown.cancelled_schedules:
        parts.append(str(_("its scheduled publication was cancelled")))
    if takedown.deleted_files:
        count = len(takedown.deleted_files)
        parts.append(ngettext("%(count)d file was deleted", "%(count)d files were deleted", count) % {"count": count})
    if takedown.detached_files:
        count = len(takedown.detached_files)
        parts.append(
            ngettext(
                "%(count)d file used by another page was detached",
                "%(count)d files used by other pages were detached",
                count,
            )
            % {"count": count}
        )
    messages.warning(
        request,
        _("“%(title)s” is confidential and was taken offline: %(actions)s.")
        % {"title": page.get_admin_display_title(), "actions": "; ".join(parts)},
    )


class MarkConfidentialView(WagtailAdminTemplateMixin, TemplateView):
    """ "Mark confidential": the one-step takedown of a document the editor cannot open.

    Wagtail locks a page scheduled for publication against every edit, and a page in moderation
    against most people; a secret must still come down at once. Whoever may edit the document
    may take it down: its latest version is marked confidential without its files, which runs
    documents.services.take_confidential_document_offline (publication, schedule, files, log).
    """

    template_name = "documents/admin/confirm_confidential.html"
    page_title = _("Mark confidential")
    header_icon = "warning"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(OfficialDocumentPage, pk=page_id)
        if not self.page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_context_data(self, **kwargs):
        return super().get_context_data(page=self.page, **kwargs)

    def post(self, request, page_id):
        draft = self.page.get_latest_revision_as_object()
        draft.confidential = True
        draft.attachments = []
        # Not validated: the takedown must never fail on some unrelated field of the draft.
        draft.save_revision(user=request.user, log_action=True, clean=False)
        tell_editor_about_takedown(request, draft)
        return redirect("wagtailadmin_pages:edit", self.page.pk)
