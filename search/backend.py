"""Wagtail's database search backend, with our diacritic-folding configuration for autocomplete too."""

from django.db import connection
from modelsearch.backends.database import SearchBackend as database_search_backend


def SearchBackend(params):  # noqa: N802 (Wagtail looks the backend up by this name)
    """The database backend of `modelsearch`; on PostgreSQL autocomplete uses `SEARCH_CONFIG` as well.

    modelsearch hard-codes the `simple` configuration for autocomplete (no stemming), and `simple`
    keeps diacritics: "tan cuo" would never complete to "Tân Cương". Our configuration
    (`portal_unaccent`, see home/migrations) does not stem either, so it is safe for prefixes.
    """
    backend = database_search_backend(params)
    if connection.vendor == "postgresql" and params.get("SEARCH_CONFIG"):
        backend.autocomplete_config = params["SEARCH_CONFIG"]
    return backend
