"""The outbox's one model: an e-mail written in the same transaction as the event it reports."""

from django.core.mail import EmailMultiAlternatives
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Status(models.TextChoices):
    PENDING = "pending", _("Waiting")
    SENT = "sent", _("Sent")
    # Every retry of its task failed; the beat sweep still tries it, the head may send it again.
    FAILED = "failed", _("Failed")


def split_addresses(text):
    """The addresses stored in one field (one per line), as a list."""
    return [address for address in (line.strip() for line in (text or "").splitlines()) if address]


def join_addresses(addresses):
    return "\n".join(address.strip() for address in addresses if address and address.strip())


class Email(models.Model):
    """One outgoing e-mail, sent at most once whatever the broker or the mail server does.

    `key` says which event it reports (e.g. ``qa.question:42:receipt``,
    ``alert:digest:2026-11-30:7``): writing the same key twice creates nothing and sends nothing
    twice. `topic` names what it is about (e.g. ``qa.question:42``), for the desk and the search.
    """

    key = models.CharField(_("key"), max_length=255, unique=True)
    topic = models.CharField(_("about"), max_length=100, blank=True, db_index=True)
    from_email = models.CharField(_("from"), max_length=255, blank=True)
    recipients = models.TextField(_("recipients"), help_text=_("One address per line."))
    cc = models.TextField(_("cc"), blank=True)
    bcc = models.TextField(_("bcc"), blank=True)
    reply_to = models.TextField(_("reply to"), blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    subject = models.CharField(pgettext_lazy("portal", "subject"), max_length=998)
    body = models.TextField(_("text"), blank=True)
    html_body = models.TextField(_("HTML"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("written at"), default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"], name="outbox_email_status_created")]
        permissions = [("resend_email", _("Can send an outgoing e-mail again"))]

    def __str__(self):
        return f"{self.recipients_display}: {self.subject}"

    @property
    def recipient_list(self):
        return split_addresses(self.recipients)

    @property
    def recipients_display(self):
        return ", ".join(self.recipient_list)

    @property
    def is_sent(self):
        return self.status == Status.SENT

    def message(self, connection=None):
        """The e-mail as Django sends it; an HTML-only e-mail keeps HTML as its only body."""
        html_only = self.html_body and not self.body
        message = EmailMultiAlternatives(
            subject=self.subject,
            body=self.html_body if html_only else self.body,
            from_email=self.from_email or None,
            to=self.recipient_list,
            cc=split_addresses(self.cc),
            bcc=split_addresses(self.bcc),
            reply_to=split_addresses(self.reply_to),
            headers=dict(self.headers or {}),
            connection=connection,
        )
        if html_only:
            message.content_subtype = "html"
        elif self.html_body:
            message.attach_alternative(self.html_body, "text/html")
        return message
