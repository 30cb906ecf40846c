"""Security headers on the public site and the admin, and production's secure settings."""

import json

import pytest

from accounts.policy import GROUP_MEMBER
from demo.factories.accounts import UserFactory
from tests.helpers import log_in
from tests.portal.test_settings import PRODUCTION_ENV, run_manage

pytestmark = pytest.mark.django_db


def csp_directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_public_pages_forbid_inline_script_and_framing(client, site_pages):
    response = client.get("/")
    assert response.status_code == 200
    directives = csp_directives(response)
    assert directives["script-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] in {"DENY", "SAMEORIGIN"}
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_public_templates_carry_no_inline_script(client, site_pages):
    html = client.get("/").content.decode()
    assert "<script>" not in html and "onclick=" not in html


def test_admin_allows_wagtails_inline_scripts_only_there(client):
    log_in(client, UserFactory(groups=[GROUP_MEMBER]))
    directives = csp_directives(client.get("/admin/"))
    assert "'unsafe-inline'" in directives["script-src"]
    assert directives["object-src"] == ["'none'"]


def test_production_uses_secure_cookies_hsts_and_https():
    code = (
        "import json; from django.conf import settings as s; print(json.dumps({k: getattr(s, k) for k in "
        "['SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SECURE_HSTS_SECONDS', 'SECURE_SSL_REDIRECT', "
        "'SESSION_COOKIE_HTTPONLY', 'X_FRAME_OPTIONS', 'SECURE_CONTENT_TYPE_NOSNIFF', 'DEBUG']}))"
    )
    result = run_manage("shell", "-c", code, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"] and values["SESSION_COOKIE_HTTPONLY"]
    assert values["SECURE_HSTS_SECONDS"] >= 365 * 24 * 3600
    assert values["SECURE_SSL_REDIRECT"] and values["SECURE_CONTENT_TYPE_NOSNIFF"]
    assert values["X_FRAME_OPTIONS"] == "DENY" and values["DEBUG"] is False
