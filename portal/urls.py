"""URL configuration: Vietnamese pages at the root, English under /en/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.documents import urls as wagtaildocs_urls

from assets.views import serve_media
from home.sitemaps import SITEMAPS
from home.views import robots_txt
from news.feeds import LatestNewsFeed
from search.views import search

urlpatterns = [
    # Security (issue 8): media images served with safe headers in every environment.
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", serve_media, name="serve_media"),
    path("admin/", include(wagtailadmin_urls)),
    path("tai-lieu/", include(wagtaildocs_urls)),
    # An index (DESIGN §9) of sections of at most 5,000 URLs each (home.sitemaps).
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap_section"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # Before Wagtail's catch-all, which would otherwise look for a page with the slug "rss".
    path("tin-tuc/rss/", LatestNewsFeed(), name="news_feed"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page serving comes last; the default language (vi) carries no prefix.
urlpatterns += i18n_patterns(
    path("tim-kiem/", search, name="search"),
    # Residents' questions: plain views under /hoi-dap/, so they must come before the page tree.
    path("", include("qa.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
