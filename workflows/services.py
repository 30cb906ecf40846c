"""Services of the approval chain: scheduled publication, e-mail notices, the moderation overview."""

import datetime
import logging
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, pgettext
from wagtail.log_actions import log
from wagtail.models import DraftStateMixin, Page, Revision, Task, TaskState, WorkflowState

from outbox.models import Email
from outbox.services import queue_email
from workflows.contract import editorial_pages
from workflows.rules import PublicationRefused

logger = logging.getLogger(__name__)


# --- Scheduled publication ------------------------------------------------------------------


def _draft_state_models() -> list[type[Any]]:
    """Page plus every other model with go-live/expiry dates, as Wagtail's publish_scheduled."""
    return [Page] + [
        model for model in apps.get_models() if issubclass(model, DraftStateMixin) and not issubclass(model, Page)
    ]


def publish_scheduled(now: datetime.datetime | None = None) -> tuple[int, int, int]:
    """Carry out due ``expire_at`` and ``go_live_at`` dates, each exactly once.

    The same steps and audit-log actions as Wagtail's ``publish_scheduled`` command, but each
    object is first claimed with one conditional UPDATE, so two runs at once (two beat ticks,
    two workers) never both publish: the database lets only one UPDATE match (on PostgreSQL the
    second waits for the first's row lock, on SQLite for the database lock). A revision that
    breaks a publication rule is unscheduled and the refusal is logged, not retried each minute.
    Returns ``(expired, published, refused)`` counts.
    """
    now = now or timezone.now()
    expired = published = refused = 0
    for model in _draft_state_models():
        for obj in model.objects.filter(live=True, expire_at__lt=now).order_by("expire_at"):
            with transaction.atomic():
                if not model.objects.filter(pk=obj.pk, live=True, expired=False).update(expired=True):
                    continue
                obj.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
                expired += 1

    for revision_pk in (
        Revision.objects.filter(approved_go_live_at__lt=now)
        .order_by("approved_go_live_at")
        .values_list("pk", flat=True)
    ):
        with transaction.atomic():
            if not Revision.objects.filter(pk=revision_pk, approved_go_live_at__isnull=False).update(
                approved_go_live_at=None
            ):
                continue
            revision = Revision.objects.get(pk=revision_pk)
            try:
                # The go_live_at in the revision is past, so Wagtail publishes it now.
                revision.publish(log_action="wagtail.publish.scheduled")
                published += 1
            except PublicationRefused as error:
                log(
                    instance=error.page,
                    action="workflows.publication_refused",
                    revision=revision,
                    data={"reasons": error.problems},
                )
                logger.warning("Scheduled publication refused: %s", error.user_message())
                refused += 1
    return expired, published, refused


# --- E-mail notices -------------------------------------------------------------------------

EVENTS = {
    "submitted": "workflows/emails/submitted",
    "approved": "workflows/emails/approved",
    "published": "workflows/emails/published",
    "rejected": "workflows/emails/rejected",
}


def _subject(event: str, context: dict[str, Any]) -> str:
    subjects = {
        "submitted": gettext("[Awaiting approval] %(title)s"),
        "approved": gettext("[Approved at “%(task)s”] %(title)s"),
        "published": gettext("[Published] %(title)s"),
        "rejected": gettext("[Changes requested] %(title)s"),
    }
    if event == "published" and context["scheduled"]:
        return gettext("[Scheduled] %(title)s") % context
    return subjects[event] % context


def notice_context(task_state: TaskState | None, workflow_state: WorkflowState) -> dict[str, Any]:
    """What an e-mail says: the page, the step, who acted, when, and the reviewer's comment."""
    page = workflow_state.content_object.specific
    task_state = task_state or workflow_state.current_task_state
    return {
        "title": page.get_admin_display_title(),
        "page": page,
        "task": task_state.task.name if task_state else "",
        "actor": task_state.finished_by if task_state and task_state.finished_by_id else workflow_state.requested_by,
        "requested_by": workflow_state.requested_by,
        "comment": task_state.comment if task_state else "",
        "when": (task_state.finished_at or task_state.started_at) if task_state else workflow_state.created_at,
        "scheduled": bool(page.go_live_at and page.go_live_at > timezone.now() and not page.live),
        "go_live_at": page.go_live_at,
        "edit_url": settings.WAGTAILADMIN_BASE_URL + reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "live_url": page.full_url if page.live else "",
    }


def send_notice(
    event: str, recipient_id: int, workflow_state_id: int, task_state_id: int | None = None
) -> Email | None:
    """Render one workflow e-mail, in Vietnamese, to one person and write it to the outbox.

    Called in the transaction of the workflow event, so the e-mail is committed with it (or not at
    all) and the outbox sends it after commit, retrying while the mail server fails. The key
    ``workflow:<event>:<workflow state>:<task state>:<person>`` names the notice: a second call
    writes and sends nothing more. Returns None when the person or the workflow is gone.
    """
    recipient = get_user_model().objects.filter(pk=recipient_id, is_active=True).exclude(email="").first()
    workflow_state = WorkflowState.objects.filter(pk=workflow_state_id).first()
    task_state = TaskState.objects.filter(pk=task_state_id).first() if task_state_id else None
    if recipient is None or workflow_state is None:
        return None
    with translation.override(settings.LANGUAGE_CODE), timezone.override(settings.TIME_ZONE):
        context = {**notice_context(task_state, workflow_state), "recipient": recipient, "event": event}
        subject = _subject(event, context)
        text = render_to_string(f"{EVENTS[event]}.txt", context)
    key = f"workflow:{event}:{workflow_state.pk}:{task_state.pk if task_state else 0}:{recipient.pk}"
    email, _created = queue_email(key, [recipient.email], subject, text, topic=f"workflow:{workflow_state.pk}")
    return email


# --- Moderation overview --------------------------------------------------------------------


def moderation_overview(limit: int = 50) -> list[tuple[str, list[dict[str, Any]]]]:
    """Pages of the content types under the chain, grouped by where they stand, newest first.

    Returns a list of ``(heading, rows)``; each row has ``page``, ``who`` and ``since``. The
    content types are the pages that implement the contract (`workflows.contract`).
    """
    content_types = ContentType.objects.get_for_models(*editorial_pages()).values()
    pages = Page.objects.filter(content_type__in=content_types).select_related("owner")
    in_progress = (
        WorkflowState.objects.active()
        .filter(base_content_type__model="page")
        .select_related("requested_by", "current_task_state__task", "current_task_state__finished_by")
    )
    # Every page in the chain stays out of the drafts, however many are listed (one query).
    waiting_ids = {int(object_id) for object_id in in_progress.values_list("object_id", flat=True)}

    def first(states: Any) -> Any:
        # The `limit` first, their pages in one query per page type (not one per state).
        return states.prefetch_related("content_object")[:limit]

    sections = []
    for task in (
        Task.objects.filter(active=True, workflow_tasks__workflow__active=True)
        .distinct()
        .order_by("workflow_tasks__sort_order")
    ):
        waiting = in_progress.filter(status=WorkflowState.STATUS_IN_PROGRESS, current_task_state__task=task)
        rows = [
            {"page": state.content_object, "who": state.requested_by, "since": state.current_task_state.started_at}
            for state in first(waiting.order_by("current_task_state__started_at", "pk"))
        ]
        sections.append((gettext("Waiting at “%(task)s”") % {"task": task.name}, rows))

    rejected = [
        {
            "page": state.content_object,
            "who": state.current_task_state.finished_by,
            "since": state.current_task_state.finished_at,
            "comment": state.current_task_state.comment,
        }
        for state in first(in_progress.filter(status=WorkflowState.STATUS_NEEDS_CHANGES).order_by("-created_at", "-pk"))
    ]
    # The revisions of these page types approved for a later go-live; filtered on the revision's
    # own content type, never on a list of every page of the site (31,000 ids at volume).
    scheduled_revisions = (
        Revision.page_revisions.filter(approved_go_live_at__isnull=False, content_type__in=content_types)
        .select_related("user")
        .order_by("approved_go_live_at")
    )
    scheduled_ids = {int(object_id) for object_id in scheduled_revisions.values_list("object_id", flat=True)}
    drafts = [
        {"page": page, "who": page.owner, "since": page.latest_revision_created_at}
        for page in pages.filter(live=False)
        .exclude(pk__in=waiting_ids | scheduled_ids)
        .order_by("-latest_revision_created_at")[:limit]
    ]
    scheduled = [
        {"page": revision.content_object, "who": revision.user, "since": revision.approved_go_live_at}
        for revision in scheduled_revisions.prefetch_related("content_object")[:limit]
    ]
    published = [
        {"page": page, "who": page.live_revision.user if page.live_revision else None, "since": page.last_published_at}
        for page in pages.filter(live=True).select_related("live_revision__user").order_by("-last_published_at")[:limit]
    ]
    sections = [
        (gettext("Drafts"), drafts),
        *sections,
        (gettext("Returned for changes"), rejected),
        (gettext("Scheduled"), scheduled),
        (pgettext("portal", "Published"), published),
    ]
    # A workflow state or revision can outlive its page (deleted by hand or by a script); such a
    # row has nothing to link to. A missing owner or author is fine: the template shows "—".
    return [(heading, [row for row in rows if row["page"] is not None]) for heading, rows in sections]
