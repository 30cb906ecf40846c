"""Wagtail hooks of the document register."""

from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.widgets import Button

from documents.models import OfficialDocumentAttachment
from documents.services import TAKEN_OFFLINE_ACTION
from documents.visibility import is_public_file, may_see_unpublished_files


@hooks.register("before_serve_document")
def refuse_files_of_confidential_documents(document, request):
    """A file attached to a confidential document is not downloadable, even by its URL (Điều 5, 6)."""
    if OfficialDocumentAttachment.objects.filter(document=document, page__confidential=True).exists():
        raise Http404


@hooks.register("before_serve_document")
def refuse_unpublished_files(document, request):
    """A file is public only once a live, public page uses it; until then only the board sees it.

    An upload waiting for its page (a draft, a text under approval, a scheduled document) would
    otherwise be downloadable by anyone who learns or guesses its URL before the head approves.
    """
    if may_see_unpublished_files(getattr(request, "user", AnonymousUser())):
        return None
    if not is_public_file(document):
        raise Http404
    return None


@hooks.register("register_log_actions")
def register_confidential_log_actions(actions):
    actions.register_action(
        TAKEN_OFFLINE_ACTION,
        _("Taken offline as confidential"),
        _("Marked confidential: taken offline, schedule cancelled, files deleted"),
    )


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


@hooks.register("register_admin_urls")
def register_mark_confidential_url():
    from documents.views import MarkConfidentialView

    return [
        path(
            "van-ban-mat/<int:page_id>/",
            MarkConfidentialView.as_view(),
            name="documents_mark_confidential",
        )
    ]


@hooks.register("register_page_header_buttons")
def mark_confidential_button(page, user, view_name, next_url=None):
    from documents.models import OfficialDocumentPage

    if (
        isinstance(page.specific_deferred, OfficialDocumentPage)
        and not page.specific_deferred.confidential
        and page.permissions_for_user(user).can_edit()
    ):
        yield Button(
            _("Mark confidential"),
            reverse("documents_mark_confidential", args=[page.pk]),
            icon_name="warning",
            priority=55,
        )


@hooks.register("after_create_page")
def after_create_confidential_document(request, page):
    tell_editor_about_takedown(request, page)


@hooks.register("after_edit_page")
def after_edit_confidential_document(request, page):
    tell_editor_about_takedown(request, page)
