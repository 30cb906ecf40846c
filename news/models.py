"""News articles and their listing page (Điều 8a, 8c, 8d, 8e)."""

from django.conf import settings
from django.db import models
from django.db.models import Case, Prefetch, Q, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from assets.models import PortalImage
from portal.blocks import BodyStreamBlock
from portal.pages import ViewRestrictionsInOneQuery, public
from portal.paginate import paginate, query_string_without_page
from portal.text import TransliteratedSlugMixin, has_control_characters
from royalties.models import RoyaltyKind
from workflows.contract import Claim, EditorialItem
from workflows.deadlines import CONFERENCE, NEWS, STATISTICS
from workflows.rules import PublicationRulesMixin

NEWS_PER_PAGE = 10
LIST_IMAGE_FILTER = "fill-320x200"


class NewsCategory(models.TextChoices):
    """The kinds of article of Điều 8, each with its own publication deadline."""

    EVENT = "su-kien", _("News and activities")
    CONFERENCE = "hoi-nghi", _("Conferences, seminars and important events")
    STATISTICS = "thong-ke", _("Statistics")
    OTHER = "khac", _("Other")


# Category → deadline kind (Điều 8a, 8c, 8d). "Other" (Điều 8e: "cập nhật thường xuyên, chính
# xác") has none: such items are never due and never late.
CATEGORY_DEADLINE_KINDS = {
    NewsCategory.EVENT.value: NEWS,
    NewsCategory.CONFERENCE.value: CONFERENCE,
    NewsCategory.STATISTICS.value: STATISTICS,
}

# Publication rules (workflows.rules enforces them on every publish path).
MISSING_SOURCE = _("An article taken from elsewhere must name its source before it is published (Điều 7).")
MISSING_EVENT_DATE = _("Enter the event date: the publication deadline counts from it (Điều 8).")


def with_list_images(queryset):
    """Articles with their author and list-size image renditions fetched in constant queries.

    Lists never show an article's body: it is not read (`defer_streamfields`).
    """
    return (
        queryset.defer_streamfields()
        .select_related("author")
        .prefetch_related(Prefetch("main_image", queryset=PortalImage.objects.prefetch_renditions(LIST_IMAGE_FILTER)))
    )


class NewsIndexPage(ViewRestrictionsInOneQuery, TransliteratedSlugMixin, Page):
    """The list of news articles (/tin-tuc/), filtered by category (`?chuyen-muc=`) and tag (`?tag=`)."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("news index page")
        verbose_name_plural = _("news index pages")

    def get_articles(self):
        """The published articles under this page, newest first."""
        return public(NewsPage.objects.child_of(self).live()).order_by("-first_published_at", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = self.get_articles()
        category = request.GET.get("chuyen-muc", "")
        if category in NewsCategory.values:
            articles = articles.filter(category=category)
        else:
            category = ""
        # A tag name is at most 100 characters (taggit); one with a control character matches
        # nothing and would make PostgreSQL fail (NUL), so it is ignored.
        tag = request.GET.get("tag", "")[:100]
        if has_control_characters(tag):
            tag = ""
        if tag:
            articles = articles.filter(tags__name=tag)
        context.update(
            articles=paginate(request, with_list_images(articles), NEWS_PER_PAGE),
            categories=NewsCategory.choices,
            current_category=category,
            current_tag=Tag.objects.filter(name=tag).first() if tag else None,
            query_string=query_string_without_page(request),
        )
        return context


class NewsGenre(models.TextChoices):
    """Journalistic form of an article: decides its royalty rate (Điều 9)."""

    NEWS_ITEM = "tin", _("News item")
    ARTICLE = "bai", _("Article")


class NewsPageTag(TaggedItemBase):
    """The tags of a news article."""

    content_object = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


class NewsPage(EditorialItem, PublicationRulesMixin, ViewRestrictionsInOneQuery, TransliteratedSlugMixin, Page):
    """A news article, conference report or statistics release.

    Its deadline counts from its event date, by category (Điều 8a, 8c, 8d; none for "other", 8e);
    its author answers for it (Điều 6, 7); its text pays as a news item, an article or an item
    taken from elsewhere, and its own main photo pays whoever took it (Điều 9).
    """

    deadline_filter = Q(event_date__isnull=False, category__in=list(CATEGORY_DEADLINE_KINDS))
    deadline_start_field = "event_date"
    deadline_fields = ("category", "event_date")
    deadline_kinds = tuple((Q(category=category), kind) for category, kind in CATEGORY_DEADLINE_KINDS.items())

    category = models.CharField(
        _("category"),
        max_length=20,
        choices=NewsCategory.choices,
        default=NewsCategory.EVENT,
        help_text=_("Decides the publication deadline (Điều 8 of the regulation)."),
    )
    genre = models.CharField(
        _("form"),
        max_length=10,
        choices=NewsGenre.choices,
        default=NewsGenre.NEWS_ITEM,
        help_text=_("A short news item or a longer article; decides the royalty rate (Điều 9)."),
    )
    event_date = models.DateField(
        _("event date"),
        null=True,
        blank=True,
        help_text=_(
            "Date of the event, last day of the conference, or date the statistical report was "
            "sent. The publication deadline counts from it."
        ),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="news_articles",
        help_text=_("The person responsible for the content (Điều 6, 7)."),
    )
    source = models.CharField(
        _("source"),
        max_length=255,
        blank=True,
        help_text=_("Required when the article is taken from elsewhere (Điều 7); shown as “Nguồn: …”."),
    )
    is_republished = models.BooleanField(
        _("taken from elsewhere"),
        default=False,
        help_text=_("Tick when the article or its material comes from another publication."),
    )
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("Shown in lists, search results and social previews.")
    )
    main_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of the article and in lists."),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=pgettext_lazy("portal", "tags"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("category"), FieldPanel("genre"), FieldPanel("event_date"), FieldPanel("author")],
            heading=_("Deadline and responsibility"),
        ),
        FieldPanel("summary"),
        FieldPanel("main_image"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("is_republished"), FieldPanel("source")], heading=_("Source")),
        FieldPanel("tags"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("category"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        # The news index filtered by category counts from this index alone (migration 0003).
        indexes = [models.Index(fields=["category", "page_ptr"], name="news_category_page_idx")]

    # --- The regulation's contract (workflows.contract) ---

    def deadline_clock(self):
        kind = CATEGORY_DEADLINE_KINDS.get(self.category)
        if kind is None or self.event_date is None:
            return None
        return kind, self.event_date

    def responsible_person(self):
        """Its author, else whoever created the page."""
        return self.author or self.owner

    @classmethod
    def with_responsible_person(cls, queryset):
        return queryset.select_related("author", "owner")

    @classmethod
    def responsible_person_expression(cls):
        return Coalesce("author_id", "owner_id", output_field=models.BigIntegerField())

    @classmethod
    def royalty_kind_expression(cls):
        return Case(
            When(is_republished=True, then=Value(RoyaltyKind.REPUBLISHED.value)),
            When(genre=NewsGenre.ARTICLE, then=Value(RoyaltyKind.ARTICLE.value)),
            default=Value(RoyaltyKind.NEWS_ITEM.value),
            output_field=models.CharField(),
        )

    def royalty_kind(self):
        """An item taken from elsewhere (Điều 7), else an article or a news item by its form."""
        if self.is_republished:
            return RoyaltyKind.REPUBLISHED
        return RoyaltyKind.ARTICLE if self.genre == NewsGenre.ARTICLE else RoyaltyKind.NEWS_ITEM

    def royalty_claims(self):
        """Its text, and its main image to the person who uploaded it unless taken from elsewhere."""
        claims = super().royalty_claims()
        image = self.main_image
        if image is not None and not self.is_republished and image.uploaded_by_user is not None:
            claims.append(Claim(RoyaltyKind.PHOTO, image.uploaded_by_user, image))
        return claims

    def publication_problems(self):
        problems = []
        if self.is_republished and not (self.source or "").strip():
            problems.append(MISSING_SOURCE)
        # "Other" items (Điều 8e) have no deadline, so nothing for an event date to start.
        if not self.event_date and self.category != NewsCategory.OTHER:
            problems.append(MISSING_EVENT_DATE)
        return problems

    def get_related_articles(self, limit=3):
        """Other published articles of the same category, newest first."""
        return with_list_images(
            public(NewsPage.objects.live())
            .filter(category=self.category, locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .order_by("-first_published_at")
        )[:limit]

    def page_cache_tags(self):
        """The page cache's tag of its category (portal.page_cache): its related articles come from it.

        Publishing, changing or withdrawing an article renews it, so the other articles of the
        category show the new list.
        """
        return [f"news-category:{self.locale_id}:{self.category}"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tags"] = list(self.tags.all())
        context["related_articles"] = self.get_related_articles()
        return context
