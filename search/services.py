"""Searching the public site: full-text on PostgreSQL, folded substring matching on SQLite.

PostgreSQL searches Wagtail's index (the `modelsearch` database backend's index entries) with the
`portal_unaccent` text-search configuration (created by home/migrations/0003), so "quyet dinh"
matches "Quyết định". SQLite, the embedded default, has no such configuration: there we compare
folded copies of the text (`portal.text.Fold`). Confidential documents are excluded here as well
as from the index itself.

On PostgreSQL the cost of a search is bounded whatever the number of pages (issue 18):
- the words are matched on a GIN index of the entries' `title || body` vector (search/migrations/0001),
  the very expression Wagtail's backend matches on, so matching reads the index, not every entry;
- only the newest `RANKED_MATCHES` matches are ranked (Wagtail's backend ranks every match, which
  reads the vectors of thousands of entries for a common word), best first by the backend's own
  rank (title weighted by its length, then body); when a search has fewer matches, that is all of
  them and the order is the backend's;
- the number shown is therefore at most `RANKED_MATCHES` ("more than 200").
Two SQL queries give the ranked ids; the page shown loads its ten pages, specific, in a few more:
the number of queries does not grow with the matches.
"""

import re
from collections.abc import Sequence

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import Exists, F, Func, OuterRef, TextField, Value
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.backends.database.postgres.weights import get_sql_weights
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from documents.models import OfficialDocumentPage
from news.models import NewsPage
from portal.pages import public
from portal.text import Fold, FoldedText, compact_number, folded_words
from qa.models import QAPage

# The `loai` (kind) filter of /tim-kiem/: slug → (model, label).
SEARCH_KINDS = {
    "tin-tuc": (NewsPage, _("News")),
    "van-ban": (OfficialDocumentPage, _("Official documents")),
    "hoi-dap": (QAPage, _("Questions and answers")),
}

# PostgreSQL: how many matches are ranked (and counted) at most, the newest ones.
RANKED_MATCHES = 200


def documents_numbered(query):
    """Public documents whose number is exactly `query`, ignoring case, spaces and diacritics."""
    key = compact_number(query)
    if not key or not any(char.isdigit() for char in key):
        return OfficialDocumentPage.objects.none()
    return (
        public(OfficialDocumentPage.objects.live())
        .filter(confidential=False)
        .annotate(_number=Func(Fold(F("number")), Value(" "), Value(""), function="replace", output_field=TextField()))
        .filter(_number=key)
        .order_by("-signed_date")
    )


def _kind_models(kind):
    return [SEARCH_KINDS[kind][0]] if kind in SEARCH_KINDS else [model for model, _label in SEARCH_KINDS.values()]


def searchable_pages(kind=None):
    """Live public pages of the kinds that search covers, without confidential documents."""
    confidential = OfficialDocumentPage.objects.filter(pk=OuterRef("pk"), confidential=True)
    return public(Page.objects.live().type(*_kind_models(kind))).exclude(Exists(confidential))


class SearchResults(Sequence):
    """The matches of a search, as the paginator takes them: a length and slices of specific pages.

    `more_than` is the number of matches ranked when there were more (PostgreSQL), else None.
    """

    def __init__(self, ids=None, more_than=None, queryset=None):
        self._ids = ids
        self._queryset = queryset
        self.more_than = more_than

    def count(self):
        return len(self._ids) if self._ids is not None else self._queryset.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        if self._ids is None:
            return list(self._queryset[index])
        ids = self._ids[index]
        if not ids:
            return []
        pages = Page.objects.filter(pk__in=ids).specific().in_bulk()
        return [pages[page_id] for page_id in ids if page_id in pages]


def _tsquery(query, config):
    """Every word of `query`, as Wagtail's PostgreSQL backend builds it: `'word' & 'word'`.

    PostgreSQL's parser then reads each quoted word with `config` (folding it), as it read the text.
    """
    terms = [term for term in re.split(r"[\s\-]+", query) if term]
    lexemes = Lexeme(terms[0])
    for term in terms[1:]:
        lexemes &= Lexeme(term)
    return SearchQuery(lexemes, search_type="raw", config=config)


def entry_text(prefix=""):
    """An index entry's `title || body`: what Wagtail's backend matches, and what our GIN index holds."""
    return CombinedExpression(F(f"{prefix}title"), "||", F(f"{prefix}body"), output_field=SearchVectorField())


def _postgres_ranked_ids(pages, query):
    """Ids of the newest `RANKED_MATCHES` + 1 pages of `pages` matching every word, best first.

    Two queries: the newest matches (PostgreSQL walks the pages newest first for a common word,
    reads the GIN index for a rare one), then the rank of those alone, by the entries' ids.
    """
    tsquery = _tsquery(query, get_search_backend().config)
    newest = list(
        pages.filter(index_entries__content_type=F("content_type"))
        .annotate(_text=entry_text("index_entries__"))
        .filter(_text=tsquery)
        .order_by("-first_published_at", "-pk")
        .values_list("pk", "index_entries__pk")[: RANKED_MATCHES + 1]
    )
    if len(newest) < 2:  # noqa: PLR2004 (one match needs no ranking)
        return [page_id for page_id, _entry_id in newest]
    weights = Value(get_sql_weights())
    rank = SearchRank(F("title"), tsquery, weights=weights) * F("title_norm") + SearchRank(
        F("body"), tsquery, weights=weights
    )
    ranks = dict(IndexEntry.objects.filter(pk__in=[entry_id for _page_id, entry_id in newest]).values_list("pk", rank))
    position = {entry_id: index for index, (_page_id, entry_id) in enumerate(newest)}
    newest.sort(key=lambda match: (-ranks.get(match[1], 0), position[match[1]]))
    return [page_id for page_id, _entry_id in newest]


def _folded_text():
    """Everything a person may search for on the three page types, as one SQL text."""
    fields = [
        "title",
        "newspage__summary",
        "newspage__body",
        "officialdocumentpage__number",
        "officialdocumentpage__summary",
        "qapage__question_text",
        "qapage__answer",
    ]
    return FoldedText(*[Cast(F(field), TextField()) for field in fields])


def search_site(query, kind=None):
    """Pages matching every word of `query`, best first; `kind` is a key of SEARCH_KINDS or None."""
    terms = folded_words(query).split()
    if not terms:
        return SearchResults(ids=[])
    pages = searchable_pages(kind)
    if connection.vendor == "postgresql":
        ids = _postgres_ranked_ids(pages, query)
        if len(ids) > RANKED_MATCHES:
            return SearchResults(ids=ids[:RANKED_MATCHES], more_than=RANKED_MATCHES)
        return SearchResults(ids=ids)
    pages = pages.annotate(_folded=_folded_text())
    for term in terms:
        pages = pages.filter(_folded__contains=f" {term} ")
    return SearchResults(queryset=pages.order_by("-first_published_at", "-pk").specific())
