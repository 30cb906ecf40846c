"""Who may manage which account (Điều 3–4): one place for the rules of the users admin.

The head of the board keeps the board's accounts without being a superuser: they add people to
one of the five groups of DESIGN §2, move them between those groups and deactivate them. A
superuser's account, or one in a group outside the board, stays out of their reach, and nobody
but a superuser deletes an account: history (audit log, royalties, revisions) names its people.
"""

from django.contrib.auth import get_user_model
from wagtail import hooks
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

from accounts import policy

# Content apps say which pages only the board may see the titles of (Điều 6): a function
# registered under this Wagtail hook returns a queryset of their ids. Accounts sits below the
# content apps and never imports them; documents registers its confidential documents.
CONFIDENTIAL_PAGES_HOOK = "portal_confidential_page_ids"


def confidential_page_ids():
    """The ids of every page registered as confidential, as subqueries (see CONFIDENTIAL_PAGES_HOOK)."""
    return [ids() for ids in hooks.get_hooks(CONFIDENTIAL_PAGES_HOOK)]


def without_confidential(pages, user):
    """``pages`` less the confidential ones, unless the person may see their titles."""
    if policy.may_see_confidential_titles(user):
        return pages
    for ids in confidential_page_ids():
        pages = pages.exclude(pk__in=ids)
    return pages


class BoardPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page permissions, with confidential documents unexplorable outside the board.

    `explorable_instances` feeds the explorer, the admin's page search, the sidebar's page menu
    and the site history, so one override keeps the titles out of all of them.
    """

    def explorable_instances(self, user):
        return without_confidential(super().explorable_instances(user), user)


def can_manage_account(actor, account):
    """Whether ``actor`` may edit ``account``: superusers anyone, others board accounts only."""
    if actor.is_superuser:
        return True
    if account.is_superuser:
        return False
    return policy.has_only_board_groups(account)


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
        return accounts.filter(is_superuser=False).exclude(groups__in=policy.groups_outside_board())
