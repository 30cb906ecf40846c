"""The home page, the plain pages of the site and the site-wide settings (footer contacts)."""

from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import BodyStreamBlock, QuickLinkBlock
from portal.text import TransliteratedSlugMixin

HOME_LIST_SIZE = 5


class HomePage(TransliteratedSlugMixin, Page):
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
        from assets.models import PortalImage
        from documents.models import OfficialDocumentPage
        from news.models import NewsPage
        from qa.models import QAPage

        context = super().get_context(request, *args, **kwargs)
        news = list(
            NewsPage.objects.live()
            .public()
            .filter(locale=self.locale)
            .select_related("author")
            .prefetch_related(Prefetch("main_image", queryset=PortalImage.objects.prefetch_renditions("fill-640x400")))
            .order_by("-first_published_at")[: HOME_LIST_SIZE + 1]
        )
        context["featured_news"] = news[0] if news else None
        context["latest_news"] = news[1:]
        context["latest_documents"] = (
            OfficialDocumentPage.objects.live()
            .public()
            .filter(confidential=False, locale=self.locale)
            .order_by("-signed_date", "-pk")[:HOME_LIST_SIZE]
        )
        context["latest_answers"] = (
            QAPage.objects.live().public().filter(locale=self.locale).order_by("-first_published_at")[:HOME_LIST_SIZE]
        )
        return context


class StandardPage(TransliteratedSlugMixin, Page):
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

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """What Nghị định 42/2022/NĐ-CP requires in the footer: the agency, its contacts, who answers for the site."""

    agency_name = models.CharField(
        _("agency name"),
        max_length=255,
        default="Ủy ban nhân dân xã Tân Cương",
        help_text=_("The agency that runs the portal, shown in the header and footer."),
    )
    address = models.CharField(_("address"), max_length=255, blank=True, help_text=_("The agency's postal address."))
    phone = models.CharField(_("phone"), max_length=50, blank=True, help_text=_("The agency's phone number."))
    email = models.EmailField(_("e-mail"), blank=True, help_text=_("The agency's contact e-mail address."))
    responsible_person = models.CharField(
        _("person responsible"),
        max_length=255,
        blank=True,
        help_text=_("The person responsible for the portal, with their position."),
    )
    licence = models.CharField(
        _("licence"),
        max_length=255,
        blank=True,
        help_text=_("Licence or establishing decision of the portal, if any."),
    )

    panels = [
        FieldPanel("agency_name"),
        MultiFieldPanel([FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")], heading=_("Contacts")),
        FieldPanel("responsible_person"),
        FieldPanel("licence"),
    ]

    class Meta:
        verbose_name = _("portal settings")
        verbose_name_plural = _("portal settings")

    @classmethod
    def agency_of_default_site(cls):
        """The agency's name for documents made outside a request (reports, royalty sheets).

        Read without `for_site`, which would create the settings row: a document only reads.
        """
        name = cls.objects.filter(site__is_default_site=True).values_list("agency_name", flat=True).first()
        return name or cls._meta.get_field("agency_name").default
