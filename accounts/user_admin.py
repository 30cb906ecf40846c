"""The users admin of the board (Điều 3–4): Wagtail's views, narrowed by accounts.permissions.

The head creates accounts in one of the five groups, moves them, deactivates them; Wagtail's
audit log records each edit, and the moves and deactivations get an entry of their own.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.permissions import policy_registry
from wagtail.users.views import users
from wagtail.users.views.bulk_actions import AssignRoleBulkAction, SetActiveStateBulkAction

from accounts.policy import board_groups
from accounts.user_forms import BoardUserCreationForm, BoardUserEditForm

ACTION_DEACTIVATED = "accounts.deactivate"
ACTION_REACTIVATED = "accounts.reactivate"
ACTION_MOVED = "accounts.change_group"


class ManagedAccountMixin:
    """Refuse (403) an account the person may not manage: a superuser's, or one outside the board."""

    def get_object(self, queryset=None):
        account = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, self.permission_required or "change", account
        ):
            raise PermissionDenied
        return account


class IndexView(users.IndexView):
    def get_base_queryset(self):
        manageable = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["add", "change", "delete"]
        )
        # The listing's buttons check each row's groups (accounts.permissions).
        return (super().get_base_queryset() & manageable).prefetch_related("groups")

    def get_edit_url(self, instance):
        if self.permission_policy.user_has_permission_for_instance(self.request.user, "change", instance):
            return super().get_edit_url(instance)
        return None


class CreateView(users.CreateView):
    def get_form_class(self):
        return super().get_form_class() if self.request.user.is_superuser else BoardUserCreationForm


class EditView(ManagedAccountMixin, users.EditView):
    def get_form_class(self):
        return super().get_form_class() if self.request.user.is_superuser else BoardUserEditForm

    def save_instance(self):
        before = type(self.object).objects.get(pk=self.object.pk)
        groups_before = set(board_groups().filter(user=before).values_list("name", flat=True))
        account = super().save_instance()
        log_account_changes(account, before, groups_before, by=self.request.user)
        return account


class DeleteView(ManagedAccountMixin, users.DeleteView):
    pass


class HistoryView(ManagedAccountMixin, users.HistoryView):
    permission_required = "change"


def log_account_changes(account, before, groups_before, *, by):
    """Audit-log entries a reader looks for: who deactivated or moved whom, and from where."""
    if before.is_active != account.is_active:
        log(instance=account, action=ACTION_REACTIVATED if account.is_active else ACTION_DEACTIVATED, user=by)
    groups_after = set(board_groups().filter(user=account).values_list("name", flat=True))
    if groups_after != groups_before:
        log(
            instance=account,
            action=ACTION_MOVED,
            user=by,
            data={"from": sorted(groups_before), "to": sorted(groups_after)},
        )


class BoardUserViewSet(users.UserViewSet):
    """Wagtail's users admin with the board's forms, templates and per-account permission checks."""

    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView
    history_view_class = HistoryView
    create_template_name = "accounts/users/create.html"
    edit_template_name = "accounts/users/edit.html"


# --- Bulk actions of the users listing, under the same rules --------------------------------


def user_policy():
    return policy_registry.get_by_type(users.User)


class BoardAssignRoleBulkAction(AssignRoleBulkAction):
    """Wagtail's "assign role", as a move: the account leaves its board group for the chosen one.

    Non-superusers choose among the five groups only and act only on accounts they may manage.
    """

    def check_perm(self, obj):
        return user_policy().user_has_permission_for_instance(self.request.user, "change", obj)

    def get_form_class(self):
        if self.request.user.is_superuser:
            return super().get_form_class()

        class BoardRoleForm(forms.Form):
            role = forms.ModelChoiceField(queryset=board_groups(), label=_("Group"))

        return BoardRoleForm

    def get_execution_context(self):
        return {**super().get_execution_context(), "user": self.request.user}

    @classmethod
    def execute_action(cls, objects, role=None, user=None, **kwargs):
        if role is None:
            return 0, 0
        board = list(board_groups())
        for account in objects:
            groups_before = {group.name for group in board if group in account.groups.all()}
            if role in board:
                account.groups.remove(*board)
            account.groups.add(role)
            log_account_changes(account, account, groups_before, by=user)
        return len(objects), 0


class BoardSetActiveStateBulkAction(SetActiveStateBulkAction):
    """Wagtail's "set active state", on manageable accounts only and written to the audit log."""

    def check_perm(self, obj):
        return user_policy().user_has_permission_for_instance(self.request.user, "change", obj)

    @classmethod
    def execute_action(cls, objects, mark_as_active=False, model=None, user=None, **kwargs):
        changed = 0
        for account in objects:
            if (user is not None and account.pk == user.pk) or account.is_active == mark_as_active:
                continue
            account.is_active = mark_as_active
            account.save(update_fields=["is_active"])
            log(instance=account, action=ACTION_REACTIVATED if mark_as_active else ACTION_DEACTIVATED, user=user)
            changed += 1
        return changed, 0
