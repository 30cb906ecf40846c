"""Filters of the document register: type, year, subject area, issuing body, issuer, number or abstract.

The register page builds the filter over its public documents; the years and issuing bodies
offered are those of these documents.
"""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from documents.choices import DocumentType, SubjectArea
from documents.issuers import Issuer
from portal.text import Fold, compact_number, fold


class FoldIndexed(Fold):
    """`Fold` as the register's trigram indexes know it on PostgreSQL (`documents_fold`, migration 0003)."""

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="documents_fold", **extra_context)


def signing_years(documents):
    """The years in which the documents were signed, newest first."""
    dates = documents.exclude(signed_date=None).dates("signed_date", "year", order="DESC")
    return [(date.year, date.year) for date in dates]


def issuing_bodies(documents):
    """The issuing bodies of the documents, in alphabetical order."""
    names = documents.order_by("issuing_body").values_list("issuing_body", flat=True).distinct()
    return [(name, name) for name in names]


class DocumentFilter(django_filters.FilterSet):
    """The register's search form; every control is labelled for screen readers."""

    q = django_filters.CharFilter(
        label=_("Number or abstract"),
        method="filter_text",
        widget=forms.TextInput(attrs={"placeholder": "63/QĐ-UBND"}),
    )
    loai = django_filters.ChoiceFilter(
        field_name="document_type", label=_("Document type"), choices=DocumentType.choices, empty_label=_("All")
    )
    nam = django_filters.ChoiceFilter(field_name="signed_date__year", label=_("Year"), empty_label=_("All"))
    linh_vuc = django_filters.ChoiceFilter(
        field_name="subject_area", label=_("Subject area"), choices=SubjectArea.choices, empty_label=_("All")
    )
    co_quan = django_filters.ChoiceFilter(field_name="issuing_body", label=_("Issuing body"), empty_label=_("All"))
    cap = django_filters.ChoiceFilter(
        field_name="issuer", label=_("Issued by"), choices=Issuer.choices, empty_label=_("All")
    )

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        # Read when the form is built, as callables: the years and bodies of these very documents.
        self.filters["nam"].extra["choices"] = lambda: signing_years(self.queryset)
        self.filters["co_quan"].extra["choices"] = lambda: issuing_bodies(self.queryset)

    def filter_text(self, queryset, name, value):
        """Number or abstract containing every word, ignoring case and diacritics."""
        # `alias`, not `annotate`: the folded texts are compared, never selected (computing them
        # for every matching row of the list cost more than the match itself).
        queryset = queryset.alias(_folded_number=FoldIndexed("number"), _folded_summary=FoldIndexed("summary"))
        folded = fold(value).strip()
        compact = compact_number(value)
        # The number as typed (spaces ignored), or containing the text…
        condition = Q(_folded_number__contains=folded)
        if compact != folded:  # otherwise equal to it implies containing it
            condition |= Q(_folded_number=compact)
        # …or every word in the number or the abstract. Each comparison is written once: on
        # PostgreSQL every one folds the text of every document the indexes cannot rule out.
        words = folded.split()
        if words == [folded]:
            return queryset.filter(condition | Q(_folded_summary__contains=folded))
        every_word = Q()
        for word in words:
            every_word &= Q(_folded_summary__contains=word) | Q(_folded_number__contains=word)
        return queryset.filter(condition | every_word)
