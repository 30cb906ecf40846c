"""Filters of the document register: type, year, subject area, issuing body, issuer, number or abstract."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from documents.issuers import Issuer
from documents.models import DocumentType, OfficialDocumentPage, SubjectArea, public_documents


def signing_years():
    """The years in which public documents were signed, newest first."""
    dates = public_documents().exclude(signed_date=None).dates("signed_date", "year", order="DESC")
    return [(date.year, date.year) for date in dates]


def issuing_bodies():
    """The issuing bodies of public documents, in alphabetical order."""
    names = public_documents().order_by("issuing_body").values_list("issuing_body", flat=True).distinct()
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
    nam = django_filters.ChoiceFilter(
        field_name="signed_date__year", label=_("Year"), choices=signing_years, empty_label=_("All")
    )
    linh_vuc = django_filters.ChoiceFilter(
        field_name="subject_area", label=_("Subject area"), choices=SubjectArea.choices, empty_label=_("All")
    )
    co_quan = django_filters.ChoiceFilter(
        field_name="issuing_body", label=_("Issuing body"), choices=issuing_bodies, empty_label=_("All")
    )
    cap = django_filters.ChoiceFilter(
        field_name="issuer", label=_("Issued by"), choices=Issuer.choices, empty_label=_("All")
    )

    class Meta:
        model = OfficialDocumentPage
        fields = []

    def filter_text(self, queryset, name, value):
        """Number or abstract containing every word, ignoring case and diacritics."""
        from portal.search.services import Fold, compact_number
        from portal.text import fold

        queryset = queryset.annotate(_folded_number=Fold("number"), _folded_summary=Fold("summary"))
        condition = Q(_folded_number=compact_number(value)) | Q(_folded_number__contains=fold(value).strip())
        words = Q()
        for word in fold(value).split():
            words &= Q(_folded_summary__contains=word) | Q(_folded_number__contains=word)
        return queryset.filter(condition | words)
