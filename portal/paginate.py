"""Pagination shared by the listing pages and search."""

from django.core.paginator import Paginator


def paginate(request, items, per_page):
    """The page of `items` named by `?page=` (the first or last page when it is out of range)."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def query_string_without_page(request):
    """The current filters as a query string, for pagination links that keep them."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
