"""StreamField blocks shared by every page type."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

__all__ = ["HeadingBlock", "ImageBlock", "QuoteBlock", "DocumentLinkBlock", "BodyStreamBlock", "QuickLinkBlock"]


class HeadingBlock(blocks.StructBlock):
    """A section heading inside an article."""

    text = blocks.CharBlock(label=pgettext_lazy("portal", "Text"), max_length=255)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[
            ("h2", pgettext_lazy("portal", "Heading 2")),
            ("h3", pgettext_lazy("portal", "Heading 3")),
            ("h4", pgettext_lazy("portal", "Heading 4")),
        ],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"
        preview_value = {"text": "Kết quả thực hiện nhiệm vụ", "level": "h2"}
        description = _("A heading that starts a section of the text.")


class ImageBlock(blocks.StructBlock):
    """An image with a caption; its credit comes from the image itself."""

    image = ImageChooserBlock(label=pgettext_lazy("portal", "Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = pgettext_lazy("portal", "Image")
        template = "blocks/image_block.html"
        description = _("An image with a caption and its credit.")


class QuoteBlock(blocks.StructBlock):
    """A quotation, with who said or wrote it."""

    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"
        preview_value = {"quote": "Dân biết, dân bàn, dân làm, dân kiểm tra.", "attribution": ""}
        description = _("A highlighted quotation.")


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a file of the media library."""

    document = DocumentChooserBlock(label=pgettext_lazy("portal", "File"))
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=255)

    class Meta:
        icon = "doc-full"
        label = pgettext_lazy("portal", "File")
        template = "blocks/document_link_block.html"
        description = _("A link to download a file.")


class BodyStreamBlock(blocks.StreamBlock):
    """The body of every article and page."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        features=["bold", "italic", "link", "document-link", "ol", "ul", "hr"],
    )
    image = ImageBlock()
    quote = QuoteBlock()
    document = DocumentLinkBlock()

    class Meta:
        label = _("Body")


class QuickLinkBlock(blocks.StructBlock):
    """A shortcut on the home page to a page of the site or to another government site."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External address"), required=False)

    class Meta:
        icon = "link"
        label = _("Quick link")
        template = "blocks/quick_link_block.html"
        preview_value = {"title": "Dịch vụ công trực tuyến", "url": "https://dichvucong.gov.vn/"}
        description = _("A shortcut to a page of the site or to an external address.")

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or enter an external address."))}
            )
        return value
