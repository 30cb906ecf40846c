"""Listing, detail, home and search pages run a bounded number of queries as content grows.

Each page is rendered with 5 and with 60 articles, documents and answers under the same ceiling.
"""

import pytest

from tests.content_helpers import build_content

pytestmark = pytest.mark.django_db

CEILING = 25
PATHS = [
    "/",
    "/tin-tuc/",
    "/tin-tuc/?chuyen-muc=su-kien",
    "/van-ban/",
    "/van-ban/?q=qd-ubnd&nam=2025",
    "/hoi-dap/",
    "/tim-kiem/?q=quyet+dinh",
    "/tin-tuc/rss/",
    "/sitemap.xml",
]


@pytest.mark.parametrize("count", [5, 60])
def test_query_ceiling(site_pages, client, django_assert_max_num_queries, count):
    from documents.models import OfficialDocumentPage
    from news.models import NewsPage
    from qa.models import QAPage

    build_content(site_pages, count)
    details = [model.objects.live().last().url for model in (NewsPage, OfficialDocumentPage, QAPage)]
    for path in PATHS + details:
        client.get(path)  # warm Wagtail's per-process caches (site root paths), as a running server has
        with django_assert_max_num_queries(CEILING, info=path):
            assert client.get(path).status_code == 200, path
