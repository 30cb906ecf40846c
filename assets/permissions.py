"""Media used by live pages changes only through the approval chain, or by the head (Điều 8).

A contributor may edit and delete what they uploaded (Wagtail's ownership rule). Once a live
page shows an image or a file, replacing or deleting it would change what residents read without
anyone approving it; so only the head of the board (Trưởng Ban biên tập) may still do that.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permissions import register_permission_policy

from accounts.policy import may_change_live_media
from assets.models import PortalDocument, PortalImage
from assets.usage import live_pages_using

USED_BY_LIVE_PAGE = _(
    "This file is used by a published page, so replacing it would change that page without approval. "
    "Upload the new file separately and change the page through the approval chain, or ask the head "
    "of the board (Trưởng Ban biên tập)."
)

USED_BY_LIVE_PAGE_DELETE = _(
    "This file is used by a published page and cannot be deleted: remove it from the page through the "
    "approval chain first, or ask the head of the board (Trưởng Ban biên tập)."
)


def is_used_by_live_page(obj):
    return obj.pk is not None and live_pages_using(obj).exists()


class LiveMediaPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's collection and ownership rule, and: media a live page uses is deleted by the head only."""

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "delete" and not may_change_live_media(user) and is_used_by_live_page(instance):
            return False
        return super().user_has_permission_for_instance(user, action, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if "delete" in actions and not may_change_live_media(user) and is_used_by_live_page(instance):
            actions = [action for action in actions if action != "delete"]
            if not actions:
                return False
        return super().user_has_any_permission_for_instance(user, actions, instance)


def register_media_permission_policies():
    """Replace Wagtail's policies for the portal's image and file models (exact class wins)."""
    register_permission_policy(
        PortalImage,
        LiveMediaPermissionPolicy(PortalImage, auth_model="wagtailimages.Image", owner_field_name="uploaded_by_user"),
        exact_class=True,
    )
    register_permission_policy(
        PortalDocument,
        LiveMediaPermissionPolicy(
            PortalDocument, auth_model="wagtaildocs.Document", owner_field_name="uploaded_by_user"
        ),
        exact_class=True,
    )
