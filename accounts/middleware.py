"""Middleware guarding the Wagtail admin: board groups only, idle expiry, two-factor login."""

import re
import time
from urllib.parse import urlencode

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _

from accounts import policy
from accounts.services import has_two_factor

LAST_SEEN_KEY = "portal_admin_last_seen"
# Pages a half-logged-in person must still reach: signing in and out, the second step itself.
OPEN_URL_NAMES = {"wagtailadmin_login", "wagtailadmin_logout", "wagtailadmin_javascript_catalog", "wagtailadmin_sprite"}
SECOND_STEP_URL_NAMES = {"accounts_verify", "accounts_enrol"}
# Wagtail's built-in reports, and wagtail-localize's translations report.
WAGTAIL_REPORTS_NAMESPACE = "wagtailadmin_reports"
LOCALIZE_REPORT_PREFIX = "wagtail_localize:translations_report"
# Query parameters through which Wagtail's admin views take database ids (bulk actions, choosers,
# uploads). A value that is no id reached the ORM and answered 500 (issue 16, item 9).
ID_PARAMS = {"id", "childOf", "parent_page_id", "collection_id"}
ID_PATTERN = re.compile(r"[1-9][0-9]{0,18}")
MAX_ID = 2**63 - 1
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def admin_prefix():
    return reverse("wagtailadmin_home")


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's extra allowances applied under /admin/ only."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(admin_prefix()):
            parts.replace = {**settings.PORTAL_ADMIN_CSP_REPLACE, **(parts.replace or {})}
        return parts


class AdminAccessMiddleware:
    """Apply Điều 6 to every admin request of a signed-in person.

    1. An admin session idle for longer than PORTAL_ADMIN_IDLE_TIMEOUT ends.
    2. Only members of a board group (or superusers) may use the admin.
    3. The second factor: a person with an authenticator must enter a code after the password;
       the head and the members must enrol one before they can do anything else.
    4. Wagtail's built-in reports (site history, aging pages, workflows…) are the board's only.
    5. A query string with a control character or an id that is no id answers 400.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.check(request)
        return response or self.get_response(request)

    def check(self, request):
        if not request.path_info.startswith(admin_prefix()) or not request.user.is_authenticated:
            return None
        try:
            match = resolve(request.path_info)
        except Resolver404:
            match = None
        url_name = match.url_name if match else None
        if url_name in OPEN_URL_NAMES or (url_name or "").startswith("wagtailadmin_password_reset"):
            return None

        now = int(time.time())
        last_seen = request.session.get(LAST_SEEN_KEY)
        if last_seen is not None and now - last_seen > settings.PORTAL_ADMIN_IDLE_TIMEOUT:
            return self.sign_out(request, _("Your session ended after a period of inactivity. Please sign in again."))
        # Writing the session on every request would cost a query each time; a minute is precise enough.
        if last_seen is None or now - last_seen >= 60:
            request.session[LAST_SEEN_KEY] = now

        if malformed_query(request):
            return HttpResponseBadRequest(
                _("The address holds a parameter that is not valid."), content_type="text/plain; charset=utf-8"
            )

        user = request.user
        if not policy.may_enter_admin(user):
            return self.sign_out(
                request, _("The admin is open only to members of the Editorial Board's groups."), next_url=False
            )
        if not (user.is_verified() or url_name in SECOND_STEP_URL_NAMES):
            if has_two_factor(user):
                return self.redirect_with_next("accounts_verify", request)
            if policy.requires_two_factor(user):
                return self.redirect_with_next("accounts_enrol", request)
        if match and is_wagtail_report(match) and not policy.may_use_wagtail_reports(user):
            # Wagtail opens its reports to anyone who may add a page; DESIGN §2 does not.
            raise PermissionDenied
        return None

    def redirect_with_next(self, url_name, request):
        return redirect(f"{reverse(url_name)}?{urlencode({'next': request.get_full_path()})}")

    def sign_out(self, request, message, next_url=True):
        path = request.get_full_path()
        logout(request)
        messages.error(request, message)
        login_url = reverse("wagtailadmin_login")
        return redirect(f"{login_url}?{urlencode({'next': path})}" if next_url else login_url)


def is_wagtail_report(match):
    """Whether the resolved admin URL is one of Wagtail's (or wagtail-localize's) own reports."""
    return match.namespace == WAGTAIL_REPORTS_NAMESPACE or match.view_name.startswith(LOCALIZE_REPORT_PREFIX)


def is_id(value, param):
    """A database id as Wagtail's admin expects it: a positive integer a bigint holds.

    Bulk actions also take ``id=all``; the choosers' and uploads' parameters may be empty (a
    listing's filter form sends ``collection_id=`` for "all collections").
    """
    if value == {"id": "all", "childOf": None}.get(param, ""):
        return True
    return bool(ID_PATTERN.fullmatch(value)) and int(value) <= MAX_ID


def malformed_query(request):
    """Whether the admin query string holds a control character or an id parameter that is no id.

    PostgreSQL refuses NUL in any text, and an id that is not an integer makes the ORM raise, so
    both answered 500 deep inside Wagtail's views; they are refused here, once, for every view.
    """
    for param, values in request.GET.lists():
        if CONTROL_CHARACTERS.search(param) or any(CONTROL_CHARACTERS.search(value) for value in values):
            return True
        if param in ID_PARAMS and not all(is_id(value, param) for value in values):
            return True
    return False
