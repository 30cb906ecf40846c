"""Royalties ("nhuận bút", Điều 9): rates, the base amount, the yearly budget and the entries paid.

An entry's amount is its coefficient times the base amount ("mức lương cơ sở") in force on the
day of first publication. Both are copied onto the entry when it is created, so a later change
of the rate table or of the base amount never rewrites a month that was already paid.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.dates import local_day_bounds


class RoyaltyKind(models.TextChoices):
    """What a royalty is paid for; one rate per kind."""

    NEWS_ITEM = "tin", _("News item")
    ARTICLE = "bai", _("Article")
    PHOTO = "anh", _("Photo")
    DOCUMENT = "van-ban", _("Document posted")
    ANSWER = "tra-loi", _("Answer to a resident")
    REPUBLISHED = "dang-lai", _("Item taken from elsewhere")


def _coefficient_field(verbose_name, help_text):
    return models.DecimalField(
        verbose_name,
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
        help_text=help_text,
    )


class RoyaltyRate(models.Model):
    """The coefficient paid for one kind of item, and the range the head may adjust it within."""

    kind = models.CharField(_("kind"), max_length=20, choices=RoyaltyKind.choices, unique=True)
    coefficient = _coefficient_field(
        _("coefficient"), _("Times the base amount (mức lương cơ sở), e.g. 0.10 for a news item.")
    )
    min_coefficient = _coefficient_field(
        _("lowest coefficient"), _("The head may lower an entry's coefficient down to this value.")
    )
    max_coefficient = _coefficient_field(
        _("highest coefficient"), _("The head may raise an entry's coefficient up to this value.")
    )
    note = models.CharField(
        _("note"), max_length=255, blank=True, help_text=_("Where the rate comes from, e.g. the board's decision.")
    )

    class Meta:
        verbose_name = _("royalty rate")
        verbose_name_plural = _("royalty rates")
        ordering = ["kind"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.coefficient}"

    def clean(self):
        if None in (self.coefficient, self.min_coefficient, self.max_coefficient):
            return
        if not self.min_coefficient <= self.coefficient <= self.max_coefficient:
            raise ValidationError(
                {"coefficient": _("The coefficient must lie between the lowest and the highest coefficient.")}
            )

    def allows(self, coefficient):
        """Whether `coefficient` lies within this rate's range."""
        return self.min_coefficient <= coefficient <= self.max_coefficient


class BaseSalaryQuerySet(models.QuerySet):
    def in_force_on(self, day):
        """The base amount that applies on `day`, or None before the first one."""
        return self.filter(effective_from__lte=day).order_by("-effective_from").first()


class BaseSalary(models.Model):
    """The base amount ("mức lương cơ sở") in VND, from the day the government applies it."""

    amount = models.PositiveBigIntegerField(
        _("amount (VND)"), validators=[MinValueValidator(1)], help_text=_("In đồng, e.g. 2340000.")
    )
    effective_from = models.DateField(_("applies from"), unique=True)
    legal_basis = models.CharField(
        _("legal basis"), max_length=255, blank=True, help_text=_("e.g. Nghị định 73/2024/NĐ-CP.")
    )

    objects = BaseSalaryQuerySet.as_manager()

    class Meta:
        verbose_name = _("base amount")
        verbose_name_plural = _("base amounts")
        ordering = ["-effective_from"]

    def __str__(self):
        return f"{self.amount} ({self.effective_from:%d/%m/%Y})"


class RoyaltyBudget(models.Model):
    """The royalties budget of one calendar year, as approved by the chairman (Điều 5)."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True, validators=[MinValueValidator(2000)])
    amount = models.PositiveBigIntegerField(_("amount (VND)"), help_text=_("In đồng."))
    note = models.CharField(
        _("note"), max_length=255, blank=True, help_text=_("e.g. the decision approving the budget.")
    )

    class Meta:
        verbose_name = _("royalties budget")
        verbose_name_plural = _("royalties budgets")
        ordering = ["-year"]

    def __str__(self):
        return str(self.year)


class RoyaltyEntryQuerySet(models.QuerySet):
    def published_between(self, start, end):
        """Entries whose item was first published on a local date in [start, end]."""
        first, after_last = local_day_bounds(start, end)
        return self.filter(published_at__gte=first, published_at__lt=after_last)


class RoyaltyEntry(models.Model):
    """What one author is owed for one published item (or one photo), created at first publication.

    Invariant: one entry per page, kind and author, and one per photo, enforced by the database,
    so a re-publication or a concurrent publish never pays twice.
    """

    kind = models.CharField(_("kind"), max_length=20, choices=RoyaltyKind.choices)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=pgettext_lazy("portal", "item"),
        null=True,
        blank=True,
        # A paid entry outlives the page: the money was paid even if the page is deleted later.
        on_delete=models.SET_NULL,
        related_name="royalty_entries",
    )
    item_title = models.CharField(_("title"), max_length=255)
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="royalty_entries",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="royalty_entries",
    )
    published_at = models.DateTimeField(pgettext_lazy("portal", "first published at"), db_index=True)
    standard_coefficient = _coefficient_field(_("rate coefficient"), _("The rate's coefficient on that day."))
    coefficient = _coefficient_field(_("coefficient"), _("The coefficient paid; the head may adjust it."))
    base_amount = models.PositiveBigIntegerField(_("base amount (VND)"))
    amount = models.PositiveBigIntegerField(_("amount (VND)"))
    adjustment_reason = models.TextField(_("reason for adjustment"), blank=True)
    adjusted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("adjusted by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    adjusted_at = models.DateTimeField(_("adjusted at"), null=True, blank=True)

    objects = RoyaltyEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("royalty entry")
        verbose_name_plural = _("royalty entries")
        ordering = ["-published_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "kind", "author"],
                condition=Q(image__isnull=True),
                name="royalty_once_per_item_and_author",
            ),
            models.UniqueConstraint(
                fields=["image"],
                condition=Q(kind="anh"),
                name="royalty_once_per_photo",
            ),
        ]

    def __str__(self):
        return f"{self.item_title} — {self.author}"

    @staticmethod
    def compute_amount(coefficient, base_amount):
        """Coefficient × base amount, rounded to the nearest đồng (halves up)."""
        return int((Decimal(coefficient) * Decimal(base_amount)).quantize(Decimal("1"), rounding=ROUND_HALF_UP))

    @property
    def is_adjusted(self):
        return self.coefficient != self.standard_coefficient
