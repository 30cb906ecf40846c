"""The outbox in the Wagtail admin: a read-only listing for the head, and "send again".

Nobody adds, edits or deletes an outgoing e-mail, superusers included: the listing is a record of
what the portal wrote to whom. Seeing it takes the `outbox.view_email` right and sending one
again `outbox.resend_email`; the migrations give both to the head of the board only.
"""

from functools import wraps

import django_filters
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView, InspectView, WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy

from outbox import services
from outbox.models import Email, Status


class OutboxPermissionPolicy(ModelPermissionPolicy):
    """Read-only for everyone; "resend" is its own right."""

    never = ("add", "change", "delete", "copy")

    def user_has_permission(self, user, action):
        if action in self.never:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action not in self.never])


class EmailFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=pgettext_lazy("portal", "Status"), choices=Status.choices)

    class Meta:
        model = Email
        fields = ["status"]


def policy():
    return OutboxPermissionPolicy(Email)


def forbidden(request):
    """A 403 in the admin's own look, for whoever is not the head of the board."""
    return TemplateResponse(request, "outbox/forbidden.html", {"page_title": _("Outgoing e-mails")}, status=403)


def head_only(view):
    """Wrap an outbox view: a real 403 for everyone without the view right (Wagtail's own check
    would send them to the dashboard instead)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not policy().user_has_permission(request.user, "view"):
            return forbidden(request)
        return view(request, *args, **kwargs)

    return wrapper


def resend_url(email):
    return reverse("outbox_email:resend", args=[email.pk])


def may_resend(user, email):
    return not email.is_sent and policy().user_has_permission(user, "resend")


class EmailIndexView(IndexView):
    """The listing: newest first, with "send again" on what has not gone out."""

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if may_resend(self.request.user, instance):
            buttons.append(Button(_("Send again"), url=resend_url(instance), icon_name="mail", priority=40))
        return buttons


class EmailInspectView(InspectView):
    """One e-mail as written, with its state, its attempts and the mail server's last error."""

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if may_resend(self.request.user, self.object):
            buttons.append(HeaderButton(_("Send again"), url=resend_url(self.object), icon_name="mail"))
        return buttons


class ResendView(WagtailAdminTemplateMixin, TemplateView):
    """GET asks to confirm, POST hands the e-mail to Celery again (for the head only)."""

    template_name = "outbox/resend.html"
    page_title = gettext_lazy("Send again")
    header_icon = "mail"

    def dispatch(self, request, pk):
        self.email = get_object_or_404(Email, pk=pk)
        if not policy().user_has_permission(request.user, "resend"):
            return forbidden(request)
        if self.email.is_sent:
            messages.info(request, _("This e-mail was sent already."))
            return redirect("outbox_email:inspect", self.email.pk)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return self.email.subject

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            email=self.email,
            inspect_url=reverse("outbox_email:inspect", args=[self.email.pk]),
            **kwargs,
        )

    def post(self, request, pk):
        if services.resend(self.email, by=request.user):
            to = self.email.recipients_display
            messages.success(request, _("The e-mail to %(to)s is being sent again.") % {"to": to})
        else:
            messages.info(request, _("This e-mail was sent already."))
        return redirect("outbox_email:inspect", self.email.pk)
