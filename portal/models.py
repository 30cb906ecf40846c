"""Site-wide settings, shared by the public site, the reports and the royalty sheets."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from portal.pages import cached_settings_for_site


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

    # The English pages (/en/) show these; left empty, the Vietnamese text is shown there too.
    agency_name_en = models.CharField(
        _("agency name in English"), max_length=255, blank=True, help_text=_("e.g. People's Committee of … Commune")
    )
    address_en = models.CharField(_("address in English"), max_length=255, blank=True)
    responsible_person_en = models.CharField(_("person responsible, in English"), max_length=255, blank=True)

    panels = [
        FieldPanel("agency_name"),
        MultiFieldPanel([FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")], heading=_("Contacts")),
        FieldPanel("responsible_person"),
        FieldPanel("licence"),
        MultiFieldPanel(
            [FieldPanel("agency_name_en"), FieldPanel("address_en"), FieldPanel("responsible_person_en")],
            heading=_("For the English pages"),
        ),
    ]

    class Meta:
        # The table of its first home (home/migrations/0002): moved, never copied (portal 0001).
        db_table = "home_portalsettings"
        verbose_name = _("portal settings")
        verbose_name_plural = _("portal settings")

    @classmethod
    def for_request(cls, request):
        """The request's site's settings, read from the cache (every public page shows them).

        Only the public site's path (`{{ settings.portal.PortalSettings }}`) goes through the cache;
        the admin's settings form reads `for_site`, the row itself. Saving or deleting the settings
        forgets the cached copy (`portal.apps`).
        """
        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)
        site_settings = cached_settings_for_site(cls, site, cls.for_site)
        site_settings._request = request
        setattr(request, attr_name, site_settings)
        return site_settings

    def _in_language(self, field):
        # The page being rendered activated its language (Wagtail's i18n): /en/ gets the English text.
        if translation.get_language() == "en":
            return getattr(self, f"{field}_en") or getattr(self, field)
        return getattr(self, field)

    @property
    def shown_agency_name(self):
        return self._in_language("agency_name")

    @property
    def shown_address(self):
        return self._in_language("address")

    @property
    def shown_responsible_person(self):
        return self._in_language("responsible_person")

    @classmethod
    def agency_of_default_site(cls):
        """The agency's name for documents made outside a request (reports, royalty sheets).

        Read without `for_site`, which would create the settings row: a document only reads.
        """
        name = cls.objects.filter(site__is_default_site=True).values_list("agency_name", flat=True).first()
        return name or cls._meta.get_field("agency_name").default
