"""E-mail notices of the approval chain, replacing Wagtail's own workflow notifiers.

Wagtail's notifiers (wagtail/admin/mail.py) send synchronously inside the approval request, so
a failing mail server breaks approval; a rejection at the head's step does not reach the member
who approved before; "approve with comment" sends nobody the comment. Here each notice is one
e-mail per person written to the outbox in the transaction of the workflow event: it is
committed with the approval (or not at all), sent by Celery after commit with retries, and swept
by beat if the broker was down.
"""

import logging
from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import AbstractGroupApprovalTask, TaskState, WorkflowState
from wagtail.signals import task_approved, task_submitted, workflow_approved, workflow_rejected, workflow_submitted
from wagtail.users.models import UserProfile

from accounts.models import User
from workflows.services import send_notice

logger = logging.getLogger(__name__)

# Wagtail connects its notifiers with these dispatch_uids in wagtail.admin's ready(), which runs
# after ours (INSTALLED_APPS order). A signal keeps the first receiver registered under a
# dispatch_uid, so connecting ours under the same ids first leaves Wagtail's unconnected.
WAGTAIL_DISPATCH_UIDS = {
    "task_submitted": "group_approval_task_submitted_email_notification",
    "workflow_submitted": "workflow_state_submitted_email_notification",
    "workflow_rejected": "workflow_state_rejected_email_notification",
    "workflow_approved": "workflow_state_approved_email_notification",
}

# Which of the person's Wagtail notification preferences (account settings) covers an event.
PREFERENCE = {
    "submitted": "submitted_notifications",
    "approved": "approved_notifications",
    "published": "approved_notifications",
    "rejected": "rejected_notifications",
}


def notify(
    event: str,
    recipients: Iterable[User | None],
    workflow_state: WorkflowState,
    task_state: TaskState | None = None,
    actor: User | None = None,
) -> None:
    """Write one notice per person to the outbox, in the event's transaction.

    A notice that cannot be written (a template error) is logged and never stops the approval;
    the mail server is not involved until after commit.
    """
    for user in {user for user in recipients if user is not None}:
        if actor is not None and user.pk == actor.pk:
            continue
        if not user.is_active or not user.email:
            continue
        if not getattr(UserProfile.get_for_user(user), PREFERENCE[event], True):
            continue
        try:
            with transaction.atomic():
                send_notice(event, user.pk, workflow_state.pk, task_state.pk if task_state else None)
        except Exception:  # noqa: BLE001 — the approval stands; the log says which notice is missing.
            logger.exception("Workflow notice %r to user %s not written", event, user.pk)


def _authors(workflow_state: WorkflowState) -> list[User | None]:
    """The person who submitted and the page's owner: they hear how their text fares."""
    page = workflow_state.content_object
    return [workflow_state.requested_by, getattr(page, "owner", None)]


def _approvers(workflow_state: WorkflowState) -> list[User | None]:
    """Everyone who approved a step of this run of the chain (e.g. the reviewing member)."""
    return [
        state.finished_by
        for state in workflow_state.task_states.filter(status=TaskState.STATUS_APPROVED).select_related("finished_by")
    ]


def on_task_submitted(sender: type, instance: TaskState, user: User | None = None, **kwargs: Any) -> None:
    """A step starts: tell the people who may act at it (not the submitter, who cannot approve)."""
    task = instance.task.specific
    if not isinstance(task, AbstractGroupApprovalTask):
        return
    workflow_state = instance.workflow_state
    reviewers = get_user_model().objects.filter(groups__in=task.groups.all(), is_active=True).distinct()
    if hasattr(task, "user_submitted"):
        reviewers = reviewers.exclude(pk=workflow_state.requested_by_id)
    notify("submitted", reviewers, workflow_state, instance, actor=user)


def on_task_approved(sender: type, instance: TaskState, user: User | None = None, **kwargs: Any) -> None:
    """A middle step is approved: the authors hear it, with the reviewer's comment if any."""
    workflow_state = instance.workflow_state
    workflow_state.refresh_from_db(fields=["status"])
    if workflow_state.status == WorkflowState.STATUS_APPROVED:
        return  # the last step: on_workflow_approved says "published" instead
    notify("approved", _authors(workflow_state), workflow_state, instance, actor=user)


def on_workflow_approved(sender: type, instance: WorkflowState, user: User | None = None, **kwargs: Any) -> None:
    """The chain is complete: the text is published (or scheduled); authors and approvers hear it."""
    notify(
        "published",
        _authors(instance) + _approvers(instance),
        instance,
        instance.current_task_state,
        actor=user,
    )


def on_workflow_rejected(sender: type, instance: WorkflowState, user: User | None = None, **kwargs: Any) -> None:
    """Changes requested: the authors and everyone who approved an earlier step get the comment."""
    notify("rejected", _authors(instance) + _approvers(instance), instance, instance.current_task_state, actor=user)


def on_workflow_submitted(sender: type, instance: WorkflowState, user: User | None = None, **kwargs: Any) -> None:
    """Covered by on_task_submitted, which names the step and reaches its reviewers."""


def connect() -> None:
    """Connect the notices under Wagtail's dispatch_uids (see WAGTAIL_DISPATCH_UIDS)."""
    task_submitted.connect(on_task_submitted, sender=TaskState, dispatch_uid=WAGTAIL_DISPATCH_UIDS["task_submitted"])
    task_approved.connect(on_task_approved, sender=TaskState, dispatch_uid="workflows_task_approved_notice")
    workflow_submitted.connect(
        on_workflow_submitted, sender=WorkflowState, dispatch_uid=WAGTAIL_DISPATCH_UIDS["workflow_submitted"]
    )
    workflow_approved.connect(
        on_workflow_approved, sender=WorkflowState, dispatch_uid=WAGTAIL_DISPATCH_UIDS["workflow_approved"]
    )
    workflow_rejected.connect(
        on_workflow_rejected, sender=WorkflowState, dispatch_uid=WAGTAIL_DISPATCH_UIDS["workflow_rejected"]
    )
