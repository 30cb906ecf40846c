from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowsConfig(AppConfig):
    """The approval chain, the groups of the board, working days and deadlines (Điều 8)."""

    name = "workflows"
    verbose_name = _("Editorial workflow")

    def ready(self) -> None:
        # Approval chain (issue 4): must run before wagtail.admin's ready(); see notifications.py.
        from workflows import notifications

        notifications.connect()
