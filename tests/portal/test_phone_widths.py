"""No public page scrolls sideways on a phone (issue 19), measured in a real Chromium at 320 and 390 px.

The footer's long e-mail address made every page 498 px wide at 390 px, the register's table cut
off "Tình trạng", and a document's metadata kept two columns. The content below is the kind that
overflows: a long address, a long number, an unbroken web address in an abstract.
"""

import datetime

import pytest
from wagtail.models import Site

from demo.factories.pages import (
    NewsPageFactory,
    OfficialDocumentPageFactory,
    QAPageFactory,
    QuestionFactory,
    StandardPageFactory,
    site_tree,
)
from portal.models import PortalSettings
from tests.content_helpers import publish

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE_WIDTHS = [320, 390]
LONG_LINK = "https://dichvucong.thainguyen.gov.vn/dichvucong/thutuchanhchinh/chitiet?ma=1.001234.000.00.00.H56"


@pytest.fixture
def public_pages():
    pages = site_tree()
    for section in ("news_index", "document_index", "qa_index"):
        pages[section].show_in_menus = True
        publish(pages[section])
    contacts = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    contacts.address = "Xóm Nam Đồng, xã Tân Cương, thành phố Thái Nguyên, tỉnh Thái Nguyên"
    contacts.phone = "0208 3 123 456"
    contacts.email = "vanphong.ubndxatancuong.thanhphothainguyen@thainguyen.gov.vn"
    contacts.responsible_person = "Ông Phạm Tiến Sỹ, Phó Chủ tịch Ủy ban nhân dân xã, Trưởng Ban biên tập"
    contacts.save()
    news = publish(
        NewsPageFactory(
            parent=pages["news_index"],
            title="Hướng dẫn nộp hồ sơ trực tuyến trên Cổng dịch vụ công của tỉnh",
            summary=f"Địa chỉ nộp hồ sơ: {LONG_LINK}",
        )
    )
    document = publish(
        OfficialDocumentPageFactory(
            parent=pages["document_index"],
            title="Kế hoạch triển khai chuyển đổi số",
            number="1234/KH-UBND-VP-TCKT-ĐCXD",
            summary=f"Kế hoạch triển khai chuyển đổi số năm 2026; biểu mẫu tại {LONG_LINK}",
            signed_date=datetime.date(2026, 3, 27),
        )
    )
    answer = publish(QAPageFactory(parent=pages["qa_index"], title="Đăng ký khai sinh trực tuyến"))
    standard = publish(StandardPageFactory(parent=pages["home"], title="Liên hệ", slug="lien-he"))
    question = QuestionFactory()
    return [
        "/",
        "/tin-tuc/",
        news.url,
        "/van-ban/",
        "/van-ban/?q=1234",
        document.url,
        "/hoi-dap/",
        answer.url,
        "/hoi-dap/gui-cau-hoi/",
        f"/hoi-dap/tra-cuu/?code={question.tracking_code}",
        "/tim-kiem/?q=chuyen+doi+so",
        standard.url,
    ]


@pytest.mark.parametrize("width", PHONE_WIDTHS)
def test_no_public_page_is_wider_than_a_phone(public_pages, live_server, browser, width):
    page = browser.new_page(viewport={"width": width, "height": 800})
    too_wide = {}
    for path in public_pages:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            too_wide[path] = scroll_width
    assert too_wide == {}


def test_the_register_is_a_list_of_cards_on_a_phone(public_pages, live_server, browser):
    page = browser.new_page(viewport={"width": 320, "height": 800})
    page.goto(live_server.url + "/van-ban/")
    card = page.locator(".register tbody tr").first
    # Every value of the row, status included, is on screen under its own heading.
    status = card.locator("td").last
    assert status.is_visible() and status.bounding_box()["x"] + status.bounding_box()["width"] <= 320
    assert card.evaluate("row => getComputedStyle(row).display") == "block"
    assert card.locator("td").nth(4).evaluate("cell => getComputedStyle(cell, '::before').content") == '"Tình trạng"'
    # At desktop width it is still the register's table.
    wide = browser.new_page(viewport={"width": 1366, "height": 900})
    wide.goto(live_server.url + "/van-ban/")
    assert wide.locator(".register thead").is_visible()
    assert wide.locator(".register tbody tr").first.evaluate("row => getComputedStyle(row).display") == "table-row"


def test_a_documents_details_stack_in_one_column_on_a_phone(public_pages, live_server, browser):
    page = browser.new_page(viewport={"width": 390, "height": 800})
    page.goto(live_server.url + public_pages[5])
    labels = page.locator(".document-fields dt")
    values = page.locator(".document-fields dd")
    assert labels.count() and labels.count() == values.count()
    # Each value starts under its label, at the same left edge, not beside it.
    assert values.first.bounding_box()["x"] == labels.first.bounding_box()["x"]
    assert values.first.bounding_box()["y"] > labels.first.bounding_box()["y"]
