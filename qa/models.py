"""Residents' questions (private) and the published answers (public pages)."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Min, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce, Concat
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.dates import local_date
from portal.pages import ViewRestrictionsInOneQuery, public
from portal.paginate import paginate, query_string_without_page
from portal.text import TransliteratedSlugMixin
from qa.privacy import consent_problems
from royalties.models import RoyaltyKind
from workflows.contract import EditorialItem, ResidentRequest
from workflows.deadlines import ANSWER, due_date
from workflows.rules import PublicationRulesMixin

ANSWERS_PER_PAGE = 10

# What the draft of an answer to a non-consenting resident says instead of the resident's words;
# the page cannot be published until the official replaces it (qa.privacy.consent_problems).
GENERAL_QUESTION_PLACEHOLDER = _(
    "[Write here, in general terms, what the resident asked. Do not copy the resident's words: "
    "the resident did not agree to publish the question.]"
)

# The questions desk (qa.wagtail_hooks) where the board opens a question.
QUESTION_ADMIN_URL_NAME = "qa_question:edit"

# No 0/O or 1/I/L: residents read the code aloud on the phone or copy it by hand.
TRACKING_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def generate_tracking_code():
    """An unguessable code like “TC-7KQ2-M9XD-4HPA” (60 bits of randomness)."""
    chars = "".join(secrets.choice(TRACKING_CODE_ALPHABET) for _ in range(12))
    return f"TC-{chars[:4]}-{chars[4:8]}-{chars[8:]}"


class Topic(models.TextChoices):
    """What a resident's question is about."""

    ADMINISTRATIVE_PROCEDURES = "thu-tuc-hanh-chinh", _("Administrative procedures")
    LAND = "dat-dai", _("Land and environment")
    CONSTRUCTION = "xay-dung", _("Construction and transport")
    SOCIAL_POLICY = "chinh-sach-xa-hoi", _("Social policy")
    HEALTH_EDUCATION = "y-te-giao-duc", _("Health and education")
    ECONOMY = "kinh-te", _("Economy and agriculture")
    OTHER = "khac", _("Other")


class QuestionStatus(models.TextChoices):
    """Where a question stands: received → assigned → answered, or closed without an answer."""

    RECEIVED = "received", _("Received")
    ASSIGNED = "assigned", _("Assigned")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


OPEN_STATUSES = (QuestionStatus.RECEIVED, QuestionStatus.ASSIGNED)


class Channel(models.TextChoices):
    """How the commune received a question: Điều 8đ's clock starts "kể từ khi tiếp nhận", by any channel."""

    WEB = "web", _("Portal")
    PHONE = "phone", _("Telephone")
    LETTER = "letter", _("Letter")
    EMAIL = "email", _("E-mail")
    DESK = "desk", _("One-stop desk")


class QuestionQuerySet(models.QuerySet):
    """Filters of the questions desk."""

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today=None):
        """Open questions whose due date (a local date) has passed."""
        today = today or timezone.localdate()
        return self.open().filter(due_date__lt=today)

    def visible_to(self, user):
        """The board sees every question; an assigned official sees only theirs (personal data, Điều 6)."""
        if user.has_perm("qa.change_question"):
            return self
        return self.filter(assignee=user)


class Question(ResidentRequest, models.Model):
    """A resident's question, sent through the public form or registered by the board.

    Name, e-mail, phone and address are personal data: they never appear on a public page.
    Without `consent_to_publish` the question's own words never do either (DESIGN §6).
    It must be answered within 15 working days of its receipt (Điều 8đ): the due date is
    promised to the resident when the question is saved first (`save`).
    """

    open_statuses = OPEN_STATUSES
    closed_status = QuestionStatus.CLOSED
    deadline_kinds = ((Q(), ANSWER),)

    tracking_code = models.CharField(
        _("tracking code"), max_length=20, unique=True, default=generate_tracking_code, editable=False
    )
    name = models.CharField(_("full name"), max_length=150)
    # Optional: a resident without e-mail follows the question by phone or with the tracking code.
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    topic = models.CharField(_("topic"), max_length=30, choices=Topic.choices, default=Topic.OTHER)
    title = models.CharField(_("title"), max_length=255)
    body = models.TextField(_("question"))
    consent_to_publish = models.BooleanField(
        _("consent to publish"),
        default=False,
        help_text=_("The resident agrees that the question (without personal data) is published with its answer."),
    )
    channel = models.CharField(
        _("received by"),
        max_length=10,
        choices=Channel.choices,
        default=Channel.WEB,
        help_text=_("How the commune received the question."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=QuestionStatus.choices, default=QuestionStatus.RECEIVED
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_questions",
    )
    received_at = models.DateTimeField(_("received at"), default=timezone.now, db_index=True)
    due_date = models.DateField(
        _("due date"), null=True, blank=True, help_text=_("15 working days after receipt (Điều 8đ).")
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    close_reason = models.TextField(
        _("reason for closing"), blank=True, help_text=_("Required when a question is closed without an answer.")
    )
    # Closing is an answer of sorts (Điều 8đ counts from receipt to the commune's reply): a
    # question closed after its due date counts late in every figure, so the moment is kept.
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("resident's question")
        verbose_name_plural = _("residents' questions")
        ordering = ["-received_at"]

    def __str__(self):
        return f"{self.tracking_code} — {self.title}"

    def save(self, *args, **kwargs):
        # The answer deadline (15 working days, Điều 8đ), promised to the resident, is set when
        # the question has none. Counted from the local date of receipt (Asia/Ho_Chi_Minh), so
        # that a question sent at 23:30 local time counts from that day, not from the UTC date.
        if self.due_date is None and self.received_at is not None:
            self.due_date = due_date(ANSWER, self.received_at)
        return super().save(*args, **kwargs)

    # --- The regulation's contract (workflows.contract) ---

    def deadline_clock(self):
        if self.received_at is None:
            return None
        return ANSWER, local_date(self.received_at)

    def promised_due_date(self):
        return self.due_date

    def responsible_person(self):
        """The official it was assigned to, else whoever drafted its (first) answer page."""
        pages = sorted(self.answer_pages.all(), key=lambda page: page.pk)
        return self.assignee or (pages[0].owner if pages else None)

    @classmethod
    def with_responsible_person(cls, queryset):
        return queryset.select_related("assignee").prefetch_related(
            Prefetch("answer_pages", queryset=QAPage.objects.select_related("owner"))
        )

    @classmethod
    def responsible_person_expression(cls):
        first_answer = QAPage.objects.filter(question=OuterRef("pk")).order_by("pk").values("owner_id")[:1]
        return Coalesce("assignee_id", Subquery(first_answer), output_field=models.BigIntegerField())

    def _published_answers(self):
        """Its answer pages that were published, first published first (from `with_answers`)."""
        return sorted(
            (page for page in self.answer_pages.all() if page.first_published_at),
            key=lambda page: page.first_published_at,
        )

    def answer_given_at(self):
        """`answered_at`, or failing that, the first publication of its answer page."""
        answers = self._published_answers()
        return self.answered_at or (answers[0].first_published_at if answers else None)

    def admin_url(self):
        try:
            return reverse(QUESTION_ADMIN_URL_NAME, args=[self.pk])
        except NoReverseMatch:
            # Without the questions desk, a question links to its answer page when it has one.
            answers = self._published_answers() or list(self.answer_pages.all())
            return reverse("wagtailadmin_pages:edit", args=[answers[0].pk]) if answers else None

    @classmethod
    def with_answers(cls, queryset):
        return queryset.prefetch_related("answer_pages")

    @classmethod
    def answer_given_at_expression(cls):
        # An aggregate over the answer pages (a join), not a subquery per question: the earliest
        # first publication is the first of the published ones, as `answer_given_at` takes it.
        return Coalesce("answered_at", Min("answer_pages__first_published_at"))

    @classmethod
    def title_expression(cls):
        return Concat("tracking_code", Value(" — "), "title", output_field=models.CharField())

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    def is_overdue(self, today=None):
        return self.is_open and self.due_date is not None and self.due_date < (today or timezone.localdate())

    @property
    def finished_at(self):
        """When the commune replied: the answer's publication, or the closing of the question."""
        return self.answered_at or self.closed_at

    def is_late(self, today=None):
        """Overdue while open, or answered or closed after its due date (Điều 8đ counts both)."""
        if self.due_date is None:
            return False
        if self.is_open:
            return self.is_overdue(today)
        finished = self.finished_at
        return finished is not None and timezone.localdate(finished) > self.due_date

    def published_answer(self):
        """The live, public answer page, if the board has published one."""
        return public(self.answer_pages.live()).order_by("-first_published_at").first()


class QAIndexPage(ViewRestrictionsInOneQuery, TransliteratedSlugMixin, Page):
    """The list of answered questions (/hoi-dap/), filtered by topic (`?chu-de=`)."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["qa.QAPage"]

    class Meta:
        verbose_name = _("questions and answers index page")
        verbose_name_plural = _("questions and answers index pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        answers = public(QAPage.objects.child_of(self).live()).order_by("-first_published_at", "-pk")
        topic = request.GET.get("chu-de", "")
        if topic in Topic.values:
            answers = answers.filter(topic=topic)
        else:
            topic = ""
        context.update(
            answers=paginate(request, answers, ANSWERS_PER_PAGE),
            topics=Topic.choices,
            current_topic=topic,
            query_string=query_string_without_page(request),
        )
        return context


class QAPage(EditorialItem, PublicationRulesMixin, ViewRestrictionsInOneQuery, TransliteratedSlugMixin, Page):
    """A published answer to a resident's question, without the resident's personal data.

    When the resident did not consent to publication, the page may not repeat the resident's
    words: every publish path refuses it (`publication_problems`, workflows.rules). It has its
    question's deadline (Điều 8đ; the question is the one listed), is credited to the official
    the question was assigned to, and pays as an answer (Điều 9).
    """

    topic = models.CharField(_("topic"), max_length=30, choices=Topic.choices, default=Topic.OTHER)
    question_text = models.TextField(
        _("question"), help_text=_("The question as published: remove names, addresses and phone numbers.")
    )
    answer = RichTextField(_("answer"), features=["bold", "italic", "link", "ol", "ul", "document-link"])
    answered_by = models.CharField(
        _("answered by"),
        max_length=255,
        blank=True,
        help_text=_("The office or official who answers, e.g. “Công chức Địa chính – Xây dựng”."),
    )
    question = models.ForeignKey(
        Question,
        verbose_name=_("resident's question"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="answer_pages",
        help_text=_("The question this page answers; its resident is told when the answer is published."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("topic"),
        FieldPanel("question_text"),
        FieldPanel("answer"),
        FieldPanel("answered_by"),
        FieldPanel("question", read_only=True),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("question_text"),
        index.SearchField("answer"),
        index.FilterField("topic"),
    ]

    parent_page_types = ["qa.QAIndexPage"]
    subpage_types = []

    # --- The regulation's contract (workflows.contract) ---

    def deadline_clock(self):
        return self.question.deadline_clock() if self.question_id else None

    def promised_due_date(self):
        return self.question.promised_due_date() if self.question_id else None

    def responsible_person(self):
        """The official the question was assigned to, else whoever created the page."""
        assignee = self.question.assignee if self.question_id else None
        return assignee or self.owner

    @classmethod
    def with_responsible_person(cls, queryset):
        return queryset.select_related("owner", "question__assignee")

    @classmethod
    def responsible_person_expression(cls):
        return Coalesce("question__assignee_id", "owner_id", output_field=models.BigIntegerField())

    def royalty_kind(self):
        return RoyaltyKind.ANSWER

    @classmethod
    def royalty_kind_expression(cls):
        return Value(RoyaltyKind.ANSWER.value, output_field=models.CharField())

    def publication_problems(self):
        """The consent rule of DESIGN §6, checked by workflows.rules on every publish path."""
        with translation.override(settings.LANGUAGE_CODE):
            placeholder = str(GENERAL_QUESTION_PLACEHOLDER)
        return consent_problems(self, placeholder)

    class Meta:
        verbose_name = _("answer page")
        verbose_name_plural = _("answer pages")
        # The Q&A index filtered by topic counts its answers from this index alone (migration 0008).
        indexes = [models.Index(fields=["topic", "page_ptr"], name="qa_topic_page_idx")]


class UsedFormToken(models.Model):
    """A question form that was already sent: each form load is accepted once (issue 16, item 8).

    A replay of the same form (an attacker's loop, or a resident's double click) creates no second
    question and no second e-mail; it is shown the confirmation of the question it sent.
    Rows older than the form's lifetime (QA_FORM_MAX_AGE) are deleted: those tokens have expired.
    """

    token_id = models.CharField(max_length=64, unique=True)
    question = models.ForeignKey(Question, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    used_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("used form token")
        verbose_name_plural = _("used form tokens")

    def __str__(self):
        return self.token_id
