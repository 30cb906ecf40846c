"""The board's moderation overview in the admin (issue 4)."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from workflows.services import moderation_overview

BOARD_GROUPS = [settings.GROUP_HEAD, settings.GROUP_MEMBER]


def is_board(user):
    """The head and the members of the board see the overview."""
    return user.is_active and (user.is_superuser or user.groups.filter(name__in=BOARD_GROUPS).exists())


class ModerationOverviewView(WagtailAdminTemplateMixin, TemplateView):
    """What is in draft, waiting at each step, returned, scheduled and published: who and since when."""

    template_name = "workflows/reports/moderation_overview.html"
    page_title = _("Moderation overview")
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        if not is_board(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sections"] = moderation_overview()
        return context
