"""Admin hooks of the workflows app."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from workflows.rules import PublicationRefused, publication_problems
from workflows.views import ModerationOverviewView, is_board

# --- Approval chain (issue 4) ---


@hooks.register("before_publish_page")
def refuse_publication_breaking_rules(request, page):
    """The publish button: refuse with the reasons; the draft revision was saved just before."""
    problems = publication_problems(page)
    if problems:
        messages.error(request, PublicationRefused(page, problems).user_message())
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("register_log_actions")
def register_approval_log_actions(actions):
    actions.register_action(
        "workflows.head_self_approval",
        _("Final approval of own text"),
        _("Head of the board gave the final approval to a text they submitted"),
    )
    actions.register_action(
        "workflows.publication_refused",
        _("Publication refused"),
        _("Publication refused: the text breaks a rule of the regulation"),
    )


@hooks.register("register_admin_urls")
def register_moderation_overview_url():
    return [path("kiem-duyet/", ModerationOverviewView.as_view(), name="workflows_moderation_overview")]


class ModerationOverviewMenuItem(MenuItem):
    def is_shown(self, request):
        return is_board(request.user)


@hooks.register("register_reports_menu_item")
def register_moderation_overview_menu_item():
    return ModerationOverviewMenuItem(
        _("Moderation overview"), reverse("workflows_moderation_overview"), icon_name="tasks", order=50
    )
