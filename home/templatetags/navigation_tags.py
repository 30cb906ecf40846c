"""Menus, breadcrumbs and the language switch of the public site."""

from django import template
from django.utils import translation
from wagtail.models import Locale, Page, Site

register = template.Library()


def _site_root(request):
    """The home page of the request's site in the active language (or the Vietnamese one)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    return site.root_page.localized


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    """The site's sections marked "show in menus", in tree order."""
    request = context["request"]
    root = _site_root(request)
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    items = []
    for section in root.get_children().live().public().in_menu() if root else []:
        # aria-current: "page" on the section itself, "true" inside it.
        state = "page" if current_path == section.path else ("true" if current_path.startswith(section.path) else "")
        items.append({"page": section, "current": state})
    return {
        "root": root,
        "items": items,
        "home_is_current": bool(root) and current_path == root.path,
        "request": request,
    }


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail from the home page to the current page (not shown on the home page itself)."""
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return {"ancestors": [], "page": page}
    ancestors = list(page.get_ancestors().filter(depth__gte=2).live())
    return {"ancestors": ancestors, "page": page, "request": context["request"]}


@register.inclusion_tag("components/language_switch.html", takes_context=True)
def language_switch(context):
    """Links to the same page in the other language, or to that language's home page."""
    page = context.get("page")
    active = translation.get_language()
    links = []
    translations = {}
    if isinstance(page, Page):
        translations = {p.locale.language_code: p for p in page.get_translations().live().select_related("locale")}
    for locale in Locale.objects.exclude(language_code=active).order_by("language_code"):
        target = translations.get(locale.language_code)
        url = (
            target.get_url(request=context["request"])
            if target
            else ("/" if locale.language_code == "vi" else f"/{locale.language_code}/")
        )
        links.append({"code": locale.language_code, "name": locale.get_display_name(), "url": url})
    return {"links": links}
