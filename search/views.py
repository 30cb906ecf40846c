"""The search page (/tim-kiem/?q=…&loai=…)."""

from django.template.response import TemplateResponse
from django.utils import translation

from portal.paginate import paginate, query_string_without_page
from portal.text import strip_control_characters
from search.services import SEARCH_KINDS, documents_numbered, search_site

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    """Search news, documents and answers; a document number typed exactly is shown first."""
    # Control characters are removed (PostgreSQL refuses NUL), should one get past the middleware.
    query = strip_control_characters(request.GET.get("q", "")).strip()[:MAX_QUERY_LENGTH]
    kind = request.GET.get("loai", "")
    if kind not in SEARCH_KINDS:
        kind = ""
    results = None
    more_than = None
    numbered = []
    if query:
        found = search_site(query, kind or None, language=translation.get_language())
        more_than = found.more_than
        results = paginate(request, found, RESULTS_PER_PAGE)
        if kind in ("", "van-ban"):
            numbered = list(documents_numbered(query))
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "results": results,
            "more_than": more_than,
            "numbered_documents": numbered,
            "kinds": [(key, label) for key, (_model, label) in SEARCH_KINDS.items()],
            "current_kind": kind,
            "query_string": query_string_without_page(request),
        },
    )
