"""Public pages at a bounded number of queries (issue 18: at most 10 per page, uncached HTML).

What every public page repeats is read from the deployment's cache (Redis in production, local
memory on the embedded default), never from a session: nothing here depends on who asks.

- The request's `Site` (Wagtail looks it up on every request) and the route from the address to
  the page (Wagtail walks the tree one level per query) are cached; a cached route is checked
  against the page it loads (live, same URL path) and falls back to Wagtail's own routing.
- Fragments that every page shows (the menu, the breadcrumbs, the language switch: `cached`)
  are kept under a *generation* that changes whenever a page, a site, a locale, a view
  restriction or the site settings change (`pages_changed`, connected in `portal.apps`). The
  generation itself lives in the shared page cache (`CACHES["pages"]`: Redis, or a file cache on
  the embedded default, see portal.page_cache), so a change made by any process (a Celery
  worker's scheduled publication) is seen at once by every web process, even when the fragments
  themselves sit in a per-process local-memory cache; there they also live only `LOCAL_TIMEOUT`
  seconds.
- `public()` is Wagtail's `.public()` without its extra query (one subquery instead), and
  `ViewRestrictionsInOneQuery` checks a page's view restrictions in one query instead of two.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

GENERATION_KEY = "portal:pages:generation"
SHARED_ALIAS = "pages"
SHARED_TIMEOUT = 24 * 3600
LOCAL_TIMEOUT = 30
_MISSING = object()


def _timeout():
    return LOCAL_TIMEOUT if isinstance(caches["default"], LocMemCache) else SHARED_TIMEOUT


def _shared():
    """The cache every process of the deployment shares (portal.page_cache explains the choice)."""
    return caches[SHARED_ALIAS]


def generation():
    """The current generation of the page tree's cached fragments."""
    shared = _shared()
    current = shared.get(GENERATION_KEY)
    if current is None:
        shared.add(GENERATION_KEY, uuid.uuid4().hex, None)
        # While the cache is unavailable nothing is kept: a fresh token each time means "rebuild".
        current = shared.get(GENERATION_KEY) or uuid.uuid4().hex
    return current


def _new_generation():
    _shared().set(GENERATION_KEY, uuid.uuid4().hex, None)


def pages_changed(**kwargs):
    """Forget every cached fragment: at once, and again when the change is committed.

    A request that rebuilt a fragment between the change and its commit read the old rows; the
    second change of generation drops what it stored.
    """
    _new_generation()
    transaction.on_commit(_new_generation)


def page_saved_or_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        pages_changed()


def _key(name, *parts):
    return ":".join(["portal", name, generation(), *map(str, parts)])


def cached(name, build, *parts):
    """`build()`, kept under the current generation and `parts` (which must never name a person)."""
    key = _key(name, *parts)
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        cache.set(key, value, _timeout())
    return value


# --- Site settings ---


def settings_key(model, site_id):
    # Under the generation: a change made in another process is seen at once (see `generation`).
    return _key("settings", model._meta.label_lower, site_id)


def settings_changed(sender, instance, **kwargs):
    """Forget a site setting's cached copy (on save and delete, and again on commit)."""
    key = settings_key(sender, instance.site_id)
    cache.delete(key)
    pages_changed()


def cached_settings_for_site(model, site, load):
    """The settings instance of `site`, from the cache or `load(site)`."""
    key = settings_key(model, site.pk)
    instance = cache.get(key)
    if instance is None:
        instance = load(site)
        cache.set(key, instance, _timeout())
    return instance


# --- Site and route ---


def cached_site(request):
    """The request's Wagtail `Site`, cached by host and port (Wagtail queries it on every request)."""
    if not hasattr(request, "_wagtail_site"):
        host, port = request._get_raw_host(), request.get_port()
        request._wagtail_site = cached("site", lambda: Site._find_for_request(request), host, port)
    return request._wagtail_site


def route_for_request(request, path):
    """Wagtail's route for `path`, loading the page in one query when the route is known.

    A route is remembered only for a plain page (no sub-route arguments). A remembered route is
    trusted only if the page it loads is live and still at that URL path; otherwise Wagtail routes.
    """
    site = cached_site(request)
    if site is None or hasattr(request, "_wagtail_route_for_request"):
        return
    key = _key("route", site.pk, translation.get_language() or "", path)
    known = cache.get(key)
    if known is not None:
        content_type_id, page_id, url_path = known
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        page = model.objects.filter(pk=page_id).first() if model else None
        if page is not None and page.live and page.url_path == url_path:
            request._wagtail_route_for_request = RouteResult(page)
            return
    result = Page.route_for_request(request, path)
    if result is not None and not result.args and not result.kwargs:
        page = result.page
        cache.set(key, (page.content_type_id, page.pk, page.url_path), _timeout())


# --- View restrictions ---


def public(queryset):
    """Wagtail's `queryset.public()` in the same query: pages outside every private section."""
    restricted = PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path")))
    return queryset.exclude(Exists(restricted))


class ViewRestrictionsInOneQuery:
    """Page mixin: Wagtail's `get_view_restrictions` (checked on every serve) in one query, not two."""

    def get_view_restrictions(self):
        steplen = self.steplen
        paths = [self.path[:end] for end in range(steplen, len(self.path) + 1, steplen)]
        chain = Page.objects.filter(path__in=paths)
        # As Wagtail: an alias has no restrictions of its own, it has those of the page it copies.
        return PageViewRestriction.objects.filter(
            Q(page__in=chain.filter(alias_of__isnull=True).values("pk"))
            | Q(page__in=chain.filter(alias_of__isnull=False).values("alias_of"))
        )
