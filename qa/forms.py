"""The public forms of the questions section: asking a question and looking it up by code."""

import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from qa.models import Question
from qa.protection import form_token_age, make_form_token

PHONE_PATTERN = re.compile(r"^\+?[0-9 .()-]{8,20}$")

# What people type between the groups of a tracking code: spaces, hyphens, the dashes a phone's
# keyboard or a word processor substitutes, dots and slashes.
TRACKING_CODE_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212./_]+")


class QuestionForm(forms.ModelForm):
    """A resident's question; the personal fields stay private (DESIGN §6).

    `website` is a honeypot that people never see (hidden and skipped by screen readers);
    `form_token` is a signed time stamp of when the form was shown.
    """

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Question
        fields = ["name", "email", "phone", "address", "topic", "title", "body", "consent_to_publish"]
        labels = {
            "name": _("Full name"),
            "email": _("E-mail"),
            "phone": _("Phone"),
            "address": _("Address (optional)"),
            "topic": _("Topic"),
            "title": _("Title of your question"),
            "body": _("Your question"),
            "consent_to_publish": _(
                "I agree that my question, without my name or contact details, is published with its answer"
            ),
        }
        help_texts = {
            "email": _(
                "We send the tracking code and the answer to this address. No e-mail? Give a phone number "
                "and keep the tracking code shown after sending."
            ),
            "consent_to_publish": "",
        }
        widgets = {
            "body": forms.Textarea(attrs={"rows": 8}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            # One line for the whole address: "street-address" is for multi-line fields only (HTML).
            "address": forms.TextInput(attrs={"autocomplete": "address-line1"}),
        }

    def __init__(self, *args, now=None, **kwargs):
        self.now = now
        super().__init__(*args, **kwargs)
        # A refused form gets a fresh token, so sending it again after correcting works.
        self.initial["form_token"] = make_form_token(now)
        for field in self.fields.values():
            field.error_messages["required"] = _("Please fill in this field.")
        self.fields["body"].widget.attrs["maxlength"] = settings.QA_QUESTION_MAX_LENGTH

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if len(name) < 2:
            raise forms.ValidationError(_("Please write your full name."))
        return name

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not PHONE_PATTERN.match(phone):
            raise forms.ValidationError(_("Please write a phone number with digits only, e.g. 0912 345 678."))
        return phone

    def clean_title(self):
        # One line: the title is repeated in the receipt e-mail, where line breaks would let the
        # sender write paragraphs of their own in the commune's name.
        return " ".join(self.cleaned_data["title"].split())

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if len(body) < 20:
            raise forms.ValidationError(_("Please describe your question in at least 20 characters."))
        if len(body) > settings.QA_QUESTION_MAX_LENGTH:
            raise forms.ValidationError(
                _("Please keep your question under %(limit)s characters.")
                % {"limit": f"{settings.QA_QUESTION_MAX_LENGTH:,}".replace(",", ".")}
            )
        return body

    def clean(self):
        cleaned = super().clean()
        # E-mail is optional (DESIGN §6), but the commune must be able to reach the resident somehow.
        if not cleaned.get("email") and not cleaned.get("phone") and not self.has_error("email"):
            if not self.has_error("phone"):
                self.add_error("email", _("Please give an e-mail address or a phone number, so that we can reach you."))
        if self.cleaned_data.get("website"):
            # Shown, never silently dropped: a person whose browser filled it can clear it.
            self.add_error("website", _("This field must stay empty. Please clear it and send your question again."))
        age = form_token_age(self.data.get("form_token", ""), now=self.now)
        if age is None:
            raise forms.ValidationError(
                _("The form could not be checked. Please send your question again."), code="token"
            )
        if age < settings.QA_FORM_MIN_SECONDS:
            raise forms.ValidationError(
                _("The form was sent too quickly. Please check your question and send it again."), code="too_fast"
            )
        if age > settings.QA_FORM_MAX_AGE:
            raise forms.ValidationError(
                _("The form has expired. Your text is kept below: please send it again."), code="expired"
            )
        return cleaned


class LookupForm(forms.Form):
    """The tracking code a resident received, e.g. TC-7KQ2-M9XD-4HPA."""

    code = forms.CharField(
        label=_("Tracking code"),
        max_length=30,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "placeholder": "TC-XXXX-XXXX-XXXX"}
        ),
    )

    def clean_code(self):
        # Residents copy the code by hand or read it over the phone: accept lower case, stray
        # spaces, any dash or none, and the code without its "TC" prefix.
        typed = TRACKING_CODE_SEPARATORS.sub("", self.cleaned_data["code"]).upper()
        if typed.startswith("TC") and len(typed) == 14:
            typed = typed[2:]
        if len(typed) == 12:
            return f"TC-{typed[:4]}-{typed[4:8]}-{typed[8:]}"
        return typed
