"""Middleware guarding the Wagtail admin: board groups only, idle expiry, two-factor login."""

import time
from urllib.parse import urlencode

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _

from accounts.services import has_two_factor, is_board_user, two_factor_required

LAST_SEEN_KEY = "portal_admin_last_seen"
# Pages a half-logged-in person must still reach: signing in and out, the second step itself.
OPEN_URL_NAMES = {"wagtailadmin_login", "wagtailadmin_logout", "wagtailadmin_javascript_catalog", "wagtailadmin_sprite"}
SECOND_STEP_URL_NAMES = {"accounts_verify", "accounts_enrol"}


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
            url_name = resolve(request.path_info).url_name
        except Resolver404:
            url_name = None
        if url_name in OPEN_URL_NAMES or (url_name or "").startswith("wagtailadmin_password_reset"):
            return None

        now = int(time.time())
        last_seen = request.session.get(LAST_SEEN_KEY)
        if last_seen is not None and now - last_seen > settings.PORTAL_ADMIN_IDLE_TIMEOUT:
            return self.sign_out(request, _("Your session ended after a period of inactivity. Please sign in again."))
        # Writing the session on every request would cost a query each time; a minute is precise enough.
        if last_seen is None or now - last_seen >= 60:
            request.session[LAST_SEEN_KEY] = now

        user = request.user
        if not is_board_user(user):
            return self.sign_out(
                request, _("The admin is open only to members of the Editorial Board's groups."), next_url=False
            )
        if user.is_verified() or url_name in SECOND_STEP_URL_NAMES:
            return None
        if has_two_factor(user):
            return self.redirect_with_next("accounts_verify", request)
        if two_factor_required(user):
            return self.redirect_with_next("accounts_enrol", request)
        return None

    def redirect_with_next(self, url_name, request):
        return redirect(f"{reverse(url_name)}?{urlencode({'next': request.get_full_path()})}")

    def sign_out(self, request, message, next_url=True):
        path = request.get_full_path()
        logout(request)
        messages.error(request, message)
        login_url = reverse("wagtailadmin_login")
        return redirect(f"{login_url}?{urlencode({'next': path})}" if next_url else login_url)
