"""The board's moderation overview in the admin (issue 4)."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from accounts.policy import may_see_moderation_overview
from workflows.services import moderation_overview


class ModerationOverviewView(WagtailAdminTemplateMixin, TemplateView):
    """What is in draft, waiting at each step, returned, scheduled and published: who and since when."""

    template_name = "workflows/reports/moderation_overview.html"
    page_title = _("Moderation overview")
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        if not may_see_moderation_overview(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sections"] = moderation_overview()
        return context
