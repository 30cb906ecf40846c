"""Reactions of the questions desk to Wagtail's page events."""

from qa.models import QAPage
from qa.services import mark_answered


def answer_published(sender, instance, **kwargs):
    """When an answer page goes live, its question is answered and the resident is told (once)."""
    page = instance.specific if not isinstance(instance, QAPage) else instance
    if isinstance(page, QAPage) and page.question_id:
        mark_answered(page)
