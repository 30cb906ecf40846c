"""E-mail the head once when the year's royalties pass 80% of the budget, and once at 100%.

The e-mails go through the outbox, written with the publication that crossed the line, so a
stopped broker or mail server delays them but never loses them. Whether a level was already
announced is read from the budget's history (log action "royalties.budget_alert"), so no extra
column is needed; the outbox key (year, level, head) guards the e-mail itself as well.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from accounts import policy
from outbox.services import queue_email
from portal.numbers import format_money, format_percent
from royalties.models import RoyaltyBudget
from royalties.services import budget_status

logger = logging.getLogger(__name__)

ALERT_ACTION = "royalties.budget_alert"


def announced_levels(budget):
    return set(
        ModelLogEntry.objects.filter(
            content_type__app_label="royalties",
            content_type__model="royaltybudget",
            object_id=str(budget.pk),
            action=ALERT_ACTION,
        ).values_list("data__level", flat=True)
    )


def heads_of_the_board():
    return policy.heads().exclude(email="")


@transaction.atomic
def alert_head_about_budget(year):
    """Queue the e-mail of the level the year's royalties reached, unless it was sent before.

    Returns the level announced now ("warning" or "exceeded"), or None. Jumping straight past
    100% announces only "exceeded".
    """
    # Serialises two publications that cross the line at the same moment.
    budget = RoyaltyBudget.objects.select_for_update().filter(year=year).first()
    if budget is None:
        return None
    status = budget_status(year)
    if status.level is None or status.level in announced_levels(budget):
        return None
    context = {
        "year": year,
        "level": status.level,
        "percent": format_percent(status.used_percent, decimal_pos=0),
        "used": format_money(status.used),
        "budget": format_money(status.budget),
        "entries_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        + reverse("wagtailsnippets_royalties_royaltyentry:list"),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string("royalties/emails/budget_alert_subject.txt", context).split())
        body = render_to_string("royalties/emails/budget_alert.txt", context)
    for head in heads_of_the_board():
        queue_email(
            f"royalties.budget:{year}:{status.level}:{head.pk}",
            [head.email],
            subject,
            body,
            topic=f"royalties.budget:{year}",
        )
    log(instance=budget, action=ALERT_ACTION, data={"level": status.level, "used": status.used})
    return status.level
