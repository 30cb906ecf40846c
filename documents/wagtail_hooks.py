"""Wagtail hooks of the document register."""

from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from accounts.permissions import CONFIDENTIAL_PAGES_HOOK
from documents.models import OfficialDocumentAttachment, OfficialDocumentPage
from documents.services import TAKEN_OFFLINE_ACTION
from documents.views import MarkConfidentialView, tell_editor_about_takedown
from documents.visibility import is_public_file, may_see_unpublished_files
from portal.explorer import SectionPageViewSet


@hooks.register(CONFIDENTIAL_PAGES_HOOK)
def confidential_documents():
    """Only the board sees the titles of confidential documents in the admin (Điều 6)."""
    return OfficialDocumentPage.objects.filter(confidential=True).values("pk")


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


@hooks.register("register_admin_urls")
def register_mark_confidential_url():
    return [
        path(
            "van-ban-mat/<int:page_id>/",
            MarkConfidentialView.as_view(),
            name="documents_mark_confidential",
        )
    ]


@hooks.register("register_page_header_buttons")
def mark_confidential_button(page, user, view_name, next_url=None):
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


class OfficialDocumentPageViewSet(SectionPageViewSet):
    """The register's explorer reads its own children only (portal.explorer)."""

    model = OfficialDocumentPage


@hooks.register("register_admin_viewset")
def register_document_page_viewset():
    return OfficialDocumentPageViewSet()
