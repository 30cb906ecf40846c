"""Who may manage which account (Điều 3–4): one place for the rules of the users admin.

The head of the board keeps the board's accounts without being a superuser: they add people to
one of the five groups of DESIGN §2, move them between those groups and deactivate them. A
superuser's account, or one in a group outside the board, stays out of their reach, and nobody
but a superuser deletes an account: history (audit log, royalties, revisions) names its people.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

from accounts.services import group_names

# Who sees the whole admin of DESIGN §2: the head and the members (and superusers). Contributors,
# officials and the Party Committee see their own work and the reports made for them.
EDITORIAL_GROUPS = {settings.GROUP_HEAD, settings.GROUP_MEMBER}


def is_editorial(user):
    """The head, a member or a superuser."""
    return user.is_active and (user.is_superuser or bool(group_names(user) & EDITORIAL_GROUPS))


def sees_confidential_titles(user):
    """Whether the admin may show this person the titles of confidential documents (Điều 6)."""
    return is_editorial(user)


def uses_wagtail_reports(user):
    """Whether this person may open Wagtail's built-in reports (site history, aging pages…)."""
    return is_editorial(user)


def without_confidential(pages, user):
    """``pages`` less the confidential documents, unless the person may see their titles."""
    if sees_confidential_titles(user):
        return pages
    from documents.models import OfficialDocumentPage

    return pages.exclude(pk__in=OfficialDocumentPage.objects.filter(confidential=True).values("pk"))


class BoardPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page permissions, with confidential documents unexplorable outside the board.

    `explorable_instances` feeds the explorer, the admin's page search, the sidebar's page menu
    and the site history, so one override keeps the titles out of all of them.
    """

    def explorable_instances(self, user):
        return without_confidential(super().explorable_instances(user), user)


def board_groups():
    """The five groups of DESIGN §2, the only ones a non-superuser may give."""
    return Group.objects.filter(name__in=settings.PORTAL_BOARD_GROUPS).order_by("name")


def can_manage_account(actor, account):
    """Whether ``actor`` may edit ``account``: superusers anyone, others board accounts only."""
    if actor.is_superuser:
        return True
    if account.is_superuser:
        return False
    names = {group.name for group in account.groups.all()}
    return names <= set(settings.PORTAL_BOARD_GROUPS)


def can_change_account(actor, account):
    """Whether ``actor`` may change ``account`` through the users admin (the registered policy)."""
    policy = policy_registry.get_by_type(get_user_model())
    return policy.user_has_permission_for_instance(actor, "change", account)


class BoardUserPermissionPolicy(ModelPermissionPolicy):
    """Wagtail's model permissions on users, narrowed to the accounts a person may manage.

    ``add``/``change`` come from the group's permissions (the head's, workflows 0009); ``delete``
    belongs to superusers only, whatever a group holds.
    """

    def user_has_permission(self, user, action):
        if action == "delete" and not user.is_superuser:
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and can_manage_account(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        accounts = super().instances_user_has_any_permission_for(user, actions)
        if user.is_superuser:
            return accounts
        return accounts.filter(is_superuser=False).exclude(
            groups__in=Group.objects.exclude(name__in=settings.PORTAL_BOARD_GROUPS)
        )
