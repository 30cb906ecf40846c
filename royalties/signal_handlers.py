"""Reactions of the royalties app to Wagtail's publication events."""

import logging

from portal.dates import local_date
from royalties.alerts import alert_head_about_budget
from royalties.services import record_first_publication

logger = logging.getLogger(__name__)


def record_royalties_on_publish(sender, instance, **kwargs):
    """Wagtail's `page_published`: pay the authors of a page published for the first time.

    When that brings the year's royalties to 80% or 100% of the budget, the head is e-mailed.
    """
    created = record_first_publication(instance)
    if created:
        year = local_date(created[0].published_at).year
        try:
            alert_head_about_budget(year)
        except Exception:  # noqa: BLE001 — a failed alert must never undo the publication.
            logger.exception("Royalties budget alert for %s failed", year)
