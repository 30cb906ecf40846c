"""Fixtures of the portal's browser tests."""

import pytest

from tests.services import CHROMIUM, CHROMIUM_ARGS, require_service


@pytest.fixture
def browser(monkeypatch):
    require_service(CHROMIUM.exists(), "Debian's chromium (/usr/bin/chromium) is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    # Playwright's sync API runs an event loop in this thread; Django's database calls of the
    # live server happen in the server's own thread, so this only silences Django's guard.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
