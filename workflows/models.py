"""Models of the workflows app: the approval chain's tasks, calendar exceptions, alert bookkeeping."""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import AbstractGroupApprovalTask, Revision, TaskState

from workflows.rules import check_publication


class CalendarException(models.Model):
    """A date whose working status differs from Monday–Friday minus the statutory holidays.

    The government's yearly schedule (long Tết breaks, swapped days, make-up Saturdays "làm bù")
    is shipped as rows of this table by a data migration; the head of the board corrects and adds
    them in the admin. A row always wins over the weekday rule and the `holidays` package.
    """

    date = models.DateField(_("date"), unique=True)
    is_working_day = models.BooleanField(
        _("working day"),
        default=False,
        help_text=_("Tick for a Saturday or Sunday made a working day; leave empty for a day off."),
    )
    note = models.CharField(
        _("note"),
        max_length=255,
        blank=True,
        help_text=_("Why this day differs, and the announcement it comes from."),
    )

    class Meta:
        verbose_name = _("calendar exception")
        verbose_name_plural = _("calendar exceptions")
        ordering = ["-date"]

    def __str__(self):
        kind = _("working day") if self.is_working_day else _("day off")
        return f"{self.date:%d/%m/%Y} — {kind}"

    def date_display(self) -> str:
        """dd/mm/yyyy and the weekday, as the government's notices write them."""
        return date_format(self.date, "l, d/m/Y")

    def kind_display(self) -> str:
        """What the row makes of the day, for the admin list (Wagtail would print True/False)."""
        return str(_("working day") if self.is_working_day else _("day off"))


# --- Approval chain (issue 4): the two steps of "Quy trình phê duyệt tin bài" (DESIGN §4). ---


def _submitters(task_state_or_obj):
    """Who put the revision under review: the workflow's requester and the revision's author."""
    workflow_state = task_state_or_obj.workflow_state
    revision = task_state_or_obj.revision
    return {pk for pk in (workflow_state.requested_by_id, revision.user_id if revision else None) if pk}


def _revision_authors(workflow_state):
    """Everyone who wrote any revision of the object under review (issue 16, item 6).

    A member who drafted a text and had a colleague submit it is still its author: the four eyes
    of the review step must be two people other than every hand that wrote it.
    """
    return set(
        Revision.objects.filter(
            base_content_type_id=workflow_state.base_content_type_id,
            object_id=workflow_state.object_id,
            user__isnull=False,
        ).values_list("user_id", flat=True)
    )


def _authors_and_submitters(task_state):
    return _submitters(task_state) | _revision_authors(task_state.workflow_state)


class BoardReviewTask(AbstractGroupApprovalTask):
    """The members' review step: group approval in which nobody approves their own text.

    The regulation wants a second person to check every text before the head sees it ("four
    eyes"); the submitter, and whoever wrote any revision of the text, may only comment or
    request changes.
    """

    def _current_task_state(self, obj):
        workflow_state = getattr(obj, "current_workflow_state", None)
        task_state = workflow_state.current_task_state if workflow_state else None
        return task_state if task_state and task_state.task_id == self.pk else None

    def user_submitted(self, obj, user):
        """Whether ``user`` submitted the text now waiting at this step, or wrote any revision of it."""
        task_state = self._current_task_state(obj)
        return bool(task_state) and user.pk in _authors_and_submitters(task_state)

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if self.user_submitted(obj, user):
            return [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve" and user.pk in _authors_and_submitters(task_state):
            # The admin hides the button; this also stops a hand-made POST or a script.
            raise PermissionDenied(_("You wrote or submitted this text: another member of the board must approve it."))
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        wrote_a_revision = Revision.objects.filter(
            base_content_type_id=OuterRef("workflow_state__base_content_type_id"),
            object_id=OuterRef("workflow_state__object_id"),
            user=user,
        )
        return states.exclude(workflow_state__requested_by=user).exclude(Exists(wrote_a_revision))

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups review the text; nobody approves their own submission.")

    class Meta:
        verbose_name = _("board review task")
        verbose_name_plural = _("board review tasks")


class HeadApprovalTask(AbstractGroupApprovalTask):
    """The head's final approval: approving publishes, or schedules when ``go_live_at`` is ahead.

    The head has the regulation's last word, even on their own text; such an approval is
    recorded in the audit log as a self-approval so that it stays visible.
    """

    def start(self, workflow_state, user=None):
        # Wagtail resumes a rejected text at the step that rejected it, keeping the members'
        # earlier approval; the board wants a reworked text reviewed again from the first step.
        earlier_step = self._step_to_restart(workflow_state)
        if earlier_step is not None:
            return earlier_step.start(workflow_state, user=user)
        return super().start(workflow_state, user=user)

    def _step_to_restart(self, workflow_state):
        """The first earlier step whose approval predates the latest request for changes."""
        states = workflow_state.task_states.all()
        rejected_at = (
            states.filter(status=TaskState.STATUS_REJECTED)
            .order_by("-finished_at")
            .values_list("finished_at", flat=True)
        ).first()
        if rejected_at is None:
            return None
        for workflow_task in workflow_state.workflow.workflow_tasks.select_related("task").order_by("sort_order"):
            task = workflow_task.task
            if task.pk == self.pk:
                return None
            if not task.active:
                continue
            if not states.filter(task=task, status=TaskState.STATUS_APPROVED, finished_at__gt=rejected_at).exists():
                return task.specific
        return None

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            # Refuse before the task is marked approved, so the text stays waiting at this step.
            check_publication(task_state.revision.as_object())
            if user.pk in _submitters(task_state):
                log(
                    instance=task_state.workflow_state.content_object.specific,
                    action="workflows.head_self_approval",
                    user=user,
                    revision=task_state.revision,
                    data={"task_state_id": task_state.pk},
                )
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _("The head of the board gives the final approval; approving publishes the text.")

    class Meta:
        verbose_name = _("head approval task")
        verbose_name_plural = _("head approval tasks")
