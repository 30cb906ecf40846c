"""Admin forms of the media library (WAGTAILIMAGES_IMAGE_FORM_BASE, WAGTAILDOCS_DOCUMENT_FORM_BASE)."""

from django import forms
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from accounts.policy import may_change_live_media
from assets.permissions import USED_BY_LIVE_PAGE, is_used_by_live_page


class LiveMediaFormMixin:
    """Refuses a new file for an image or file that a live page uses, unless the head uploads it."""

    def __init__(self, *args, **kwargs):
        self.editing_user = kwargs.get("user")
        super().__init__(*args, **kwargs)

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if (
            "file" in self.changed_data
            and self.instance.pk
            and not (self.editing_user and may_change_live_media(self.editing_user))
            and is_used_by_live_page(self.instance)
        ):
            raise forms.ValidationError(USED_BY_LIVE_PAGE, code="used_by_live_page")
        return file


class PortalImageForm(LiveMediaFormMixin, BaseImageForm):
    pass


class PortalDocumentForm(LiveMediaFormMixin, BaseDocumentForm):
    pass
