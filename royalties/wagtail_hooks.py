"""Admin integration of the royalties app (placeholder, filled in below)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_royalty_log_actions(actions):
    actions.register_action(
        "royalties.adjust",
        _("Royalty adjusted"),
        _("Royalty coefficient adjusted by the head of the board"),
    )
