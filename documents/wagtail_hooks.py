"""Wagtail hooks of the document register."""

from django.http import Http404
from wagtail import hooks

from documents.models import OfficialDocumentAttachment


@hooks.register("before_serve_document")
def refuse_files_of_confidential_documents(document, request):
    """A file attached to a confidential document is not downloadable, even by its URL (Điều 5, 6)."""
    if OfficialDocumentAttachment.objects.filter(document=document, page__confidential=True).exists():
        raise Http404
