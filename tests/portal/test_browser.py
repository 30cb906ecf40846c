"""End to end in a real headless Chromium against a running server.

A resident opens the home page, reaches a news item from the menu, searches "quyet dinh"
without diacritics and opens the decision, which offers a print view. With SCREENSHOTS=1
(see scripts/screenshots) the home page is also saved at phone and desktop widths.
"""

import datetime
import os
from pathlib import Path

import pytest
from django.conf import settings

from demo.factories.pages import NewsPageFactory, OfficialDocumentPageFactory, QAPageFactory, site_tree
from tests.content_helpers import publish

# A real server needs committed data; serialized_rollback brings back what the migrations created
# (locales, the root page, groups) if another transactional test flushed it.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SCREENSHOT_DIR = Path(settings.BASE_DIR) / "docs" / "screenshots"
WIDTHS = {"phone": (390, 844), "desktop": (1366, 900)}


@pytest.fixture
def demo_pages():
    pages = site_tree()
    for section in ("news_index", "document_index", "qa_index"):
        pages[section].show_in_menus = True
        publish(pages[section])
    publish(
        NewsPageFactory(
            parent=pages["news_index"],
            title="Khai mạc Lễ hội Trà Tân Cương",
            summary="Hàng nghìn du khách tham quan các đồi chè.",
        )
    )
    decision = publish(
        OfficialDocumentPageFactory(
            parent=pages["document_index"],
            title="Quyết định kiện toàn Ban Biên tập",
            number="63/QĐ-UBND",
            summary="Kiện toàn Ban Biên tập Trang thông tin điện tử xã Tân Cương",
            signed_date=datetime.date(2024, 5, 27),
        )
    )
    publish(QAPageFactory(parent=pages["qa_index"], title="Đăng ký khai sinh trực tuyến"))
    return decision


def test_resident_reads_news_and_finds_a_decision_without_diacritics(demo_pages, live_server, browser):
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "vi"

    # A keyboard user's first Tab lands on the skip link, which shows itself.
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Bỏ qua, đến nội dung chính")
    assert skip.evaluate("element => element === document.activeElement") and skip.is_visible()

    page.get_by_role("navigation", name="Trình đơn chính").get_by_role("link", name="Tin tức").click()
    page.get_by_role("link", name="Khai mạc Lễ hội Trà Tân Cương").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Khai mạc Lễ hội Trà Tân Cương"

    page.get_by_label("Tìm kiếm trên trang").fill("quyet dinh")
    page.get_by_label("Tìm kiếm trên trang").press("Enter")
    page.get_by_role("link", name="Quyết định kiện toàn Ban Biên tập").click()
    assert page.url.endswith(demo_pages.url)
    assert "63/QĐ-UBND" in page.locator("main").inner_text()

    print_button = page.get_by_role("button", name="In")
    assert print_button.is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible() and not print_button.is_visible()
    assert page.get_by_role("heading", level=1).is_visible()
    # The printout says where it comes from and when it was printed (today in Hanoi).
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    source = page.locator(".print-source")
    assert source.is_visible()
    printed = source.inner_text()
    today = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=7))).strftime("%d/%m/%Y")
    assert "Trang thông tin điện tử xã Tân Cương" in printed
    assert f"{live_server.url}{demo_pages.url}" in printed
    assert f"Ngày in: {today}" in printed
    page.emulate_media(media="screen")
    assert not source.is_visible()

    if os.environ.get("SCREENSHOTS"):
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        for name, (width, height) in WIDTHS.items():
            shot = browser.new_page(viewport={"width": width, "height": height})
            shot.goto(live_server.url + "/")
            shot.screenshot(path=str(SCREENSHOT_DIR / f"home-{name}.png"), full_page=True)
            shot.close()
