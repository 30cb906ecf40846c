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
from django.db.models import Case, Exists, F, Func, IntegerField, OuterRef, Q, TextField, Value, When
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.backends.database.postgres.weights import get_sql_weights
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from documents.models import OfficialDocumentPage
from home.models import StandardPage
from news.models import NewsPage
from portal.pages import public
from portal.text import Fold, FoldedText, compact_number, folded_words
from qa.models import QAPage
from search.synonyms import has_synonyms, word_groups

# The `loai` (kind) filter of /tim-kiem/: slug → (model, label).
SEARCH_KINDS = {
    "tin-tuc": (NewsPage, _("News")),
    "van-ban": (OfficialDocumentPage, _("Official documents")),
    "hoi-dap": (QAPage, _("Questions and answers")),
}

# Searched too when no kind is chosen: the introduction, organisation and contact pages.
ALSO_SEARCHED = [StandardPage]

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
    if kind in SEARCH_KINDS:
        return [SEARCH_KINDS[kind][0]]
    return [model for model, _label in SEARCH_KINDS.values()] + ALSO_SEARCHED


def searchable_pages(kind=None, language=None):
    """Live public pages of the kinds that search covers, in `language`, without confidential documents."""
    confidential = OfficialDocumentPage.objects.filter(pk=OuterRef("pk"), confidential=True)
    pages = public(Page.objects.live().type(*_kind_models(kind))).exclude(Exists(confidential))
    if language:
        # /tim-kiem/ searches the Vietnamese pages, /en/tim-kiem/ the English ones.
        pages = pages.filter(locale__language_code=language)
    return pages


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
    With an abbreviation or its expansion in the query, each is matched either way:
    `('ubnd' | 'uy' <-> 'ban' <-> 'nhan' <-> 'dan') & 'xa'`.
    """
    groups = word_groups(folded_words(query).split())
    if has_synonyms(groups):
        alternatives = (
            "(" + " | ".join(" <-> ".join(f"'{word}'" for word in phrase) for phrase in sorted(group)) + ")"
            for group in groups
        )
        return SearchQuery(" & ".join(alternatives), search_type="raw", config=config)
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
    exact = _titles_as_typed(query, [page_id for page_id, _entry_id in newest])
    newest.sort(key=lambda match: (match[0] not in exact, -ranks.get(match[1], 0), position[match[1]]))
    return [page_id for page_id, _entry_id in newest]


def _typed_words(query):
    """The words of `query` as typed, in lower case, when they carry diacritics; else none."""
    if query.isascii():
        return []
    return [word for word in re.split(r"[\W_]+", query.lower()) if word]


def _as_typed(query):
    """A condition on the title: it holds every word of `query` with its diacritics ("đất", not "dat")."""
    condition = Q()
    for word in _typed_words(query):
        # SQLite's LIKE ignores the case of ASCII letters only: "đất" must also be tried as "Đất".
        spellings = {word, word[:1].upper() + word[1:], word.upper()}
        either = Q()
        for spelling in spellings:
            either |= Q(title__icontains=spelling)
        condition &= either
    return condition


def _titles_as_typed(query, page_ids):
    """Of `page_ids`, those whose title holds the query's words with their diacritics (one query)."""
    if not _typed_words(query):
        return set()
    return set(Page.objects.filter(_as_typed(query), pk__in=page_ids).values_list("pk", flat=True))


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
        "standardpage__intro",
        "standardpage__body",
    ]
    return FoldedText(*[Cast(F(field), TextField()) for field in fields])


def search_site(query, kind=None, language=None):
    """Pages matching every word of `query`, best first; `kind` is a key of SEARCH_KINDS or None.

    A word may be an abbreviation or its expansion (search.synonyms); pages whose title holds the
    words as typed, diacritics included, come first.
    """
    terms = folded_words(query).split()
    if not terms:
        return SearchResults(ids=[])
    pages = searchable_pages(kind, language)
    if connection.vendor == "postgresql":
        ids = _postgres_ranked_ids(pages, query)
        if len(ids) > RANKED_MATCHES:
            return SearchResults(ids=ids[:RANKED_MATCHES], more_than=RANKED_MATCHES)
        return SearchResults(ids=ids)
    pages = pages.annotate(_folded=_folded_text())
    for group in word_groups(terms):
        matches = Q()
        for phrase in group:
            matches |= Q(_folded__contains=f" {' '.join(phrase)} ")
        pages = pages.filter(matches)
    if _typed_words(query):
        as_typed = Case(When(_as_typed(query), then=Value(1)), default=Value(0), output_field=IntegerField())
        pages = pages.annotate(_as_typed=as_typed).order_by("-_as_typed", "-first_published_at", "-pk")
    else:
        pages = pages.order_by("-first_published_at", "-pk")
    return SearchResults(queryset=pages.specific())
