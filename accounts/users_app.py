"""Wagtail's users app, configured with the board's account viewset and permission policy.

Listed in INSTALLED_APPS in place of "wagtail.users", as Wagtail documents for a custom user
viewset. A module of its own: Django loads it while the app registry is being built.
"""

from wagtail.users.apps import WagtailUsersAppConfig


class BoardUsersAppConfig(WagtailUsersAppConfig):
    """The users admin with the head's account management (accounts.user_admin)."""

    user_viewset = "accounts.user_admin.BoardUserViewSet"

    def ready(self):
        super().ready()
        from django.contrib.auth import get_user_model
        from wagtail.permissions import register_permission_policy

        from accounts.permissions import BoardUserPermissionPolicy

        User = get_user_model()
        register_permission_policy(User, BoardUserPermissionPolicy(User))
