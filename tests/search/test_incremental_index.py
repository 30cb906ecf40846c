"""`manage.py update_index_incremental`: what bypassed Wagtail's signals reaches the index, nothing else."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from demo.factories.pages import NewsPageFactory, OfficialDocumentPageFactory
from documents.models import OfficialDocumentPage
from news.models import NewsPage
from search import services
from search.indexing import update_index_incrementally
from search.management.commands.update_index_incremental import parse_since
from tests.content_helpers import publish

pytestmark = pytest.mark.django_db


def entry(page):
    content_type = ContentType.objects.get_for_model(type(page))
    return IndexEntry.objects.filter(content_type=content_type, object_id=str(page.pk)).first()


def entry_title(page):
    found = entry(page)
    return found and (found.title_text if connection.vendor == "postgresql" else found.title)


@pytest.fixture
def pages(site_pages):
    return {
        "news": publish(NewsPageFactory(parent=site_pages["news_index"], title="Ngày hội đại đoàn kết")),
        "other": publish(NewsPageFactory(parent=site_pages["news_index"], title="Tiêm chủng mở rộng")),
        "document": publish(
            OfficialDocumentPageFactory(parent=site_pages["document_index"], title="Kế hoạch phòng cháy")
        ),
    }


def test_indexes_what_is_missing_and_deletes_what_is_stale(pages):
    update_index_incrementally()  # the pages the migrations made (the tree's root) were never indexed
    news, document = pages["news"], pages["document"]
    # As a bulk import leaves things: a page without entry, a document made confidential by SQL.
    IndexEntry.objects.filter(pk=entry(news).pk).delete()
    OfficialDocumentPage.objects.filter(pk=document.pk).update(confidential=True)
    untouched = entry(pages["other"]).pk

    totals = update_index_incrementally()

    assert totals == {"indexed": 1, "deleted": 1}
    assert entry_title(news) == "Ngày hội đại đoàn kết"
    assert entry(document) is None
    assert entry(pages["other"]).pk == untouched  # the rest of the index is left alone
    assert update_index_incrementally() == {"indexed": 0, "deleted": 0}


def test_since_reindexes_pages_changed_behind_the_signals(pages):
    news = pages["news"]
    NewsPage.objects.filter(pk=news.pk).update(title="Ngày hội văn hoá")
    Page.objects.filter(pk=pages["other"].pk).update(
        last_published_at=timezone.now() - datetime.timedelta(days=3), latest_revision_created_at=None
    )
    Page.objects.filter(pk=news.pk).update(last_published_at=timezone.now())

    call_command("update_index_incremental", verbosity=0)
    assert entry_title(news) == "Ngày hội đại đoàn kết"  # not missing: left as it was
    call_command("update_index_incremental", "--since", "1h", verbosity=0)
    assert entry_title(news) == "Ngày hội văn hoá"


def test_pages_written_in_bulk_are_found_once_indexed(pages, site_pages):
    publish(NewsPageFactory(parent=site_pages["news_index"], title="Khánh thành cầu treo"))
    bulk = NewsPage.objects.get(title="Khánh thành cầu treo")
    IndexEntry.objects.filter(pk=entry(bulk).pk).delete()
    if connection.vendor == "postgresql":
        assert len(services.search_site("cau treo")) == 0
    call_command("update_index_incremental", verbosity=0)
    assert entry(bulk) is not None
    assert [page.title for page in services.search_site("cau treo")[0:10]] == ["Khánh thành cầu treo"]


@pytest.mark.parametrize("value", ["2025-06-01", "2025-06-01T08:00", "6h", "2d"])
def test_since_accepts_a_date_or_a_duration(value):
    assert timezone.is_aware(parse_since(value))
    assert parse_since(value) <= timezone.now()


def test_since_refuses_anything_else():
    with pytest.raises(CommandError):
        parse_since("yesterday")
