"""Models of the editorial workflow app (calendar exceptions, approval tasks) live here."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarException(models.Model):
    """A date whose working status differs from Monday–Friday minus the statutory holidays.

    The government's yearly schedule (long Tết breaks, swapped days, make-up Saturdays "làm bù")
    is shipped as rows of this table by a data migration; the head of the board corrects and adds
    them in the admin. A row always wins over the weekday rule and the `holidays` package.
    """

    date = models.DateField(_("date"), unique=True)
    is_working_day = models.BooleanField(
        _("working day"),
        default=False,
        help_text=_("Tick for a Saturday or Sunday made a working day; leave empty for a day off."),
    )
    note = models.CharField(
        _("note"),
        max_length=255,
        blank=True,
        help_text=_("Why this day differs, and the announcement it comes from."),
    )

    class Meta:
        verbose_name = _("calendar exception")
        verbose_name_plural = _("calendar exceptions")
        ordering = ["-date"]

    def __str__(self):
        kind = _("working day") if self.is_working_day else _("day off")
        return f"{self.date:%d/%m/%Y} — {kind}"


class AlertDelivery(models.Model):
    """One alert e-mail to one person, claimed once so that it is sent once.

    The unique `key` (e.g. ``digest:2025-03-10:42``) is inserted in a transaction before the
    e-mail is queued: a second beat run, or a restarted worker, finds the row and sends nothing.
    `sent_at` stays empty until the mail server has accepted the message.
    """

    key = models.CharField(_("key"), max_length=150, unique=True)
    kind = models.CharField(_("kind"), max_length=40, db_index=True)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="alert_deliveries",
    )
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("body"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("alert delivery")
        verbose_name_plural = _("alert deliveries")
        ordering = ["-created_at"]

    def __str__(self):
        return self.key
