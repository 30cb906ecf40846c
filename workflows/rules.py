"""Publication rules of the regulation, enforced on every path that makes a revision live.

Every path to the public goes through Wagtail's ``PublishPageRevisionAction``: the workflow's
last approval (``WorkflowState.finish`` -> ``Revision.publish``), the scheduler
(``publish_scheduled``), a script calling ``revision.publish()`` (all via ``Page.publish``) and the
editor's publish button (which builds the action itself, bypassing ``Page.publish``). The action
ends by saving the page with ``live_revision`` set to the revision being published, so
``PublicationRulesMixin`` checks both ``publish()`` (before any side effect) and ``save()`` (the
single choke point every path shares).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

CONFIDENTIAL = _("A confidential document (văn bản mật) can never be published (Điều 5, 6).")
MISSING_SOURCE = _("An article taken from elsewhere must name its source before it is published (Điều 7).")
MISSING_EVENT_DATE = _("Enter the event date: the publication deadline counts from it (Điều 8).")
MISSING_SIGNED_DATE = _("Enter the signing date: the publication deadline counts from it (Điều 8b).")


class PublicationRefused(ValidationError):
    """Raised when a revision breaks a publication rule; carries the page and the reasons."""

    def __init__(self, page, problems):
        self.page = page
        self.problems = [str(problem) for problem in problems]
        super().__init__(self.problems)

    def user_message(self):
        """The message shown to the editor, in the active language."""
        return gettext("“%(title)s” was not published: %(reasons)s Your draft is kept.") % {
            "title": self.page.title,
            "reasons": " ".join(self.problems),
        }


def publication_problems(page):
    """The rules ``page`` (a specific page, as it would go live) breaks; empty when it may go live."""
    from documents.models import OfficialDocumentPage
    from news.models import NewsCategory, NewsPage

    problems = []
    if isinstance(page, OfficialDocumentPage):
        if page.confidential:
            problems.append(CONFIDENTIAL)
        if not page.signed_date:
            problems.append(MISSING_SIGNED_DATE)
    if isinstance(page, NewsPage):
        if page.is_republished and not (page.source or "").strip():
            problems.append(MISSING_SOURCE)
        # "Other" items (Điều 8e) have no deadline, so nothing for an event date to start.
        if not page.event_date and page.category != NewsCategory.OTHER:
            problems.append(MISSING_EVENT_DATE)
    # Content opts in with its own rules (e.g. qa.QAPage: the resident's consent, Điều 8đ).
    problems.extend(getattr(page, "extra_publication_problems", list)())
    return problems


def check_publication(page):
    """Raise ``PublicationRefused`` when ``page`` may not go live."""
    problems = publication_problems(page)
    if problems:
        raise PublicationRefused(page, problems)


class PublicationRulesMixin:
    """Mixed into the content pages whose publication the regulation constrains.

    It refuses, with a ``PublicationRefused`` error, any publication of a revision that breaks
    a rule; the draft revision itself is never touched, so the editor loses nothing.
    """

    def publish(self, revision, *args, **kwargs):
        # Checked before Wagtail's action clears schedules or writes anything.
        check_publication(revision.as_object())
        return super().publish(revision, *args, **kwargs)

    def save(self, *args, **kwargs):
        if self.live and self.live_revision_id and self.pk and self._is_going_live():
            check_publication(self)
        return super().save(*args, **kwargs)

    def _is_going_live(self):
        """Whether this save makes a new revision live (the last step of every publication)."""
        stored = type(self).objects.filter(pk=self.pk).values_list("live", "live_revision_id").first()
        return stored != (True, self.live_revision_id)
