"""Official documents (văn bản) and their register (/van-ban/)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q, Value
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from documents.choices import DocumentType, SubjectArea
from documents.filters import DocumentFilter
from documents.forms import OfficialDocumentPageForm
from documents.issuers import Issuer
from documents.services import is_taking_offline, take_confidential_document_offline
from portal.pages import ViewRestrictionsInOneQuery, public
from portal.paginate import paginate, query_string_without_page
from portal.text import TransliteratedSlugMixin
from royalties.models import RoyaltyKind
from workflows.contract import EditorialItem
from workflows.deadlines import DOCUMENT
from workflows.rules import PublicationRulesMixin

DOCUMENTS_PER_PAGE = 20

CONFIDENTIAL_WITH_FILES = _(
    "A confidential document (văn bản mật) keeps only its register entry: remove every attached file "
    "before saving. The files are then deleted from the server (Điều 5, 6)."
)

# Publication rules (workflows.rules enforces them on every publish path).
CONFIDENTIAL = _("A confidential document (văn bản mật) can never be published (Điều 5, 6).")
MISSING_SIGNED_DATE = _("Enter the signing date: the publication deadline counts from it (Điều 8b).")

# Only documents "do Ủy ban nhân dân xã ban hành" have the deadline of Điều 8b.
ISSUERS_WITH_DEADLINE = (Issuer.UBND_XA.value,)


class DocumentIndexPage(ViewRestrictionsInOneQuery, TransliteratedSlugMixin, Page):
    """The searchable register of official documents, with filters (see documents.filters)."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["documents.OfficialDocumentPage"]

    class Meta:
        verbose_name = _("document register page")
        verbose_name_plural = _("document register pages")

    def get_documents(self):
        """The public documents of the register, most recently signed first."""
        return public_documents().child_of(self).order_by("-signed_date", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        document_filter = DocumentFilter(request.GET or None, queryset=self.get_documents())
        context.update(
            filter=document_filter,
            documents=paginate(request, document_filter.qs, DOCUMENTS_PER_PAGE),
            query_string=query_string_without_page(request),
        )
        return context


def public_documents():
    """Documents a resident may see: live, not behind a privacy setting, never confidential."""
    return public(OfficialDocumentPage.objects.live()).filter(confidential=False)


class OfficialDocumentPage(
    EditorialItem, PublicationRulesMixin, ViewRestrictionsInOneQuery, TransliteratedSlugMixin, Page
):
    """One official document with its legal metadata and attached files.

    A confidential document ("văn bản mật") is never published nor served (Điều 5, 6). The
    commune People's Committee's documents must go out within 1 working day of signing (Điều 8b);
    whoever posts a document answers for it and is paid for it (Điều 9).
    """

    # A confidential document is never published (Điều 5, 6), so it has no deadline to miss.
    deadline_filter = Q(signed_date__isnull=False, confidential=False, issuer__in=ISSUERS_WITH_DEADLINE)
    deadline_start_field = "signed_date"
    deadline_fields = ("signed_date", "issuer", "confidential")
    deadline_kinds = ((Q(), DOCUMENT),)
    publishable = Q(confidential=False)

    number = models.CharField(
        _("document number"),
        max_length=64,
        help_text=_("The document number exactly as printed on it, e.g. “63/QĐ-UBND”."),
    )
    document_type = models.CharField(
        _("document type"), max_length=20, choices=DocumentType.choices, default=DocumentType.DECISION
    )
    issuing_body = models.CharField(
        _("issuing body"),
        max_length=255,
        default="UBND xã Tân Cương",
        help_text=_("The agency that issued the document."),
    )
    # The default is the commune People's Committee, as for `issuing_body`: most documents of a
    # commune register are its own, and a forgotten choice then shows a deadline the board can
    # see and correct, instead of silently hiding a late commune document (Điều 8b).
    issuer = models.CharField(
        _("issuer"),
        max_length=20,
        choices=Issuer.choices,
        default=Issuer.UBND_XA,
        db_index=True,
        help_text=_(
            "Who issued the document. Only documents of the commune People's Committee must be "
            "published within 1 working day of signing (Điều 8b); the others have no deadline."
        ),
    )
    signer = models.CharField(
        _("signed by"), max_length=255, blank=True, help_text=_("The person who signed the document.")
    )
    signed_date = models.DateField(
        _("signing date"),
        null=True,
        blank=True,
        help_text=_(
            "For a document of the commune People's Committee, the publication deadline "
            "(1 working day) counts from this date."
        ),
    )
    effective_date = models.DateField(_("effective from"), null=True, blank=True)
    expiry_date = models.DateField(
        _("effective until"), null=True, blank=True, help_text=_("Leave empty while the document is in force.")
    )
    summary = models.TextField(_("summary"), help_text=_("The abstract (“trích yếu”): what the document is about."))
    subject_area = models.CharField(
        _("subject area"), max_length=30, choices=SubjectArea.choices, default=SubjectArea.ADMINISTRATION
    )
    confidential = models.BooleanField(
        _("confidential"),
        default=False,
        help_text=_("A confidential document (văn bản mật) can never be published or served."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("number"),
                FieldPanel("document_type"),
                FieldPanel("issuing_body"),
                FieldPanel("issuer"),
                FieldPanel("signer"),
                FieldPanel("signed_date"),
                FieldPanel("effective_date"),
                FieldPanel("expiry_date"),
                FieldPanel("subject_area"),
            ],
            heading=_("Document details"),
        ),
        # What the editor must know about secrets is said on the panels (no migration to reword it).
        FieldPanel(
            "summary",
            help_text=_(
                "The abstract (“trích yếu”): what the document is about. For a confidential document write "
                "only a neutral entry for the register (e.g. “Văn bản mật”), never its content."
            ),
        ),
        InlinePanel("attachments", label=_("Attached files")),
        FieldPanel(
            "confidential",
            help_text=_(
                "A confidential document (văn bản mật) is never published nor stored here: only its register "
                "entry is kept. Ticking this takes the document offline at once and deletes its files."
            ),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("number", boost=3),
        index.AutocompleteField("number"),
        index.SearchField("summary"),
        index.FilterField("document_type"),
        index.FilterField("subject_area"),
        index.FilterField("issuer"),
        index.FilterField("confidential"),
    ]

    parent_page_types = ["documents.DocumentIndexPage"]
    subpage_types = []
    base_form_class = OfficialDocumentPageForm

    class Meta:
        verbose_name = _("official document")
        verbose_name_plural = _("official documents")
        # The register's order (migration 0003, with the text filter's trigram indexes on PostgreSQL).
        indexes = [models.Index(fields=["-signed_date", "-page_ptr"], name="documents_signed_page_idx")]

    def clean(self):
        super().clean()
        if self.effective_date and self.expiry_date and self.expiry_date < self.effective_date:
            raise ValidationError({"expiry_date": _("A document cannot expire before it takes effect.")})
        if self.confidential and self.attachment_count():
            raise ValidationError({"confidential": CONFIDENTIAL_WITH_FILES})

    def attachment_count(self):
        """Files attached as the editor left them in the admin form, else as they are on the page."""
        in_form = getattr(self, "_attachments_in_form", None)
        return in_form if in_form is not None else len(self.attachments.all())

    # Ticking `confidential` takes the document offline at once (documents.services), on every
    # path: the admin saves the page (a draft) or a revision (a live page: Save draft, Submit,
    # Publish), and a script does either. Saves of a few fields (Wagtail's own bookkeeping, the
    # takedown's own saves) are left alone.
    def save(self, *args, **kwargs):
        whole = kwargs.get("update_fields") is None and self.confidential and not is_taking_offline(self)
        # Wagtail validates only the title and slug of a page that is not live; the rule holds anyway.
        if whole and self.attachment_count():
            raise ValidationError({"confidential": CONFIDENTIAL_WITH_FILES})
        stored_files = (
            list(OfficialDocumentAttachment.objects.filter(page_id=self.pk).values_list("document_id", flat=True))
            if whole and self.pk
            else []
        )
        result = super().save(*args, **kwargs)
        if whole:
            self.takedown = take_confidential_document_offline(self, extra_document_ids=stored_files) or getattr(
                self, "takedown", None
            )
        return result

    def save_revision(self, *args, **kwargs):
        revision = super().save_revision(*args, **kwargs)
        if self.confidential and not is_taking_offline(self):
            self.takedown = take_confidential_document_offline(self, user=kwargs.get("user")) or getattr(
                self, "takedown", None
            )
        return revision

    @property
    def validity(self):
        """("in-force" | "pending" | "expired", label) on today's local date."""
        today = timezone.localdate()
        if self.expiry_date and self.expiry_date < today:
            return "expired", _("No longer in force")
        if self.effective_date and self.effective_date > today:
            return "pending", _("Not yet in force")
        return "in-force", _("In force")

    # A confidential document is never served, whatever its publication state (Điều 5, 6):
    # the page, its place in the sitemap and its entry in the search index all disappear.
    def serve(self, request, *args, **kwargs):
        if self.confidential:
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        if self.confidential:
            return []
        return super().get_sitemap_urls(request)

    @classmethod
    def get_indexed_objects(cls):
        return super().get_indexed_objects().filter(confidential=False)

    def get_indexed_instance(self):
        if self.confidential:
            return None
        return super().get_indexed_instance()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["attachments"] = list(self.attachments.select_related("document"))
        return context

    # --- The regulation's contract (workflows.contract) ---

    def deadline_clock(self):
        if self.confidential or self.issuer not in ISSUERS_WITH_DEADLINE or self.signed_date is None:
            return None
        return DOCUMENT, self.signed_date

    def responsible_person(self):
        """Whoever posted it."""
        return self.owner

    @classmethod
    def with_responsible_person(cls, queryset):
        return queryset.select_related("owner")

    @classmethod
    def responsible_person_expression(cls):
        return F("owner_id")

    def royalty_kind(self):
        return RoyaltyKind.DOCUMENT

    @classmethod
    def royalty_kind_expression(cls):
        return Value(RoyaltyKind.DOCUMENT.value, output_field=models.CharField())

    def publication_problems(self):
        problems = []
        if self.confidential:
            problems.append(CONFIDENTIAL)
        if not self.signed_date:
            problems.append(MISSING_SIGNED_DATE)
        return problems


class OfficialDocumentAttachment(Orderable):
    """A file attached to an official document (the signed scan, annexes)."""

    page = ParentalKey(OfficialDocumentPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=pgettext_lazy("portal", "file"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=255, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]

    def save(self, *args, **kwargs):
        # The page's clean() refuses files on a confidential document; a script that adds the row
        # directly is refused here (Điều 5, 6).
        if self.page_id and OfficialDocumentPage.objects.filter(pk=self.page_id, confidential=True).exists():
            raise ValidationError(CONFIDENTIAL_WITH_FILES)
        return super().save(*args, **kwargs)

    @property
    def file_size(self):
        """Size in bytes; Wagtail measures (and stores) it on first use."""
        return self.document.get_file_size()

    @property
    def extension(self):
        """The file type shown to readers, e.g. "PDF"."""
        return self.document.file_extension.upper()

    class Meta(Orderable.Meta):
        verbose_name = _("attached file")
        verbose_name_plural = _("attached files")
