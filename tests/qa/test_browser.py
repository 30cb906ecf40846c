"""In a real headless Chromium: a resident fills in the form, gets the code and looks the question up."""

import pytest

from qa.models import Question
from tests.services import CHROMIUM, CHROMIUM_ARGS, require_service

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page(monkeypatch):
    """A Chromium page driven by Playwright (Debian's chromium; never `playwright install`)."""
    require_service(CHROMIUM.exists(), "Debian's chromium (/usr/bin/chromium) is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are still synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser.new_page(locale="vi-VN")
        finally:
            browser.close()


def test_resident_asks_a_question_and_follows_it(page, live_server, settings):
    # The browser fills the form faster than a person; the time token's minimum is not under test here.
    settings.QA_FORM_MIN_SECONDS = 0
    page.goto(f"{live_server.url}/hoi-dap/gui-cau-hoi/")
    page.get_by_label("Họ và tên").fill("Trần Thị Bình")
    page.get_by_label("Thư điện tử").fill("tran.thi.binh@example.vn")
    page.get_by_label("Chủ đề").select_option("xay-dung")
    page.get_by_label("Tiêu đề câu hỏi").fill("Xin phép xây dựng nhà ở nông thôn")
    # First a mistake: too short. The refusal keeps what was typed.
    page.get_by_label("Nội dung câu hỏi").fill("Cần gì?")
    page.get_by_role("button", name="Gửi câu hỏi").click()
    assert "ít nhất 20 ký tự" in page.content()
    assert page.get_by_label("Họ và tên").input_value() == "Trần Thị Bình"

    body = "Gia đình tôi muốn xây nhà ở trên đất thổ cư, có cần xin giấy phép không?"
    page.get_by_label("Nội dung câu hỏi").fill(body)
    page.get_by_role("button", name="Gửi câu hỏi").click()
    code = page.get_by_test_id("tracking-code").inner_text()
    question = Question.objects.get()
    assert code == question.tracking_code
    assert page.get_by_test_id("due-date").is_visible() == (question.due_date is not None)

    page.get_by_role("link", name="Theo dõi câu hỏi của tôi").click()
    result = page.get_by_test_id("lookup-result")
    assert code in result.inner_text()
    assert page.get_by_test_id("status").inner_text() == "Đã tiếp nhận"
    assert "Trần Thị Bình" not in page.content() and "tran.thi.binh@example.vn" not in page.content()

    # Looking it up again by typing the code by hand.
    page.goto(f"{live_server.url}/hoi-dap/tra-cuu/")
    page.get_by_label("Mã tra cứu").fill(code.lower())
    page.get_by_role("button", name="Tra cứu").click()
    assert code in page.get_by_test_id("lookup-result").inner_text()
