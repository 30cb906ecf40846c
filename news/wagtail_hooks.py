"""Wagtail hooks of the news section."""

from wagtail import hooks

from news.models import NewsPage
from portal.explorer import SectionPageViewSet


class NewsPageViewSet(SectionPageViewSet):
    """The news index's explorer reads its own children only (portal.explorer)."""

    model = NewsPage


@hooks.register("register_admin_viewset")
def register_news_page_viewset():
    return NewsPageViewSet()
