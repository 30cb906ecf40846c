"""The sitemap (DESIGN §9): /sitemap.xml is an index of sections of at most 5,000 URLs each.

The content is Wagtail's: every live, public page of the site, each page type saying which URLs
it has (a confidential document has none, `OfficialDocumentPage.get_sitemap_urls`). Search
engines accept 50,000 URLs per file, but a file of 25,000 pages took seconds to build; a section
of 5,000 is built in constant queries whatever the size of the site.
"""

from django.db.models import Max
from wagtail.contrib.sitemaps import Sitemap

SITEMAP_SECTION_LIMIT = 5000


class PageSitemap(Sitemap):
    """The site's pages in path order, `limit` to a section (`/sitemap-pages.xml?p=2`)."""

    limit = SITEMAP_SECTION_LIMIT

    def get_latest_lastmod(self):
        """The newest publication of the section's pages, in one aggregate query.

        Django's default reads every page of the site to find it, for the index alone.
        """
        latest = self.items().order_by().aggregate(latest=Max("last_published_at"))["latest"]
        return latest


SITEMAPS = {"pages": PageSitemap}
