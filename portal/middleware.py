"""Hostile input stopped at the door of the site (issue 16, items 3 and 8).

Every public request is checked before any view runs, so no filter, search or form has to
remember it:

- a body larger than the cap (`PORTAL_PUBLIC_MAX_REQUEST_SIZE`, `PORTAL_ADMIN_MAX_REQUEST_SIZE`
  for the admin's uploads) is refused with 413 before it is read;
- an address or query string carrying a control character (NUL, BEL, ESC…; tab and line breaks
  are allowed) is refused with 400: no link or form of an honest visitor carries one, and
  PostgreSQL answers NUL in a query with an error;
- the control characters of a posted form are removed instead, so that a resident who pasted
  text with an invisible character keeps the question they wrote.

Each refusal is the Vietnamese page `400.html` with a message saying what to do.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.views import serve as wagtail_serve

from portal.pages import cached_site, route_for_request
from portal.text import has_control_characters, strip_control_characters

ADMIN_PREFIX = "/admin/"


def refuse(request, status, message):
    """The error page with `message`, e.g. 400 for a bad address and 413 for a body too large."""
    return render(request, "400.html", {"message": message}, status=status)


def too_large(request):
    return refuse(
        request,
        413,
        _("What you sent is too large. Please shorten your text and send it again."),
    )


def _has_control_in(query_dict):
    return any(
        has_control_characters(key) or any(has_control_characters(value) for value in values)
        for key, values in query_dict.lists()
    )


def _cleaned(query_dict):
    """A copy of a posted QueryDict without control characters in its names and values."""
    cleaned = query_dict.copy()
    cleaned.clear()
    for key, values in query_dict.lists():
        cleaned.setlist(strip_control_characters(key), [strip_control_characters(value) for value in values])
    cleaned._mutable = False
    return cleaned


class HostileInputMiddleware:
    """Size caps for every request; control characters refused (query) or removed (forms) on the public site."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        is_admin = request.path_info.startswith(ADMIN_PREFIX)
        cap = settings.PORTAL_ADMIN_MAX_REQUEST_SIZE if is_admin else settings.PORTAL_PUBLIC_MAX_REQUEST_SIZE
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = -1
        if length < 0:
            return refuse(request, 400, _("The request could not be read. Please try again."))
        if length > cap:
            return too_large(request)
        if is_admin:
            return self.get_response(request)
        if has_control_characters(request.path) or _has_control_in(request.GET):
            return refuse(
                request,
                400,
                _(
                    "The address contains characters that are not allowed. "
                    "Please check the link or type your search again."
                ),
            )
        if request.method == "POST":
            try:
                posted = request.POST
            except RequestDataTooBig:
                return too_large(request)
            except (TooManyFieldsSent, TooManyFilesSent, MultiPartParserError):
                return refuse(request, 400, _("The request could not be read. Please try again."))
            if _has_control_in(posted):
                request.POST = _cleaned(posted)
        return self.get_response(request)


class CachedSiteAndRouteMiddleware:
    """The public site's `Site` and page route from the cache (portal.pages; issue 18).

    Wagtail finds the site on every request and walks the page tree one query per level; the
    answer is the same for every visitor, so it is looked up once and kept in the cache.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(ADMIN_PREFIX):
            cached_site(request)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_serve:
            route_for_request(request, view_kwargs.get("path", view_args[0] if view_args else ""))
