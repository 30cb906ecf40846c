"""The RSS feed of news articles (/tin-tuc/rss/)."""

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Site

from news.models import NewsPage

FEED_SIZE = 20


class LatestNewsFeed(Feed):
    """The latest published Vietnamese news articles, newest first."""

    title = _("Tan Cuong Commune e-Information Portal: news")
    description = _("The latest news from the People's Committee of Tan Cuong Commune.")

    def get_object(self, request, *args, **kwargs):
        # The feed object is shared between requests: pass the request along instead of storing it.
        return request

    def link(self, request):
        site = Site.find_for_request(request)
        return f"{site.root_url}/tin-tuc/" if site else "/tin-tuc/"

    def items(self, request):
        articles = list(
            NewsPage.objects.live()
            .public()
            .filter(locale=Locale.get_default())
            .select_related("author")
            .order_by("-first_published_at")[:FEED_SIZE]
        )
        for article in articles:
            # Resolved with the request so that Wagtail looks the site up only once.
            article.feed_url = article.get_full_url(request=request)
        return articles

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.feed_url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or timezone.now()

    def item_author_name(self, item):
        return str(item.author) if item.author else None

    def item_categories(self, item):
        return [item.get_category_display()]
