"""The anonymous page cache (issue 18): served without a query, fresh after every change a visitor would see.

The cache is the configured one (Redis under CI, local memory here). Each test fills it as an
anonymous visitor, changes something as the board would, and asks again.
"""

import datetime
import os
import re
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.test.signals import template_rendered
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction

from accounts.policy import GROUP_HEAD
from demo.factories.accounts import UserFactory
from demo.factories.pages import NewsPageFactory, OfficialDocumentPageFactory, StandardPageFactory
from news.models import NewsPage
from portal.models import PortalSettings
from qa.models import Question
from qa.protection import make_form_token
from tests.content_helpers import publish
from tests.services import BASE_DIR, database_url_for_subprocess
from workflows.tasks import publish_scheduled_pages

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PORTAL_PAGE_CACHE = True


def text(response):
    return response.content.decode()


def cached(client, path, django_assert_max_num_queries):
    """Ask twice: the second answer comes from the page cache, without a query."""
    first = client.get(path)
    assert first.status_code == 200
    with django_assert_max_num_queries(0):
        second = client.get(path)
    assert second.status_code == 200 and second.content == first.content
    return second


@pytest.fixture
def article(site_pages):
    return publish(
        NewsPageFactory(parent=site_pages["news_index"], title="Lịch tiêm phòng tháng 5", category="su-kien")
    )


def test_a_second_anonymous_visit_is_served_from_the_cache_with_http_validators(
    site_pages, article, client, django_assert_max_num_queries
):
    for path in ("/", "/tin-tuc/", article.url, "/tin-tuc/?page=1", "/sitemap.xml", "/tin-tuc/rss/"):
        response = cached(client, path, django_assert_max_num_queries)
        assert response["Cache-Control"] == "public, max-age=0, s-maxage=1, must-revalidate"
        assert response["ETag"] and response["Last-Modified"]
    # The headers of every middleware are kept with the page (security, CSP, language).
    assert "Content-Security-Policy" in response and response["X-Content-Type-Options"] == "nosniff"

    etag = client.get(article.url)["ETag"]
    with django_assert_max_num_queries(0):
        not_modified = client.get(article.url, HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert client.get(article.url, HTTP_IF_NONE_MATCH='"other"').status_code == 200
    head = client.head(article.url)
    assert head.status_code == 200 and head.content == b""


def test_the_first_answer_already_says_when_nothing_changed(site_pages, client):
    first = client.get("/tin-tuc/")
    assert first["ETag"]
    assert client.get("/tin-tuc/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_vietnamese_and_english_are_kept_apart(site_pages, client):
    english = Locale.objects.get_or_create(language_code="en")[0]
    home_en = site_pages["home"].copy_for_translation(english)
    home_en.title = "Tan Cuong Commune"
    publish(home_en)
    vietnamese, english_page = client.get("/"), client.get("/en/")
    assert client.get("/").content == vietnamese.content and client.get("/en/").content == english_page.content
    assert '<html lang="vi">' in text(client.get("/"))
    assert '<html lang="en">' in text(client.get("/en/"))


def test_free_text_filters_and_search_are_rendered_each_time(site_pages, article, client):
    for path in ("/tin-tuc/?tag=che", "/van-ban/?q=63", "/tim-kiem/?q=tin", "/tin-tuc/?page=1&x=1"):
        client.get(path)
        response = client.get(path)
        assert response.status_code == 200
        assert set(response["Cache-Control"].split(", ")) == {"private", "no-cache"}
        assert "ETag" not in response


def test_a_publication_shows_at_once_on_the_page_its_index_the_home_page_and_its_neighbours(
    site_pages, article, client, django_assert_max_num_queries
):
    for path in ("/", "/tin-tuc/", article.url, "/sitemap.xml", "/tin-tuc/rss/"):
        cached(client, path, django_assert_max_num_queries)
    new = publish(NewsPageFactory(parent=site_pages["news_index"], title="Cảnh báo bão số 3", category="su-kien"))
    for path in ("/", "/tin-tuc/", "/tin-tuc/rss/"):
        assert "Cảnh báo bão số 3" in text(client.get(path)), path
    assert new.full_url in text(client.get("/sitemap-pages.xml"))
    # Its neighbour of the same category lists it among the related articles.
    assert "Cảnh báo bão số 3" in text(client.get(article.url))

    new.title = "Cảnh báo bão số 3 (cập nhật)"
    publish(new)
    assert "(cập nhật)" in text(client.get(new.url))
    assert "(cập nhật)" in text(client.get("/"))


def test_an_unpublished_article_disappears_everywhere_at_once(site_pages, article, client):
    for path in ("/", "/tin-tuc/", article.url):
        client.get(path)
    Page.objects.get(pk=article.pk).specific.unpublish()
    assert client.get(article.url).status_code == 404
    assert "Lịch tiêm phòng tháng 5" not in text(client.get("/tin-tuc/"))
    assert "Lịch tiêm phòng tháng 5" not in text(client.get("/"))


def test_a_deleted_article_disappears_everywhere_at_once(site_pages, article, client):
    for path in ("/", "/tin-tuc/", article.url):
        client.get(path)
    Page.objects.get(pk=article.pk).delete()
    assert client.get(article.url).status_code == 404
    assert "Lịch tiêm phòng tháng 5" not in text(client.get("/tin-tuc/"))
    assert "Lịch tiêm phòng tháng 5" not in text(client.get("/"))


def test_a_moved_page_leaves_its_old_section_and_answers_at_its_new_address(site_pages, client):
    about = publish(StandardPageFactory(parent=site_pages["home"], title="Giới thiệu", show_in_menus=True))
    history = publish(StandardPageFactory(parent=about, title="Lịch sử", slug="lich-su"))
    for path in ("/", "/gioi-thieu/", "/gioi-thieu/lich-su/"):
        assert client.get(path).status_code == 200
    Page.objects.get(pk=history.pk).move(site_pages["home"], pos="last-child")
    assert client.get("/gioi-thieu/lich-su/").status_code == 301
    assert client.get("/lich-su/").status_code == 200


def test_a_document_marked_confidential_leaves_its_page_the_register_and_the_home_page(site_pages, client):
    document = publish(
        OfficialDocumentPageFactory(parent=site_pages["document_index"], title="Quyết định 77", number="77/QĐ-UBND")
    )
    for path in ("/", "/van-ban/", document.url):
        assert client.get(path).status_code == 200
    assert "77/QĐ-UBND" in text(client.get("/van-ban/"))

    document.confidential = True
    document.save_revision()

    assert client.get(document.url).status_code == 404
    assert "77/QĐ-UBND" not in text(client.get("/van-ban/"))
    assert "Quyết định 77" not in text(client.get("/"))


def test_a_settings_change_shows_on_every_page_at_once(site_pages, article, client):
    for path in ("/", article.url):
        client.get(path)
    portal_settings = PortalSettings.for_site(site_pages["home"].get_site())
    portal_settings.phone = "0208 3 999 888"
    portal_settings.save()
    assert "0208 3 999 888" in text(client.get("/"))
    assert "0208 3 999 888" in text(client.get(article.url))


def test_a_page_behind_a_view_restriction_is_never_cached(site_pages, article, client):
    assert client.get(article.url).status_code == 200
    restriction = PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(article.url).status_code == 302
    # A password restriction shows its form with a 200: still never stored, never public.
    restriction.restriction_type = PageViewRestriction.PASSWORD
    restriction.password = "mat-khau"
    restriction.save()
    for _ in range(2):
        response = client.get(article.url)
        assert response.status_code == 200 and "Lịch tiêm phòng" not in text(response)
        assert "public" not in response.get("Cache-Control", "")
    restriction.delete()
    assert "Lịch tiêm phòng tháng 5" in text(client.get(article.url))


def test_an_editor_never_gets_nor_fills_the_cached_copy(site_pages, client):
    assert "userbar" not in text(client.get("/tin-tuc/"))
    head = UserFactory(username="truongban-pagecache", first_name="Trưởng", last_name="Ban")
    head.groups.add(Group.objects.get(name=GROUP_HEAD))
    editor = Client()
    editor.force_login(head)
    signed_in = editor.get("/tin-tuc/")
    assert "userbar" in text(signed_in)
    assert "no-store" in signed_in["Cache-Control"] and "private" in signed_in["Cache-Control"]
    assert "public" not in signed_in["Cache-Control"]

    client.get("/tin-tuc/")
    anonymous = client.get("/tin-tuc/")
    assert "userbar" not in text(anonymous) and "truongban-pagecache" not in text(anonymous)


def test_a_visitor_with_a_session_is_never_served_nor_stored(site_pages, client, django_assert_max_num_queries):
    cached(client, "/tin-tuc/", django_assert_max_num_queries)
    client.cookies["sessionid"] = "not-a-session-of-anyone"
    with_session = client.get("/tin-tuc/")
    assert "no-store" in with_session["Cache-Control"]
    assert "ETag" not in with_session


def test_the_question_form_still_accepts_a_post_with_csrf_checked_after_cached_pages(
    site_pages, settings, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    settings.QA_FORM_MIN_SECONDS = 0
    resident = Client(enforce_csrf_checks=True)
    cached(resident, "/hoi-dap/", django_assert_max_num_queries)
    form = resident.get("/hoi-dap/gui-cau-hoi/")
    assert "no-store" in form["Cache-Control"]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text(form)).group(1)
    data = {
        "csrfmiddlewaretoken": token,
        "name": "Nguyễn Văn An",
        "email": "nguyen.van.an@example.vn",
        "phone": "0912 345 678",
        "address": "Xóm Hồng Thái 2, xã Tân Cương",
        "topic": "dat-dai",
        "title": "Thủ tục cấp giấy chứng nhận quyền sử dụng đất",
        "body": "Gia đình tôi muốn làm thủ tục cấp giấy chứng nhận quyền sử dụng đất lần đầu.",
        "consent_to_publish": "on",
        "website": "",
        "form_token": make_form_token(time.time() - 60),
    }
    # A second resident got the same cached pages: no token of the first was handed out.
    assert token not in text(Client().get("/hoi-dap/"))
    with django_capture_on_commit_callbacks(execute=True):
        sent = resident.post("/hoi-dap/gui-cau-hoi/", data)
    assert sent.status_code == 302 and Question.objects.count() == 1
    # Now with a session: the same pages, never from nor into the cache.
    after = resident.get("/hoi-dap/")
    assert after.status_code == 200 and "no-store" in after["Cache-Control"]


def test_a_scheduled_publication_is_visible_at_once(site_pages, client):
    client.get("/")
    client.get("/tin-tuc/")
    draft = NewsPageFactory(parent=site_pages["news_index"], title="Thông báo lịch cắt điện", live=False)
    revision = draft.save_revision()
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision.save(update_fields=["approved_go_live_at"])
    publish_scheduled_pages()
    assert NewsPage.objects.get(pk=draft.pk).live
    assert "Thông báo lịch cắt điện" in text(client.get("/tin-tuc/"))
    assert "Thông báo lịch cắt điện" in text(client.get("/"))


class PurgeRecorder(BaseHTTPRequestHandler):
    """A tiny HTTP cache in front: it records the PURGE requests it receives."""

    received: list[tuple[str, str]] = []

    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.received.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def front_cache(settings):
    server = HTTPServer(("127.0.0.1", 0), PurgeRecorder)
    PurgeRecorder.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield PurgeRecorder.received
    server.shutdown()
    server.server_close()


def test_a_publication_purges_the_same_pages_from_the_http_cache_in_front(
    site_pages, front_cache, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        new = publish(NewsPageFactory(parent=site_pages["news_index"], title="Cảnh báo bão số 3"))
    purged = {path for _, path in front_cache}
    assert {new.url, "/tin-tuc/", "/", "/sitemap.xml", "/sitemap-pages.xml", "/tin-tuc/rss/"} <= purged
    assert {host for host, _ in front_cache} == {"localhost"}


@pytest.mark.integration
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_scheduled_publication_by_another_process_is_visible_at_once(site_pages, client, settings, tmp_path):
    """The Celery worker is another process: on Redis (CI) or the embedded default's file cache it
    shares the page cache with the web process, and its publication is seen on the next request."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": database_url_for_subprocess(),
        "PORTAL_PAGE_CACHE": "1",
    }
    if not settings.REDIS_URL:
        env["PORTAL_TEST_PAGE_CACHE_DIR"] = str(tmp_path / "pages")
        file_cache = {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "pages"),
        }
        settings.CACHES = {**settings.CACHES, "pages": file_cache}
    draft = NewsPageFactory(parent=site_pages["news_index"], title="Thông báo lịch cắt điện", live=False)
    revision = draft.save_revision()
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision.save(update_fields=["approved_go_live_at"])
    for path in ("/", "/tin-tuc/"):
        client.get(path)
        assert "Thông báo lịch cắt điện" not in text(client.get(path))

    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from workflows.tasks import publish_scheduled_pages as run; run()",
        ],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
    )

    assert NewsPage.objects.get(pk=draft.pk).live
    assert "Thông báo lịch cắt điện" in text(client.get("/tin-tuc/"))
    assert "Thông báo lịch cắt điện" in text(client.get("/"))


def test_a_page_rendered_while_a_change_is_made_is_not_kept(site_pages, client, django_assert_max_num_queries):
    """A change committed during a render (a worker's publication) would leave the old content
    under the new versions: such a render is served but not stored."""
    changes = []

    def change_once(**kwargs):
        if not changes:
            changes.append(True)
            publish(NewsPageFactory(parent=site_pages["news_index"], title="Tin đăng giữa chừng"))

    template_rendered.connect(change_once, dispatch_uid="page-cache-test")
    try:
        # The home page reads its lists before rendering: this render has the old list.
        first = client.get("/")
    finally:
        template_rendered.disconnect(dispatch_uid="page-cache-test")
    assert "Tin đăng giữa chừng" not in text(first)
    second = cached(client, "/", django_assert_max_num_queries)
    assert "Tin đăng giữa chừng" in text(second)
