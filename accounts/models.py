"""The project's user model, swapped in before the first migration."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class User(AbstractUser):
    """A personal account: every board account belongs to one named person (Điều 6)."""

    job_title = models.CharField(
        _("job title"),
        max_length=150,
        blank=True,
        help_text=_("Position in the commune, e.g. “Công chức Văn hoá – Xã hội”."),
    )
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    compromised_at = models.DateTimeField(
        _("reported compromised at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Set when the password was reported lost or stolen; only the head can restore the account."),
    )

    class Meta(AbstractUser.Meta):
        verbose_name = pgettext_lazy("portal", "user")
        verbose_name_plural = pgettext_lazy("portal", "users")

    def __str__(self):
        return self.get_full_name() or self.username

    def get_full_name(self):
        """The name the Vietnamese way, family name first: "Nguyễn Thu Hà", as on payroll and reports.

        `last_name` holds the family and middle names ("Nguyễn Thu"), `first_name` the given name ("Hà").
        """
        return " ".join(part for part in (self.last_name.strip(), self.first_name.strip()) if part)

    @property
    def is_compromised(self):
        """Whether the account is locked after a "báo mất mật khẩu" report and awaits the head."""
        return self.compromised_at is not None
