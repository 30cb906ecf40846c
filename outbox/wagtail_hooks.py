"""Admin registration of the outbox (a read-only ModelViewSet) and its audit-log action."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy
from wagtail.utils.urlpatterns import decorate_urlpatterns

from outbox.admin_views import (
    EmailFilterSet,
    EmailIndexView,
    EmailInspectView,
    OutboxPermissionPolicy,
    ResendView,
    head_only,
)
from outbox.models import Email
from outbox.services import RESEND_ACTION

register_permission_policy(Email, OutboxPermissionPolicy(Email))


class EmailViewSet(ModelViewSet):
    """Outgoing e-mails: every e-mail the portal wrote, whether it went out, and why not."""

    model = Email
    name = "outbox_email"
    url_prefix = "hop-thu-di"
    icon = "mail"
    menu_label = _("Outgoing e-mails")
    menu_name = "hop-thu-di"
    menu_order = 900
    add_to_admin_menu = True
    index_view_class = EmailIndexView
    inspect_view_class = EmailInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = EmailFilterSet
    # Wagtail's ModelViewSet asks for form fields; nobody may add or edit (OutboxPermissionPolicy).
    form_fields = ["subject"]
    list_display = [
        "subject",
        Column("recipients", label=pgettext_lazy("portal", "To"), accessor="recipients_display"),
        Column("status", label=pgettext_lazy("portal", "Status"), accessor="get_status_display"),
        DateColumn("created_at", label=_("Written")),
        DateColumn("sent_at", label=_("Sent")),
        Column("attempts", label=_("Attempts")),
        Column("last_error", label=_("Last error")),
    ]
    inspect_view_fields = [
        "subject",
        "recipients",
        "cc",
        "from_email",
        "status",
        "created_at",
        "sent_at",
        "attempts",
        "last_attempt_at",
        "last_error",
        "topic",
        "key",
        "body",
    ]
    search_fields = ["recipients", "cc", "subject", "topic", "key"]
    ordering = ["-created_at", "-pk"]

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns() + [path("<int:pk>/gui-lai/", ResendView.as_view(), name="resend")]
        return decorate_urlpatterns(patterns, head_only)


@hooks.register("register_admin_viewset")
def register_outbox_viewset():
    return EmailViewSet()


@hooks.register("register_log_actions")
def register_outbox_log_actions(actions):
    actions.register_action(RESEND_ACTION, _("Send e-mail again"), _("E-mail sent again"))
