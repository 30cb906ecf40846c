"""In a real headless Chromium: the head opens pages in the editor, saves them unchanged, and every
date reads back as it was — days 1 to 31, day first (10/09 stays 10 September).

The editor's own scripts run (the date pickers, the form's submission), which a Django test
client never exercises. The head is logged in with a second factor as tests.helpers.log_in does,
and the session cookie is handed to the browser.
"""

import datetime

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from accounts.policy import GROUP_HEAD
from demo.factories.accounts import UserFactory
from demo.factories.pages import NewsPageFactory, OfficialDocumentPageFactory, site_tree
from tests.helpers import log_in
from tests.services import CHROMIUM, CHROMIUM_ARGS, require_service

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

D = datetime.date


@pytest.fixture
def editor_page(monkeypatch, live_server):
    """A Chromium page logged into the admin as the head of the board."""
    require_service(CHROMIUM.exists(), "Debian's chromium (/usr/bin/chromium) is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    head = UserFactory(username="truongban", groups=[GROUP_HEAD])
    session_key = log_in(Client(), head).cookies[settings.SESSION_COOKIE_NAME].value
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
            context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session_key, "url": live_server.url}])
            yield context.new_page()
        finally:
            browser.close()


def save_unchanged(page):
    """Press "Save draft" without touching anything; Wagtail comes back to the editor."""
    with page.expect_navigation():
        page.locator("button.action-save").first.click()
    assert page.locator(".messages .success, .messages [class*=success]").count() >= 1, page.content()


def latest(page_model):
    page_model.refresh_from_db()
    return page_model.get_latest_revision_as_object()


def local(day, hour, minute):
    zone = datetime.timezone(datetime.timedelta(hours=7))  # Asia/Ho_Chi_Minh, no summer time
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)


def shown(value):
    return f"{value:%d/%m/%Y %H:%M}" if isinstance(value, datetime.datetime) else f"{value:%d/%m/%Y}"


def test_dates_survive_open_and_save_unchanged_for_days_1_to_31(editor_page, live_server):
    pages = site_tree()
    news = NewsPageFactory(parent=pages["news_index"], live=False)
    document = OfficialDocumentPageFactory(parent=pages["document_index"], live=False)

    # Six dates per round (three on each page), each a different day: days 1–31 in six rounds.
    days = list(range(1, 32))
    for first in range(0, len(days), 6):
        a, b, c, d, e, f = (days[(first + n) % len(days)] for n in range(6))
        checks = (
            (
                news,
                {
                    "event_date": D(2025, 10, a),
                    "go_live_at": local(D(2030, 12, b), 7, 30),
                    "expire_at": local(D(2031, 12, c), 17, 5),
                },
            ),
            (
                document,
                {
                    "signed_date": D(2025, 12, d),
                    "effective_date": D(2026, 1, e),
                    "expiry_date": D(2027, 3, f),
                },
            ),
        )
        for model, fields in checks:
            for name, value in fields.items():
                setattr(model, name, value)
            model.save_revision()
            editor_page.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=[model.pk]))
            for name, value in fields.items():
                assert editor_page.locator(f"input[name={name}]").input_value() == shown(value), name
            save_unchanged(editor_page)
            # Back in the editor after the save: shown the same, stored the same.
            stored = latest(model)
            for name, value in fields.items():
                assert editor_page.locator(f"input[name={name}]").input_value() == shown(value), name
                assert getattr(stored, name) == value, (name, value)
