"""`manage.py set_site_address [URL]`: the default site answers at the configured address."""

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from portal.site_address import apply_site_address


class Command(BaseCommand):
    help = (
        "Write the portal's public address (WAGTAILADMIN_BASE_URL, or the URL given) into the default "
        "Wagtail site, so that the sitemap, the feed and e-mailed links point at it. Safe to run at every release."
    )

    def add_arguments(self, parser):
        parser.add_argument("url", nargs="?", help="e.g. https://xatancuong.thainguyen.gov.vn")

    def handle(self, *args, url=None, **options):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            self.stdout.write("No default site yet: nothing to do.")
            return
        try:
            changed = apply_site_address(site, url)
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        if changed:
            site.save()
        self.stdout.write(f"{site.root_url}/ ({'changed' if changed else 'unchanged'})")
