"""What the public pages keep in the cache changes on the very next request after an edit (issue 18).

Every test first renders the pages once, so that the site, settings, menu, breadcrumbs, language
switch and routes are cached, then changes something as an editor would and asks again as an
anonymous visitor.
"""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, PageViewRestriction

from accounts.policy import GROUP_HEAD
from demo.factories.accounts import UserFactory
from demo.factories.pages import NewsPageFactory, StandardPageFactory
from portal.models import PortalSettings
from tests.content_helpers import publish

pytestmark = pytest.mark.django_db


def menu_of(response):
    html = response.content.decode()
    start = html.index('<nav class="main-menu"')
    return html[start : html.index("</nav>", start)]


@pytest.fixture
def about(site_pages):
    return publish(StandardPageFactory(parent=site_pages["home"], title="Giới thiệu", show_in_menus=True))


def test_a_new_article_is_served_and_listed_at_once(site_pages, client):
    client.get("/")
    client.get("/tin-tuc/")
    article = publish(NewsPageFactory(parent=site_pages["news_index"], title="Cảnh báo bão số 3"))
    assert "Cảnh báo bão số 3" in client.get("/tin-tuc/").content.decode()
    assert "Cảnh báo bão số 3" in client.get("/").content.decode()
    assert client.get(article.url).status_code == 200


def test_a_renamed_section_shows_its_new_title_in_the_menu_and_breadcrumbs(about, client):
    child = publish(StandardPageFactory(parent=about, title="Cơ cấu tổ chức"))
    assert "Giới thiệu" in menu_of(client.get("/"))
    assert "Giới thiệu" in client.get(child.url).content.decode()

    about.title = "Về xã Tân Cương"
    publish(about)

    assert "Về xã Tân Cương" in menu_of(client.get("/"))
    assert "Giới thiệu" not in menu_of(client.get("/"))
    breadcrumbs = client.get(child.url).content.decode()
    assert "Về xã Tân Cương" in breadcrumbs and "Giới thiệu" not in breadcrumbs


def test_an_unpublished_section_leaves_the_menu_and_its_address(about, client):
    assert "Giới thiệu" in menu_of(client.get("/"))
    assert client.get("/gioi-thieu/").status_code == 200

    about.unpublish()

    assert "Giới thiệu" not in menu_of(client.get("/"))
    assert client.get("/gioi-thieu/").status_code == 404


def test_a_moved_page_answers_at_its_new_address_only(site_pages, about, client):
    page = publish(StandardPageFactory(parent=about, title="Lịch sử", slug="lich-su"))
    assert client.get("/gioi-thieu/lich-su/").status_code == 200

    Page.objects.get(pk=page.pk).move(site_pages["home"], pos="last-child")

    # The old address sends the visitor on (Wagtail's automatic redirect), never the cached page.
    old = client.get("/gioi-thieu/lich-su/")
    assert old.status_code == 301 and old["Location"] == "/lich-su/"
    assert client.get("/lich-su/").status_code == 200


def test_a_deleted_page_is_gone_from_the_menu_and_its_address(about, client):
    assert client.get("/gioi-thieu/").status_code == 200
    assert "Giới thiệu" in menu_of(client.get("/"))

    Page.objects.get(pk=about.pk).delete()

    assert client.get("/gioi-thieu/").status_code == 404
    assert "Giới thiệu" not in menu_of(client.get("/"))


def test_a_section_made_private_leaves_the_menu_and_asks_for_a_login(about, client):
    assert "Giới thiệu" in menu_of(client.get("/"))

    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)

    assert "Giới thiệu" not in menu_of(client.get("/"))
    assert client.get("/gioi-thieu/").status_code == 302


def test_edited_footer_settings_show_on_the_next_request(site_pages, client):
    client.get("/")
    settings_ = PortalSettings.for_site(site_pages["home"].get_site())
    settings_.phone = "0208 3 999 888"
    settings_.agency_name = "UBND xã Tân Cương (mới)"
    settings_.save()

    html = client.get("/").content.decode()
    assert "0208 3 999 888" in html
    assert "UBND xã Tân Cương (mới)" in html


def test_nothing_personal_is_cached(site_pages, client):
    head = UserFactory(username="truongban-cache", first_name="Trưởng", last_name="Ban")
    head.groups.add(Group.objects.get(name=GROUP_HEAD))
    client.force_login(head)
    signed_in = client.get("/tin-tuc/").content.decode()
    assert "wagtail-userbar" in signed_in or "w-userbar" in signed_in

    client.logout()
    anonymous = client.get("/tin-tuc/").content.decode()
    assert "userbar" not in anonymous
    assert "truongban-cache" not in anonymous
