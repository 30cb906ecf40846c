"""Reactions of the royalties app to Wagtail's publication events."""

from royalties.services import record_first_publication


def record_royalties_on_publish(sender, instance, **kwargs):
    """Wagtail's `page_published`: pay the authors of a page published for the first time."""
    record_first_publication(instance)
