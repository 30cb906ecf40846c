"""Authentication backend of the portal's personal accounts."""

from django.contrib.auth.backends import ModelBackend


class PortalModelBackend(ModelBackend):
    """Django's username/password backend that also refuses accounts reported compromised.

    The password of a compromised account is already unusable; this closes the door even if a
    password is later set by hand, until the head restores the account (accounts.services).
    """

    def user_can_authenticate(self, user):
        return super().user_can_authenticate(user) and not getattr(user, "is_compromised", False)
