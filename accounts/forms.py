"""Forms of the two-factor login pages."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class TokenForm(forms.Form):
    """One field for a six-digit code from the app or a recovery code."""

    token = forms.CharField(
        label=_("Verification code"),
        max_length=40,
        help_text=_("The six-digit code shown by your authenticator app, or one of your recovery codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "inputmode": "text"}),
    )


class PortalLoginForm(LoginForm):
    """Wagtail's login form with a label on the password field.

    Wagtail declares the field without one, so Django shows its name, the English "Password".
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
