"""Custom image and file models for the media library (decided before the first migration)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image

from assets.validators import validate_document_content


class PortalImage(AbstractImage):
    """An image with the credit line that Điều 7 requires for material from elsewhere."""

    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_("Photographer or source of the image, shown under it, e.g. “Ảnh: Nguyễn Văn A”."),
    )

    admin_form_fields = Image.admin_form_fields + ("credit",)

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class PortalRendition(AbstractRendition):
    """A resized copy of a PortalImage."""

    image = models.ForeignKey(PortalImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class PortalDocument(AbstractDocument):
    """A file in the media library (attachments of official documents and articles)."""

    admin_form_fields = Document.admin_form_fields

    def clean(self):
        """Wagtail's extension check, then ours by content (see assets.validators)."""
        super().clean()
        # Only a newly uploaded file is read; stored files were checked when they came in.
        if self.file and not self.file._committed:
            try:
                validate_document_content(self.file)
            except ValidationError as error:
                raise ValidationError({"file": error.messages}) from error

    class Meta(AbstractDocument.Meta):
        verbose_name = pgettext_lazy("portal", "file")
        verbose_name_plural = _("files")
