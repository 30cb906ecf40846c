from django.apps import AppConfig
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _


class WorkflowsConfig(AppConfig):
    """The approval chain, the groups of the board, working days and deadlines (Điều 8)."""

    name = "workflows"
    verbose_name = _("Editorial workflow")

    def ready(self):
        from qa.models import Question
        from workflows.signal_handlers import set_question_due_date

        pre_save.connect(set_question_due_date, sender=Question, dispatch_uid="workflows_question_due_date")
