"""Publication rules of the regulation, enforced on every path that makes a revision live.

Every path to the public goes through Wagtail's ``PublishPageRevisionAction``: the workflow's
last approval (``WorkflowState.finish`` -> ``Revision.publish``), the scheduler
(``publish_scheduled``), a script calling ``revision.publish()`` (all via ``Page.publish``) and the
editor's publish button (which builds the action itself, bypassing ``Page.publish``). The action
ends by saving the page with ``live_revision`` set to the revision being published, so
``PublicationRulesMixin`` checks both ``publish()`` (before any side effect) and ``save()`` (the
single choke point every path shares).

What may go live is each content type's to say (`EditorialItem.publication_problems`: a
confidential document never, an article taken from elsewhere not without its source, an answer
not with the words of a resident who did not consent); this module only enforces it.
"""

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext
from wagtail.models import Revision

from workflows.contract import EditorialItem


class PublicationRefused(ValidationError):
    """Raised when a revision breaks a publication rule; carries the page and the reasons."""

    def __init__(self, page: Any, problems: Sequence[str | Promise]) -> None:
        self.page = page
        self.problems = [str(problem) for problem in problems]
        super().__init__(self.problems)

    def user_message(self) -> str:
        """The message shown to the editor, in the active language."""
        return gettext("“%(title)s” was not published: %(reasons)s Your draft is kept.") % {
            "title": self.page.title,
            "reasons": " ".join(self.problems),
        }


def publication_problems(page: object) -> list[str | Promise]:
    """The rules ``page`` (a specific page, as it would go live) breaks; empty when it may go live.

    The content type says which (`EditorialItem.publication_problems`); a page of another type
    breaks none.
    """
    if isinstance(page, EditorialItem):
        return list(page.publication_problems())
    return []


def check_publication(page: object) -> None:
    """Raise ``PublicationRefused`` when ``page`` may not go live."""
    problems = publication_problems(page)
    if problems:
        raise PublicationRefused(page, problems)


class PublicationRulesMixin:
    """Mixed into the content pages whose publication the regulation constrains.

    It refuses, with a ``PublicationRefused`` error, any publication of a revision that breaks
    a rule; the draft revision itself is never touched, so the editor loses nothing.
    """

    # Mixed into a Wagtail page (the attributes below are the page's).
    live: bool
    live_revision_id: int | None
    pk: Any

    def publish(self, revision: Revision, *args: Any, **kwargs: Any) -> Any:
        # Checked before Wagtail's action clears schedules or writes anything.
        check_publication(revision.as_object())
        return super().publish(revision, *args, **kwargs)  # type: ignore[misc]

    def save(self, *args: Any, **kwargs: Any) -> Any:
        if self.live and self.live_revision_id and self.pk and self._is_going_live():
            check_publication(self)
        return super().save(*args, **kwargs)  # type: ignore[misc]

    def _is_going_live(self) -> bool:
        """Whether this save makes a new revision live (the last step of every publication)."""
        stored = type(self).objects.filter(pk=self.pk).values_list("live", "live_revision_id").first()  # type: ignore[attr-defined]
        return stored != (True, self.live_revision_id)
