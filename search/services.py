"""Searching the public site: full-text on PostgreSQL, folded substring matching on SQLite.

PostgreSQL searches Wagtail's index with the `portal_unaccent` text-search configuration
(created by home/migrations/0003), so "quyet dinh" matches "Quyết định". SQLite, the embedded
default, has no such configuration: there we compare folded copies of the text (`portal.text.Fold`).
Confidential documents are excluded here as well as from the index itself.
"""

from django.db import connection
from django.db.models import F, Func, TextField, Value
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

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


def searchable_pages(kind=None):
    """Live public pages of the kinds that search covers, without confidential documents."""
    models = [SEARCH_KINDS[kind][0]] if kind in SEARCH_KINDS else [model for model, _label in SEARCH_KINDS.values()]
    # Wagtail's `.public()` here, not `portal.pages.public`: Wagtail's search backends accept only
    # plain field filters, not the subquery (one query more, on the search page only).
    pages = Page.objects.live().public().type(*models)
    hidden = list(OfficialDocumentPage.objects.filter(confidential=True).values_list("id", flat=True))
    if hidden:
        pages = pages.exclude(id__in=hidden)
    return pages


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
    pages = searchable_pages(kind)
    if connection.vendor == "postgresql":
        return pages.specific().search(query, operator="and")
    terms = folded_words(query).split()
    if not terms:
        return pages.none()
    pages = pages.annotate(_folded=_folded_text())
    for term in terms:
        pages = pages.filter(_folded__contains=f" {term} ")
    return pages.order_by("-first_published_at").specific()
