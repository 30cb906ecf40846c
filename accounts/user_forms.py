"""The head's forms for board accounts: one of the five groups, never administrator rights."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm

from accounts.policy import board_groups

ACCOUNT_FIELDS = {"username", "email", "first_name", "last_name", "job_title", "phone", "groups"}


class SingleChoiceRadioSelect(forms.RadioSelect):
    """Radio buttons that hand a hand-made POST with several values to the field as a list, refused."""

    def value_from_datadict(self, data, files, name):
        values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]
        return values[0] if len(values) == 1 else values


class BoardGroupField(forms.ModelChoiceField):
    """Exactly one of the board's five groups (DESIGN §2), cleaned to the list a `groups` M2M takes."""

    def __init__(self, **kwargs):
        super().__init__(
            queryset=board_groups(),
            label=_("Group"),
            help_text=_("Each account belongs to exactly one group of the board (Điều 3–4)."),
            widget=SingleChoiceRadioSelect,
            empty_label=None,
            **kwargs,
        )

    def clean(self, value):
        group = super().clean(value)
        return [group] if group else []


def initial_group(form):
    """Preselect the account's board group when editing."""
    if form.instance.pk:
        group = board_groups().filter(pk__in=form.instance.groups.all()).first()
        form.initial["groups"] = group.pk if group else None


class BoardUserCreationForm(UserCreationForm):
    """Wagtail's new-user form without the administrator flag and with a single board group.

    Only the declared fields are read from the POST: a hand-made `is_superuser`, `is_staff` or
    `user_permissions` is ignored.
    """

    is_superuser = None
    groups = BoardGroupField()

    class Meta(UserCreationForm.Meta):
        fields = ACCOUNT_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        initial_group(self)


class BoardUserEditForm(UserEditForm):
    """Wagtail's edit-user form for the head: move between the five groups or deactivate.

    Editing one's own account leaves out the group and the active flag, so that the head cannot
    lock themselves out or leave the board without a head by mistake.
    """

    is_superuser = None
    groups = BoardGroupField()

    class Meta(UserEditForm.Meta):
        fields = ACCOUNT_FIELDS | {"is_active"}

    def __init__(self, *args, editing_self=False, **kwargs):
        # UserEditForm removes is_superuser itself when editing oneself; it is already gone here.
        super(UserEditForm, self).__init__(*args, **kwargs)
        if editing_self:
            del self.fields["is_active"]
            del self.fields["groups"]
        else:
            initial_group(self)
