"""Site furniture: home page, footer contacts from the settings, menus, sitemap, robots, 404, English."""

import re

import pytest
from wagtail.models import Locale, Site
from wagtail.test.utils import WagtailPageTestCase

from demo.factories.pages import NewsPageFactory, OfficialDocumentPageFactory, QAPageFactory, StandardPageFactory
from home.models import HomePage, StandardPage
from portal.models import PortalSettings
from tests.content_helpers import publish, sitemap_locations

pytestmark = pytest.mark.django_db


class HomeTreeTests(WagtailPageTestCase):
    def test_tree_rules(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)


def test_home_page_shows_latest_news_documents_and_answers(site_pages, client):
    publish(NewsPageFactory(parent=site_pages["news_index"], title="Lễ hội Trà Tân Cương"))
    publish(OfficialDocumentPageFactory(parent=site_pages["document_index"], number="63/QĐ-UBND"))
    publish(QAPageFactory(parent=site_pages["qa_index"], title="Cấp sổ đỏ lần đầu"))
    html = client.get("/").content.decode()
    assert "Lễ hội Trà Tân Cương" in html and "63/QĐ-UBND" in html and "Cấp sổ đỏ lần đầu" in html


def test_footer_shows_the_contacts_edited_as_site_settings(site_pages, client):
    contacts = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    contacts.address = "Xóm Nam Đồng, xã Tân Cương"
    contacts.phone = "0208 3 123 456"
    contacts.email = "ubnd@tancuong.example.vn"
    contacts.responsible_person = "Ông Phạm Tiến Sỹ, Trưởng Ban biên tập"
    contacts.save()
    html = client.get("/").content.decode()
    footer = html[html.index("<footer") :]
    for text in ("Ủy ban nhân dân xã Tân Cương", "Xóm Nam Đồng", "0208 3 123 456", "ubnd@tancuong.example.vn"):
        assert text in footer
    assert "Ông Phạm Tiến Sỹ, Trưởng Ban biên tập" in footer


def test_menu_and_breadcrumbs(site_pages, client):
    for page in site_pages.values():
        page.show_in_menus = True
        publish(page)
    about = publish(StandardPageFactory(parent=site_pages["home"], title="Giới thiệu", show_in_menus=True))
    chart = publish(StandardPageFactory(parent=about, title="Cơ cấu tổ chức"))
    html = client.get(chart.url).content.decode()
    menu = html[html.index('class="main-menu"') : html.index("</nav>", html.index('class="main-menu"'))]
    assert all(title in menu for title in ("Tin tức", "Văn bản", "Hỏi đáp", "Giới thiệu"))
    assert re.search(r'href="/gioi-thieu/" aria-current="true"', menu)
    crumbs = html[html.index('class="breadcrumbs') :]
    assert 'href="/gioi-thieu/"' in crumbs and '<li aria-current="page">Cơ cấu tổ chức</li>' in crumbs


def test_accessible_page_structure_and_no_cdn(site_pages, client):
    html = client.get("/tin-tuc/").content.decode()
    assert '<a class="skip-link" href="#main">' in html and '<main id="main"' in html
    assert "<header" in html and "<footer" in html and '<nav class="main-menu" aria-label=' in html
    assert '<label for="site-search">' in html
    assets = re.findall(r'(?:src|href)="([^"]+\.(?:css|js))"', html)
    assert assets and all(asset.startswith("/static/") for asset in assets)
    css = client.get("/static/css/portal.css")
    assert b"@media print" in b"".join(css.streaming_content)


def test_sitemap_is_valid_xml_listing_live_pages(site_pages, client):
    article = publish(NewsPageFactory(parent=site_pages["news_index"], title="Bài đã xuất bản"))
    draft = NewsPageFactory(parent=site_pages["news_index"], title="Bản nháp", live=False)
    locations = sitemap_locations(client)
    assert f"http://localhost{article.url}" in locations
    assert not any(draft.slug in location for location in locations)


def test_robots_txt_points_at_the_sitemap(client):
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in body and "Sitemap: http://testserver/sitemap.xml" in body


def test_useful_404(site_pages, client):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Không tìm thấy trang" in html and 'action="/tim-kiem/"' in html and 'href="/van-ban/"' in html


def test_quick_links_show_on_the_home_page_in_both_languages(site_pages, client):
    """The home page's shortcuts, in the Vietnamese grid and on a translated home page without lists."""
    home = site_pages["home"]
    home.quick_links = [("link", {"title": "Dịch vụ công trực tuyến", "url": "https://dichvucong.gov.vn/"})]
    publish(home)
    html = client.get("/").content.decode()
    assert 'aria-labelledby="quick-links"' in html and "https://dichvucong.gov.vn/" in html
    english = Locale.objects.get_or_create(language_code="en")[0]
    translated = home.copy_for_translation(english)
    publish(translated)
    html = client.get("/en/").content.decode()
    assert 'hreflang="vi"' in html  # no English lists: the Vietnamese sections are pointed at
    assert "https://dichvucong.gov.vn/" in html
