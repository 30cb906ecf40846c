"""Keep confidential documents out of the search index."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.search.backends import get_search_backends

from documents.models import OfficialDocumentPage


@receiver(post_save, sender=OfficialDocumentPage)
def drop_confidential_document_from_index(sender, instance, **kwargs):
    """Delete the index entry of a document that has just been marked confidential.

    `get_indexed_instance` already keeps confidential documents from being indexed, but an
    entry written before the document was marked confidential would otherwise stay.
    """
    if instance.confidential:
        for backend in get_search_backends(with_auto_update=True):
            backend.delete(instance)
