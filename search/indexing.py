"""Bringing Wagtail's search index up to date without rebuilding it (issue 18).

Wagtail keeps the index current on every save and publication through its signals. What bypasses
them (pages written in bulk by bench/make_scale_data.py, an import, a restored backup, an `UPDATE`
in SQL) is missing from the index or out of date, and Wagtail's only remedy, `update_index`,
rebuilds every entry of every model (197 s over 31,663 pages here, and it rewrites the whole
table). `update_index_incrementally` touches only what needs it:

- objects that the index lacks (no entry for their model and id) are indexed, in chunks, with the
  backend's own `add_items` — the same entries `update_index` would write;
- with `since`, pages published or revised since that moment are indexed again as well;
- entries of objects that are gone, or that their model no longer indexes (a document marked
  confidential behind the signals' back), are deleted.
"""

from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast
from modelsearch.index import get_indexed_models
from modelsearch.utils import get_content_type_pk
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

# Fields that tell when a page (or another indexed model having them) last changed.
CHANGE_FIELDS = ("last_published_at", "latest_revision_created_at")


def _entries(model):
    return IndexEntry.objects.filter(content_type_id=get_content_type_pk(model))


def objects_to_index(model, since=None):
    """The objects of `model` to (re)index: without an entry, or changed since `since`."""
    entry = _entries(model).filter(object_id=Cast(OuterRef("pk"), CharField(max_length=50)))
    wanted = Q(~Exists(entry))
    if since is not None:
        for name in CHANGE_FIELDS:
            if any(field.name == name for field in model._meta.get_fields()):
                wanted |= Q(**{f"{name}__gte": since})
    return model.get_indexed_objects().filter(wanted)


def stale_entries(model):
    """Entries of `model` whose object is gone or is no longer one that `model` indexes."""
    indexed = model.get_indexed_objects().annotate(_object_id=Cast("pk", CharField(max_length=50)))
    return _entries(model).exclude(object_id__in=indexed.values("_object_id"))


def update_index_incrementally(since=None, chunk_size=500, backend_name="default", models=None, report=None):
    """Index what the index lacks (and what changed since `since`), delete stale entries.

    `models`: labels ("news.NewsPage") to limit the run to, or None for every indexed model.
    Returns {"indexed": n, "deleted": n}. `report(model, indexed, deleted)` is called per model.
    """
    backend = get_search_backend(backend_name)
    totals = {"indexed": 0, "deleted": 0}
    for model in get_indexed_models():
        if not model.get_search_fields() or (models and model._meta.label not in models):
            continue
        index = backend.get_index_for_model(model)
        index.add_model(model)
        # Counted on the entries alone (on SQLite their full-text rows are deleted with them).
        deleted = stale_entries(model).delete()[1].get(IndexEntry._meta.label, 0)
        indexed = 0
        last_pk = None
        queryset = objects_to_index(model, since).order_by("pk")
        while True:
            chunk = list((queryset.filter(pk__gt=last_pk) if last_pk is not None else queryset)[:chunk_size])
            if not chunk:
                break
            index.add_items(model, chunk)
            indexed += len(chunk)
            last_pk = chunk[-1].pk
        totals["indexed"] += indexed
        totals["deleted"] += deleted
        if report and (indexed or deleted):
            report(model, indexed, deleted)
    return totals
