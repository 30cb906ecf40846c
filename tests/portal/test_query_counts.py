"""Listing, detail, home and search pages run a bounded number of queries as content grows."""

import pytest

from tests.content_helpers import build_content

pytestmark = pytest.mark.django_db

CEILING = 40


@pytest.mark.parametrize("count", [5, 60])
@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/tin-tuc/",
        "/tin-tuc/?chuyen-muc=su-kien",
        "/van-ban/",
        "/van-ban/?q=qd-ubnd&nam=2025",
        "/hoi-dap/",
        "/tim-kiem/?q=quyet+dinh",
        "/tin-tuc/rss/",
        "/sitemap.xml",
        "DETAIL",
    ],
)
def test_query_ceiling(site_pages, client, django_assert_max_num_queries, count, path):
    build_content(site_pages, count)
    if path == "DETAIL":
        from news.models import NewsPage

        path = NewsPage.objects.live().last().url
    client.get(path)  # warm Wagtail's per-process caches (site root paths), as a running server has
    with django_assert_max_num_queries(CEILING):
        assert client.get(path).status_code == 200
