"""The anonymous full-page cache of the public site, and its HTTP caching headers (issue 18).

A visitor without a session cookie gets the public pages from the page cache (`CACHES["pages"]`):
the whole response as it left the site (its headers too), without any middleware, view or SQL
query. Only Wagtail's pages and the sitemap and news feed are stored, only for GET, only at
status 200, never when the response set a cookie (a CSRF token is one: a page with a form is
therefore never stored, and no visitor's token is ever handed to another), never for a page with
a view restriction, never under /admin/. Query strings are part of the key only when bounded:
`?page=N` and `?p=N` (pagination); filters, tags and search (free text, unbounded keys) are
rendered each time. The language is in the path (`/` is Vietnamese, `/en/` English) and so in
the key; `LocaleMiddleware` decides by the path alone (i18n_patterns without a default prefix).

Invalidation is by *tags*: an entry remembers the version of each tag it depends on (`all`,
`page:<id>` of the page served, `feeds` for the sitemap and the feed, and what the page itself
declares with `page_cache_tags()`, e.g. the related articles of a news category); it is served
only while every tag still has that version (one `get_many`). A change renews exactly the tags
of what it affects (`invalidate_page`): the page, its ancestors (the index pages and the home
page that list it), its translations (their language switch), the feeds, and the tags the page
declares, before and after the change; everything (`all`) when what every page shows changes
(a page in the menu, a section with children, a move, the settings, a site, a locale, a view
restriction, an image). Renewed at once and again on commit, as `portal.pages` does.

Where the cache lives, and why: with `REDIS_URL` it is Redis, shared by every web process and
the Celery worker. Without it (the embedded default) it is a `FileBasedCache` under `var/`, not
local memory: scheduled publication runs in the Celery worker, another process, and a publish
must reach the web processes at once ("visible within one second, however the page was
cached"). A file cache shared on one machine gives that with no query per hit; a per-process
local-memory cache would need a database check on every hit. The fragments of `portal.pages`
keep their generation in the same shared cache, so a page rendered after a change never reuses
a menu the change made stale.

HTTP: a stored page carries `Cache-Control: public, max-age=0, s-maxage=N, must-revalidate`,
an `ETag` (hash of the body) and `Last-Modified` (when it was rendered); a conditional request
that matches gets 304. Browsers revalidate every time; a shared cache in front (nginx, Varnish)
keeps a page at most `PORTAL_PAGE_CACHE_SHARED_MAX_AGE` seconds and is purged on changes through
`wagtail.contrib.frontend_cache` when `WAGTAILFRONTENDCACHE` is configured (`purge`). Any other
HTML response of the site is `private`: `no-store` when it belongs to someone (a session, a
cookie set, a POST), `no-cache` otherwise (search results: never kept by a shared cache).
"""

import hashlib
import re
import time
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, get_conditional_response, patch_cache_control
from django.utils.http import http_date, parse_http_date_safe
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, Site
from wagtail.views import serve as wagtail_serve

PAGE_CACHE_ALIAS = "pages"
ADMIN_PREFIX = "/admin/"
ALL = "all"
FEEDS = "feeds"
CLOCK_KEY = "clock"
# Views besides Wagtail's pages whose responses are the same for every visitor (portal.urls).
CACHEABLE_URL_NAMES = frozenset({"sitemap", "sitemap_section", "news_feed"})
# Query parameters kept in the key: pagination only, a bounded number of keys per page.
BOUNDED_QUERY = {"page": re.compile(r"[1-9][0-9]{0,3}"), "p": re.compile(r"[1-9][0-9]{0,3}")}
# Fields a draft's save writes on the live page's row: nothing a visitor sees changes.
DRAFT_FIELDS = frozenset(
    {
        "draft_title",
        "latest_revision",
        "latest_revision_created_at",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
        "numchild",
        "wagtail_admin_comments",
    }
)


def page_cache():
    """The shared cache of whole pages and of the tags' versions."""
    return caches[PAGE_CACHE_ALIAS]


# --- Tags ---


def _tag_key(tag):
    return f"tag:{tag}"


def page_tag(page_id):
    return f"page:{page_id}"


def declared_tags(page):
    """What `page` declares its rendering depends on besides itself (`page_cache_tags()`)."""
    declare = getattr(page, "page_cache_tags", None)
    return set(declare()) if callable(declare) else set()


def current_versions(tags):
    """The version of each tag, giving a new version to a tag that has none (never seen, or evicted)."""
    cache = page_cache()
    keys = {_tag_key(tag): tag for tag in tags}
    found = cache.get_many(list(keys))
    for key in set(keys) - set(found):
        cache.add(key, uuid.uuid4().hex, None)
    missing = [key for key in keys if key not in found]
    if missing:
        found.update(cache.get_many(missing))
    if len(found) < len(keys):
        return None  # the cache is unavailable: nothing can be stored safely
    return {keys[key]: version for key, version in found.items()}


def _renew(tags):
    changes = {_tag_key(tag): uuid.uuid4().hex for tag in tags}
    page_cache().set_many({**changes, CLOCK_KEY: uuid.uuid4().hex}, None)


def clock():
    """A token that changes with every renewal: a page rendered while it changed is not stored.

    Reading the tags' versions only after rendering would store a page rendered from the rows
    before a change under the versions after it (the change committed during the render).
    """
    cache = page_cache()
    cache.add(CLOCK_KEY, uuid.uuid4().hex, None)
    return cache.get(CLOCK_KEY)


def renew(tags):
    """Make every entry depending on one of `tags` stale: at once, and again on commit.

    A request that renders between the change and its commit reads the old rows and stores
    them under the new versions; the second renewal drops what it stored.
    """
    tags = set(tags)
    if not tags:
        return
    _renew(tags)
    transaction.on_commit(lambda: _renew(tags))


# --- Keys and entries ---


def request_key(request):
    """The cache key of an anonymous GET or HEAD request, or None when it must not use the cache."""
    if request.method not in ("GET", "HEAD") or request.path_info.startswith(ADMIN_PREFIX):
        return None
    if request.COOKIES.get(settings.SESSION_COOKIE_NAME) or request.META.get("CONTENT_LENGTH", "0") not in ("", "0"):
        return None
    query = []
    for name, values in request.GET.lists():
        pattern = BOUNDED_QUERY.get(name)
        if pattern is None or len(values) != 1 or not pattern.fullmatch(values[0]):
            return None
        query.append(f"{name}={values[0]}")
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    address = f"{request.scheme}://{host}{request.path}?{'&'.join(sorted(query))}"
    return "page:" + hashlib.sha256(address.encode()).hexdigest()


def _timeout():
    """Seconds an entry may live: the configured time, but never past the next local midnight.

    Pages say "in force" or "not yet in force" from today's date; a new day renders them anew.
    """
    now = timezone.localtime()
    midnight = timezone.make_aware(datetime.combine(now.date() + timedelta(days=1), datetime.min.time()))
    return max(1, min(settings.PORTAL_PAGE_CACHE_TIMEOUT, int((midnight - now).total_seconds()) + 1))


def _public_headers(response, rendered_at):
    response.headers.pop("Expires", None)
    response["Cache-Control"] = (
        f"public, max-age=0, s-maxage={settings.PORTAL_PAGE_CACHE_SHARED_MAX_AGE}, must-revalidate"
    )
    response["ETag"] = '"' + hashlib.md5(response.content, usedforsecurity=False).hexdigest() + '"'
    response["Last-Modified"] = http_date(rendered_at)


def lookup(request, key):
    """The stored response for `key` if every tag it depends on is unchanged, else None."""
    cache = page_cache()
    entry = cache.get(key)
    if entry is None:
        return None
    versions = entry["versions"]
    current = cache.get_many([_tag_key(tag) for tag in versions])
    if any(current.get(_tag_key(tag)) != version for tag, version in versions.items()):
        return None
    response = HttpResponse(b"" if request.method == "HEAD" else entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    return response


def store(key, response, tags, started):
    """Keep `response` under `key` with the current versions of `tags`, unless something changed
    since the render `started` (the clock then)."""
    versions = current_versions(tags | {ALL})
    if versions is None or started is None or clock() != started:
        return
    entry = {
        "versions": versions,
        "status": response.status_code,
        "headers": list(response.items()),
        "content": response.content,
    }
    page_cache().set(key, entry, _timeout())


# --- Which responses are stored ---


def served_page(request):
    """The Wagtail page a request was routed to (portal.pages caches the route on the request)."""
    route = getattr(request, "_wagtail_route_for_request", None)
    return route[0] if route is not None else None


def response_tags(request, response):
    """The tags of a response that may be stored, or None when it must not be."""
    if request.method != "GET" or response.status_code != 200 or response.streaming or response.cookies:
        return None
    control = response.get("Cache-Control", "")
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return None
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return None
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return None
    kind = getattr(request, "_page_cache_kind", None)
    if kind == "feed":
        return {FEEDS}
    if kind != "page":
        return None
    page = served_page(request)
    if page is None or page.get_view_restrictions().exists():
        return None
    return {page_tag(page.pk)} | declared_tags(page)


def _is_html(response):
    return response.get("Content-Type", "").startswith("text/html")


class AnonymousPageCacheMiddleware:
    """Serve and store the anonymous visitors' pages (see the module); first in MIDDLEWARE.

    First, so that a hit skips every other middleware and the stored response carries the
    headers they all added (security, CSP, language, Vary).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PORTAL_PAGE_CACHE or request.path_info.startswith(ADMIN_PREFIX):
            return self.get_response(request)
        key = request_key(request)
        if key is not None:
            response = lookup(request, key)
            if response is not None:
                return get_conditional_response(
                    request, etag=response.get("ETag"), last_modified=_parse_date(response), response=response
                )
        started = clock() if key is not None else None
        response = self.get_response(request)
        tags = response_tags(request, response) if key is not None else None
        if tags is not None:
            rendered_at = time.time()
            _public_headers(response, rendered_at)
            store(key, response, tags, started)
            return get_conditional_response(
                request, etag=response["ETag"], last_modified=int(rendered_at), response=response
            )
        if _is_html(response) and "Cache-Control" not in response:
            personal = key is None and (
                request.method not in ("GET", "HEAD") or request.COOKIES.get(settings.SESSION_COOKIE_NAME)
            )
            if personal or response.cookies:
                add_never_cache_headers(response)
            else:
                patch_cache_control(response, private=True, no_cache=True)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_serve:
            request._page_cache_kind = "page"
        elif request.resolver_match is not None and request.resolver_match.url_name in CACHEABLE_URL_NAMES:
            request._page_cache_kind = "feed"


def _parse_date(response):
    value = response.get("Last-Modified")
    return parse_http_date_safe(value) if value else None


# --- Invalidation (connected in portal.apps) ---


def _state(page):
    return {"live": page.live, "in_menu": page.show_in_menus, "tags": declared_tags(page)}


def page_before_save(sender, instance, update_fields=None, **kwargs):
    """Remember what a live page showed before the save (its menu place, its declared tags)."""
    if not settings.PORTAL_PAGE_CACHE or not isinstance(instance, Page) or instance.pk is None:
        return
    if _draft_only(update_fields):
        return
    before = type(instance).objects.filter(pk=instance.pk).first()
    instance._page_cache_before = _state(before) if before is not None else None


def _draft_only(update_fields):
    return update_fields is not None and set(update_fields) <= DRAFT_FIELDS


def page_saved(sender, instance, update_fields=None, **kwargs):
    """A save that changes what visitors see (a publication, an unpublication, a confidential takedown)."""
    if not isinstance(instance, Page) or _draft_only(update_fields):
        return
    before = getattr(instance, "_page_cache_before", None) or {"live": False, "in_menu": False, "tags": set()}
    if instance.live or before["live"]:
        invalidate_page(instance, extra_tags=before["tags"], everything=before["in_menu"] and before["live"])


def page_published_or_unpublished(sender, instance, **kwargs):
    invalidate_page(instance)


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live:
        invalidate_page(instance, purge_urls=False)


def page_moved(sender, instance, url_path_before="", url_path_after="", **kwargs):
    """A move changes addresses, breadcrumbs and lists in two places: everything is rendered anew."""
    invalidate_page(instance, everything=True)


def everything_changed(sender=None, **kwargs):
    """The settings, a site, a locale or a view restriction: every page shows or depends on them."""
    renew({ALL})
    _purge_on_commit(None, everything=True)


def settings_saved(sender, created=False, **kwargs):
    """The site settings edited. Their row is created on first reading (`for_site`), with the
    defaults every page already showed: that creation changes nothing a visitor sees."""
    if not created:
        everything_changed()


def media_changed(sender, created=False, update_fields=None, **kwargs):
    """An image or a document replaced or edited: the pages using it are not known, so all of them.

    A new one is used by no page yet. Wagtail's own partial saves (the file's size, hash and
    dimensions, written the first time a page renders the image) change nothing a visitor sees.
    """
    if not created and update_fields is None:
        everything_changed()


def invalidate_page(page, extra_tags=(), everything=False, purge_urls=True):
    """Renew the tags of what a change of `page` affects (see the module docstring).

    With the page cache off nothing is stored, but entries from before may come back when it
    is turned on again: everything is renewed then, without a query.
    """
    if not settings.PORTAL_PAGE_CACHE:
        renew({ALL})
        return
    tags = {page_tag(page.pk), FEEDS, *extra_tags, *declared_tags(page)}
    tags.update(page_tag(pk) for pk in Page.objects.ancestor_of(page).values_list("pk", flat=True))
    tags.update(
        page_tag(pk)
        for pk in Page.objects.filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .values_list("pk", flat=True)
    )
    # What other pages show of it: the menu (every page), the breadcrumbs and addresses of its
    # children (a section), the site's root.
    if everything or page.show_in_menus or page.numchild or page.depth <= 2:
        tags.add(ALL)
        everything = True
    renew(tags)
    if purge_urls:
        _purge_on_commit(page, everything=everything)


# --- An HTTP cache in front (wagtail.contrib.frontend_cache) ---


def _purge_on_commit(page, everything):
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    transaction.on_commit(lambda: purge(page, everything))


def purge(page, everything=False):
    """Purge what the page cache forgot from the HTTP cache in front, with Wagtail's `PurgeBatch`.

    The page's addresses, its ancestors' (the index pages and home page listing it), its
    translations' and the feeds. For a change of everything, the home pages and the feeds: the
    other pages' copies in front live at most `PORTAL_PAGE_CACHE_SHARED_MAX_AGE` seconds.
    """
    batch = PurgeBatch()
    if page is not None:
        page = Page.objects.filter(pk=page.pk).first() or page
        related = Page.objects.ancestor_of(page).filter(depth__gt=1) | Page.objects.filter(
            translation_key=page.translation_key
        )
        batch.add_pages(related.live())
        if page.live:
            batch.add_page(page)
    if everything or page is None:
        batch.add_pages(Page.objects.live().filter(depth=2))
    for site in Site.objects.all():
        batch.add_urls(f"{site.root_url}{path}" for path in settings.PORTAL_PAGE_CACHE_FEED_PATHS)
    batch.purge()
