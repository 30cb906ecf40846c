"""Where a file or image of the media library is used, from Wagtail's reference index."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex


def pages_using(obj):
    """Ids of the pages whose stored content uses `obj` (attachment, chooser block, rich-text link).

    Wagtail's reference index records what a page's row holds: the live version of a live page
    (a draft of it is in a revision, not indexed) and the last saved draft of a page never published.
    """
    page_type = ContentType.objects.get_for_model(Page)
    return [
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
        .distinct()
    ]


def live_pages_using(obj):
    """The live pages that show `obj` to the public (or to logged-in readers of a private page)."""
    return Page.objects.live().filter(pk__in=pages_using(obj))
