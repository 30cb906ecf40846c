"""Menus, breadcrumbs and the language switch of the public site.

Each is the same for every visitor of a page, so it is built once and kept in the cache under
the page tree's generation (portal.pages): a publish, unpublish, move or deletion shows at once.
What depends on the page being viewed (which menu item is current) is worked out per request.
"""

from django import template
from django.utils import translation
from wagtail.models import Locale, Page, Site

from portal.pages import cached, public

register = template.Library()


def _menu(request, site):
    """The home page of the site in the active language (or the Vietnamese one) and its menu sections."""
    root = site.root_page.localized
    sections = public(root.get_children().live().in_menu())
    return {
        "root": {"url": root.get_url(request=request), "path": root.path},
        "items": [{"title": page.title, "url": page.get_url(request=request), "path": page.path} for page in sections],
    }


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    """The site's sections marked "show in menus", in tree order."""
    request = context["request"]
    site = Site.find_for_request(request)
    menu = cached("menu", lambda: _menu(request, site), site.pk, translation.get_language()) if site else None
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    items = []
    for section in menu["items"] if menu else []:
        # aria-current: "page" on the section itself, "true" inside it.
        path = section["path"]
        state = "page" if current_path == path else ("true" if current_path.startswith(path) else "")
        items.append({**section, "current": state})
    return {
        "root": menu["root"] if menu else None,
        "items": items,
        "home_is_current": bool(menu) and current_path == menu["root"]["path"],
    }


def _trail(page, request):
    return [
        {"title": ancestor.title, "url": ancestor.get_url(request=request)}
        for ancestor in page.get_ancestors().filter(depth__gte=2).live()
    ]


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail from the home page to the current page (not shown on the home page itself)."""
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return {"ancestors": [], "page": page}
    request = context["request"]
    if page.pk is None:  # a new page in the admin's preview
        ancestors = _trail(page, request)
    else:
        site = Site.find_for_request(request)
        ancestors = cached("trail", lambda: _trail(page, request), site.pk if site else "", page.pk)
    return {"ancestors": ancestors, "page": page}


def _language_links(page, request, active):
    translations = {}
    if isinstance(page, Page) and page.pk is not None:
        translations = {p.locale.language_code: p for p in page.get_translations().live().select_related("locale")}
    links = []
    for locale in Locale.objects.exclude(language_code=active).order_by("language_code"):
        target = translations.get(locale.language_code)
        url = (
            target.get_url(request=request)
            if target
            else ("/" if locale.language_code == "vi" else f"/{locale.language_code}/")
        )
        links.append({"code": locale.language_code, "name": locale.get_display_name(), "url": url})
    return links


@register.inclusion_tag("components/language_switch.html", takes_context=True)
def language_switch(context):
    """Links to the same page in the other language, or to that language's home page."""
    page = context.get("page")
    request = context["request"]
    active = translation.get_language()
    page_id = page.pk if isinstance(page, Page) else None
    if isinstance(page, Page) and page_id is None:
        return {"links": _language_links(page, request, active)}
    site = Site.find_for_request(request)
    links = cached(
        "languages", lambda: _language_links(page, request, active), site.pk if site else "", page_id or "", active
    )
    return {"links": links}
