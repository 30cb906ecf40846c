"""Creating, adjusting and totalling royalty entries (Điều 9)."""

import datetime
import logging
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from django.db import IntegrityError, transaction
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Locale

from portal.dates import local_date
from portal.numbers import format_coefficient
from royalties.models import BaseSalary, RoyaltyBudget, RoyaltyEntry, RoyaltyRate
from workflows.contract import EditorialItem

logger = logging.getLogger(__name__)

# Share of the year's budget from which the admin warns the board.
BUDGET_WARNING_RATIO = Decimal("0.8")


def responsible_person(page):
    """The person an item is credited to in royalties, reports and contributors' records.

    Each content type says who (`EditorialItem.responsible_person`): a news article, its author,
    else whoever created the page; an official document, whoever posted it; an answer, the
    official the question was assigned to, else whoever created the page. None for other page
    types or when nobody is known.
    """
    return page.responsible_person() if isinstance(page, EditorialItem) else None


def claims_for(page):
    """The royalty claims a published page gives rise to: its text, and its own photos.

    Each content type says which (`EditorialItem.royalty_claims`): the text pays its
    `responsible_person`, as a news item, an article, an item taken from elsewhere (Điều 7), a
    document posted or an answer; a news article's main image pays the person who uploaded it,
    unless the article was taken from elsewhere. Other page types pay nothing; nor does a claim
    without a known person.
    """
    claims = page.royalty_claims() if isinstance(page, EditorialItem) else []
    return [claim for claim in claims if claim.author is not None]


def text_kind(page):
    """The kind a published page's text counts as, in royalties and in the periodic report alike.

    Each content type says which (`EditorialItem.royalty_kind`): a news article, an item taken
    from elsewhere (Điều 7), an article or a news item by its genre; an official document, a
    document posted; an answer, an answer. None for other page types.
    """
    return page.royalty_kind() if isinstance(page, EditorialItem) else None


def record_first_publication(page):
    """Create the royalty entries of a page that has just been published for the first time.

    Returns the entries created. A re-publication (the page was live before), a kind without a
    rate, or a day before any base amount creates nothing; a photo already paid with another
    article is not paid again. Safe to call twice: the database refuses a second entry.

    An alias or a translation outside the default locale (the `/en/` tree) pays nothing: it
    repeats an item whose original was already paid.
    """
    if page.first_published_at is None or page.last_published_at != page.first_published_at:
        return []
    if not is_original_item(page):
        return []
    published_on = local_date(page.first_published_at)
    base = BaseSalary.objects.in_force_on(published_on)
    if base is None:
        logger.warning("No base amount in force on %s: no royalty for page %s", published_on, page.pk)
        return []
    rates = {rate.kind: rate for rate in RoyaltyRate.objects.all()}
    created = []
    for claim in claims_for(page):
        rate = rates.get(claim.kind)
        if rate is None:
            continue
        entry = RoyaltyEntry(
            kind=claim.kind,
            page=page,
            item_title=page.title[:255],
            image=claim.image,
            author=claim.author,
            published_at=page.first_published_at,
            standard_coefficient=rate.coefficient,
            coefficient=rate.coefficient,
            base_amount=base.amount,
            amount=RoyaltyEntry.compute_amount(rate.coefficient, base.amount),
        )
        try:
            # A savepoint: a duplicate must not break the publication that triggered it.
            with transaction.atomic():
                entry.save()
        except IntegrityError:
            logger.info("Royalty %s for page %s already recorded", claim.kind, page.pk)
            continue
        created.append(entry)
    return created


def is_original_item(page):
    """Whether `page` is an original item: not an alias, and in the site's default locale."""
    if page.alias_of_id is not None:
        return False
    return page.locale_id == Locale.get_default().pk


class AdjustmentRefused(ValueError):
    """The head asked for a coefficient outside the rate's range, or gave no reason."""


@transaction.atomic
def adjust_entry(entry, coefficient, reason, user):
    """Set an entry's coefficient within its rate's range, with the head's reason; log it.

    Raises AdjustmentRefused with a Vietnamese message when the coefficient is out of range or
    the reason is blank.
    """
    coefficient = Decimal(coefficient)
    reason = (reason or "").strip()
    if not reason:
        raise AdjustmentRefused(_("Give the reason for the adjustment."))
    rate = RoyaltyRate.objects.filter(kind=entry.kind).first()
    if rate is None or not rate.allows(coefficient):
        low, high = (rate.min_coefficient, rate.max_coefficient) if rate else (entry.coefficient,) * 2
        raise AdjustmentRefused(
            _("The coefficient must lie between %(low)s and %(high)s.")
            % {"low": format_coefficient(low), "high": format_coefficient(high)}
        )
    old = entry.coefficient
    entry.coefficient = coefficient
    entry.amount = RoyaltyEntry.compute_amount(coefficient, entry.base_amount)
    entry.adjustment_reason = reason
    entry.adjusted_by = user
    entry.adjusted_at = timezone.now()
    entry.save()
    log(
        instance=entry,
        action="royalties.adjust",
        user=user,
        data={"old": str(old), "new": str(coefficient), "reason": reason},
    )
    return entry


@dataclass(frozen=True)
class BudgetStatus:
    """How much of a year's royalties budget is used."""

    year: int
    budget: int | None
    used: int

    @property
    def ratio(self):
        if not self.budget:
            return None
        return Decimal(self.used) / Decimal(self.budget)

    @property
    def used_percent(self):
        """Whole percent used, rounded down: 79,99% reads "79%", never "80%" before the warning starts."""
        ratio = self.ratio
        if ratio is None:
            return None
        return (ratio * 100).to_integral_value(rounding=ROUND_FLOOR) / 100

    @property
    def share_used(self):
        """The share used, rounded down to a tenth of a percent, for the periodic report.

        79,98% reads "79,9%": a report never shows a warning threshold the budget has not reached.
        """
        ratio = self.ratio
        if ratio is None:
            return None
        return (ratio * 1000).to_integral_value(rounding=ROUND_FLOOR) / 1000

    @property
    def level(self):
        """ "exceeded" from 100% used, "warning" from 80%, else None (also without a budget)."""
        ratio = self.ratio
        if ratio is None:
            return None
        if ratio >= 1:
            return "exceeded"
        if ratio >= BUDGET_WARNING_RATIO:
            return "warning"
        return None


def budget_status(year, until=None):
    """The royalties of `year` (first published up to `until`, a date, if given) against its budget."""
    end = datetime.date(year, 12, 31) if until is None else min(until, datetime.date(year, 12, 31))
    used = (
        RoyaltyEntry.objects.published_between(datetime.date(year, 1, 1), end).aggregate(total=Sum("amount"))["total"]
        or 0
    )
    budget = RoyaltyBudget.objects.filter(year=year).values_list("amount", flat=True).first()
    return BudgetStatus(year=year, budget=budget, used=used)


def totals_by_kind(start, end):
    """{kind: (number of entries, amount)} for entries first published in [start, end]."""
    rows = (
        RoyaltyEntry.objects.published_between(start, end)
        .values("kind")
        .annotate(count=Count("pk"), total=Sum("amount"))
    )
    return {row["kind"]: (row["count"], row["total"]) for row in rows}


def totals_by_author(start, end):
    """{author id: (number of entries, amount)} for entries first published in [start, end]."""
    rows = (
        RoyaltyEntry.objects.published_between(start, end)
        .values("author")
        .annotate(count=Count("pk"), total=Sum("amount"))
    )
    return {row["author"]: (row["count"], row["total"]) for row in rows}
