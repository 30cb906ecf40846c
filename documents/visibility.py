"""Who may download a file of the media library, and when it is public."""

from accounts.policy import may_enter_admin, requires_two_factor
from accounts.services import has_two_factor
from assets.usage import live_pages_using
from documents.models import OfficialDocumentPage


def is_public_file(document):
    """Whether a resident may download `document`: a live, public, non-confidential page uses it."""
    return (
        live_pages_using(document)
        .public()
        .exclude(pk__in=OfficialDocumentPage.objects.filter(confidential=True).values("pk"))
        .exists()
    )


def may_see_unpublished_files(user):
    """Board members signed in as the admin requires them to be see files not yet public.

    The same rule as the admin's door (accounts.middleware): a board group, and the second factor
    entered when the person has one (or has none and is not required to).
    """
    if not user.is_authenticated or not user.has_perm("wagtailadmin.access_admin") or not may_enter_admin(user):
        return False
    if getattr(user, "is_verified", lambda: False)():
        return True
    return not has_two_factor(user) and not requires_two_factor(user)
