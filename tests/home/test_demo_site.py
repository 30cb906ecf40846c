"""The demo site of `seed_demo`: the content the issue asks for, English pages, nothing confidential."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import TestCase, override_settings

from documents.models import OfficialDocumentPage
from news.models import NewsCategory, NewsPage
from qa.models import QAPage
from tests.content_helpers import sitemap_text
from tests.database import built_once

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo, seeded once for the whole module (seeding takes seconds); every test runs in a
    savepoint of it, so a test's own changes are rolled back as usual (tests/database.py)."""
    tmp_path = tmp_path_factory.mktemp("demo")

    def seed():
        # wagtail-localize publishes translations on commit.
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("seed_demo", credentials_file=str(tmp_path / "accounts.txt"), stdout=StringIO())

    with override_settings(MEDIA_ROOT=tmp_path / "media"), built_once(django_db_blocker, seed):
        yield


def test_demo_has_the_promised_content(demo):
    news = NewsPage.objects.live()
    assert news.count() >= 12
    assert set(news.values_list("category", flat=True)) == set(NewsCategory.values)
    documents = OfficialDocumentPage.objects.live().filter(confidential=False)
    assert documents.count() >= 10 and documents.values("document_type").distinct().count() >= 4
    assert documents.filter(number="63/QĐ-UBND").exists()
    assert documents.filter(title__contains="Quy chế quản lý, tổ chức và hoạt động của Ban Biên tập").exists()
    assert QAPage.objects.live().count() >= 5
    assert OfficialDocumentPage.objects.filter(confidential=True, live=False).count() == 1


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/gioi-thieu/",
        "/gioi-thieu/co-cau-to-chuc/",
        "/lien-he/",
        "/tin-tuc/le-hoi-tra-tan-cuong-2025/",
        "/van-ban/quyet-dinh-kien-toan-ban-bien-tap/",
        "/hoi-dap/che-do-tro-cap-nguoi-cao-tuoi/",
        "/en/introduction/",
        "/en/introduction/organisation/",
        "/en/contact/",
    ],
)
def test_demo_pages_answer(demo, client, path):
    assert client.get(path).status_code == 200


def test_english_pages_are_in_english(demo, client):
    html = client.get("/en/introduction/organisation/").content.decode()
    assert '<html lang="en">' in html and "Organisation" in html and "People's Committee consists" in html
    assert "Cơ cấu tổ chức" not in html.split("<main", 1)[1].split("</main>")[0]


def test_confidential_demo_document_stays_invisible(demo, client):
    secret = OfficialDocumentPage.objects.get(confidential=True)
    assert client.get(f"/van-ban/{secret.slug}/").status_code == 404
    for path in ("/van-ban/", "/tim-kiem/?q=bi+mat"):
        assert secret.number not in client.get(path).content.decode()
    assert secret.number not in sitemap_text(client) and secret.slug not in sitemap_text(client)


def test_the_demo_stores_no_secret(demo):
    """Secrets are never stored (Điều 5, 6): the demo's confidential entry is register metadata only."""
    from documents.services import attached_document_ids

    for secret in OfficialDocumentPage.objects.filter(confidential=True):
        assert not attached_document_ids(secret)
        assert not secret.live and not secret.revisions.exclude(approved_go_live_at=None).exists()
        for revision in secret.revisions.all():
            assert not revision.content.get("attachments")
