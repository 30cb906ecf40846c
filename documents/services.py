"""Services of the document register.

A confidential document ("văn bản mật") keeps only its register entry: secrets are never stored
on an internet-facing server (Điều 5 "trừ tài liệu mật", Điều 6; Luật Bảo vệ bí mật nhà nước 2018,
Điều 5). `take_confidential_document_offline` is the one place that withdraws such a document,
whichever path marked it (the editor's Save draft, Submit or Publish, the create view, a script).

The models call these services when a document is saved, so the services never import the models:
they work on the page they are given, and reach its attachments through the page's own relation.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log
from wagtail.models import Page, ReferenceIndex
from wagtail.search.backends import get_search_backends

from assets.models import PortalDocument

TAKEN_OFFLINE_ACTION = "documents.confidential_taken_offline"


@dataclass
class Takedown:
    """What `take_confidential_document_offline` did, for the editor's message and the audit log."""

    unpublished: bool = False
    cancelled_schedules: list = field(default_factory=list)
    deleted_files: list = field(default_factory=list)
    detached_files: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.unpublished or self.cancelled_schedules or self.deleted_files or self.detached_files)

    def as_log_data(self):
        return {
            "unpublished": self.unpublished,
            "cancelled_schedules": self.cancelled_schedules,
            # Ids only: the titles of a secret document's files may themselves be sensitive.
            "deleted_files": self.deleted_files,
            "detached_files": self.detached_files,
        }


def attachments_of(page):
    """The attachment rows of ``page``'s model (OfficialDocumentAttachment), found by the relation."""
    return page._meta.get_field("attachments").related_model.objects


def attached_document_ids(page, extra=()):
    """Every file the document holds or ever held: attached rows, the editor's form, every revision."""
    ids = set(extra)
    if page.pk:
        ids.update(attachments_of(page).filter(page_id=page.pk).values_list("document_id", flat=True))
        for content in page.revisions.values_list("content", flat=True):
            ids.update(row.get("document") for row in (content or {}).get("attachments") or [])
    ids.update(attachment.document_id for attachment in page.attachments.all())
    ids.discard(None)
    return ids


def is_used_elsewhere(document, page):
    """Whether a file of `page` is also used by another page (attached, linked or in a block)."""
    if attachments_of(page).filter(document=document).exclude(page_id=page.pk).exists():
        return True
    page_type = ContentType.objects.get_for_model(Page)
    return (
        ReferenceIndex.get_references_to(document).exclude(base_content_type=page_type, object_id=str(page.pk)).exists()
    )


def is_taking_offline(page):
    """Whether `page` is in the middle of `take_confidential_document_offline` (its own saves)."""
    return getattr(page, "_taking_offline", False)


@transaction.atomic
def take_confidential_document_offline(page, user=None, extra_document_ids=()):
    """Withdraw a confidential document from the public at once and keep only its register entry.

    `page` is the document as the editor left it (its `confidential` box ticked). The document is
    unpublished, every scheduled publication is cancelled, its files are detached and deleted from
    storage (a file another page also uses is only detached), older revisions lose their
    attachments, the search index forgets it, and the whole is written to Wagtail's audit log.
    A moderation in progress is left alone: the head's approval of a confidential document is
    refused with the reason (workflows.rules), which tells the person who submitted it.
    Returns a `Takedown` (falsy when there was nothing to do), so running it again is harmless.
    """
    if not page.confidential or not page.pk:
        return Takedown()
    done = Takedown()
    document_ids = attached_document_ids(page, extra_document_ids)
    stored_live, stored_confidential = type(page).objects.filter(pk=page.pk).values_list("live", "confidential").get()
    has_rows = attachments_of(page).filter(page_id=page.pk).exists()
    page._taking_offline = True
    try:
        for revision in page.revisions.exclude(approved_go_live_at=None).order_by("pk"):
            done.cancelled_schedules.append(revision.approved_go_live_at.isoformat())
            revision.approved_go_live_at = None
            # Wagtail logs each cancellation ("wagtail.schedule.cancel"), as its own unschedule view does.
            revision.save(user=user, update_fields=["approved_go_live_at"])

        # Detach in memory: the save below commits it (modelcluster writes child relations).
        page.attachments = []
        if page.live or stored_live:
            page.live = True  # the stored state: Wagtail's action unpublishes only a live page
            # Whoever may mark the document confidential takes it down, publisher or not: the rule
            # is the regulation's, so Wagtail's publish-permission check is skipped.
            UnpublishPageAction(page, user=user, log_action=True).execute(skip_permission_checks=True)
            done.unpublished = True
        elif has_rows or not stored_confidential:
            page.save(clean=False)

        for revision in page.revisions.all():
            if (revision.content or {}).get("attachments"):
                revision.content["attachments"] = []
                revision.save(update_fields=["content"])

        for document in PortalDocument.objects.filter(pk__in=document_ids).order_by("pk"):
            if is_used_elsewhere(document, page):
                done.detached_files.append(document.pk)
            else:
                done.deleted_files.append(document.pk)
                # Wagtail deletes the file from storage once the transaction commits.
                document.delete()

        for backend in get_search_backends(with_auto_update=True):
            backend.delete(page)
    finally:
        page._taking_offline = False

    if done or not stored_confidential:
        log(instance=page, action=TAKEN_OFFLINE_ACTION, user=user, data=done.as_log_data())
    return done
