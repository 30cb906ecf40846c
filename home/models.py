"""The home page and the plain pages of the site (the site-wide settings are portal.models)."""

from django.conf import settings
from django.db import models
from django.db.models import Prefetch
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from assets.models import PortalImage
from documents.models import OfficialDocumentPage
from news.models import NewsPage
from portal.blocks import BodyStreamBlock, QuickLinkBlock
from portal.pages import ViewRestrictionsInOneQuery, public
from portal.text import TransliteratedSlugMixin
from qa.models import QAPage

HOME_LIST_SIZE = 5


class HomePage(ViewRestrictionsInOneQuery, TransliteratedSlugMixin, Page):
    """The portal's front page: featured and latest news, latest documents and answers, quick links."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A short welcome shown at the top of the home page."),
    )
    quick_links = StreamField(
        [("link", QuickLinkBlock())],
        verbose_name=_("quick links"),
        blank=True,
        help_text=_("Shortcuts shown on the home page, e.g. online public services."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("quick_links")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "news.NewsIndexPage",
        "documents.DocumentIndexPage",
        "qa.QAIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = list(
            public(NewsPage.objects.live())
            .filter(locale_id=self.locale_id)
            .defer_streamfields()
            .select_related("author")
            .prefetch_related(Prefetch("main_image", queryset=PortalImage.objects.prefetch_renditions("fill-640x400")))
            .order_by("-first_published_at")[: HOME_LIST_SIZE + 1]
        )
        context["featured_news"] = news[0] if news else None
        context["latest_news"] = news[1:]
        context["latest_documents"] = (
            public(OfficialDocumentPage.objects.live())
            .filter(confidential=False, locale_id=self.locale_id)
            .order_by("-signed_date", "-pk")[:HOME_LIST_SIZE]
        )
        context["latest_answers"] = (
            public(QAPage.objects.live())
            .filter(locale_id=self.locale_id)
            .order_by("-first_published_at")[:HOME_LIST_SIZE]
        )
        # A translation (/en/) with nothing of its own points at the Vietnamese sections instead.
        context["in_default_language"] = translation.get_language() == settings.LANGUAGE_CODE
        return context


class StandardPage(ViewRestrictionsInOneQuery, TransliteratedSlugMixin, Page):
    """A plain page of text: introduction, organisation chart, contacts."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences shown under the title and in search results."),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    def get_context(self, request, *args, **kwargs):
        # A page under "Giới thiệu" (the organisation chart, say) is not in the main menu: its
        # parent lists it, so every public page can be reached by following links.
        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = list(public(self.get_children().live()).order_by("path"))
        return context

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
