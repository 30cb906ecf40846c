"""The regulation as a contract that editorial content implements (issue 17, docs/architecture.md).

The board's package (workflows, royalties, reports) never asks "what kind of page is this?" and
imports no content app. Each editorial content type mixes in `EditorialItem` and answers, about
itself, what the regulation asks of it: its deadline's kind and start (Điều 8a–8đ), the person
responsible for it (Điều 6, 7, 10), what its publication pays (Điều 9) and which rules its
publication would break (Điều 5, 6, 7, 8). A resident's request with an answer deadline (Điều 8đ:
a question today) also implements `ResidentRequest`, whose fields the board counts with.

The board finds the implementers in Django's app registry (`implementers()`): adding a content
type is one class in its own app, and no edit here.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar

from django.apps import apps
from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import CharField, F, IntegerField, Q, QuerySet, Value
from django.db.models.functions import Cast
from django.utils.functional import Promise
from wagtail.models import Page

if TYPE_CHECKING:
    from django.db.models import Manager
    from django.db.models.options import Options


@dataclass(frozen=True)
class Claim:
    """One author's claim for one item or photo, before it is priced (Điều 9)."""

    kind: str
    author: Any
    image: Any = None


class EditorialItem:
    """Mixed into every editorial content type: what the regulation asks of one of its items.

    The defaults say "nothing": no deadline, nobody responsible, no royalty, no rule broken. A
    content type overrides what applies to it; the class attributes are the same rules as the
    methods, said to the database, so that the board's lists leave out at the database what has
    no deadline and keep their query counts whatever the amount of content.
    """

    if TYPE_CHECKING:  # an implementer is a model
        objects: ClassVar[Manager[Any]]
        _meta: ClassVar[Options[Any]]
        pk: Any

    # --- Deadline (Điều 8a–8đ; read through `workflows.deadlines.deadline_for`) ---

    #: The rows whose `deadline_clock()` is not None, as a filter. None: the type's items are not
    #: listed themselves (an answer page has its question's deadline; the question is listed).
    deadline_filter: ClassVar[Q | None] = None
    #: The date field the clock starts from; narrows a period's list to what can fall due in it.
    deadline_start_field: ClassVar[str] = ""
    #: The fields `deadline_clock()` reads, loaded (and only they) for the lists.
    deadline_fields: ClassVar[tuple[str, ...]] = ()
    #: The kind `deadline_clock()` gives, said to the database: (filter, kind) pairs, the first
    #: that matches a row of `deadline_filter` gives its kind (the deadlines report and the
    #: periodic report count in SQL with it; `Q()` matches every row).
    deadline_kinds: ClassVar[tuple[tuple[Q, str], ...]] = ()

    def deadline_clock(self) -> tuple[str, datetime.date] | None:
        """(Deadline kind of `workflows.deadlines`, local date its clock starts), or None without one."""
        return None

    def promised_due_date(self) -> datetime.date | None:
        """The due date promised and stored (a resident's question); None: computed from the clock."""
        return None

    # --- Responsibility (Điều 6, 7, 10) ---

    def responsible_person(self) -> AbstractBaseUser | None:
        """The person the item is credited to in royalties, reports and contributors' records."""
        return None

    @classmethod
    def with_responsible_person(cls, queryset: QuerySet[Any]) -> QuerySet[Any]:
        """`queryset` fetching along what `responsible_person()` reads, in a fixed number of queries."""
        return queryset

    @classmethod
    def responsible_person_expression(cls) -> Any:
        """The primary key of `responsible_person()` as an SQL expression (None: nobody, for every row)."""
        return Value(None, output_field=IntegerField())

    # --- Royalties (Điều 9) ---

    def royalty_kind(self) -> str | None:
        """The `royalties.models.RoyaltyKind` its text counts as, in royalties and reports; None: none."""
        return None

    @classmethod
    def royalty_kind_expression(cls) -> Any:
        """`royalty_kind()` as an SQL expression on the item's row (the periodic report counts with it)."""
        return Value(None, output_field=CharField())

    def royalty_claims(self) -> list[Claim]:
        """What its first publication pays: its text, to the responsible person (plus, say, photos)."""
        kind = self.royalty_kind()
        return [] if kind is None else [Claim(kind, self.responsible_person())]

    # --- Publication (Điều 5, 6, 7, 8; enforced by `workflows.rules`) ---

    #: The rows that may ever count as published (a confidential document never does, Điều 5, 6).
    publishable: ClassVar[Q] = Q()

    def publication_problems(self) -> Sequence[str | Promise]:
        """The rules this item, as it would go live, breaks; empty when it may go live."""
        return []


class ResidentRequest(EditorialItem):
    """A resident's request the commune must answer within a deadline (Điều 8đ, DESIGN §6).

    Implemented by a model with the fields the board counts with: `received_at` (the clock starts
    on its local date), `due_date` (promised on receipt, possibly extended), `answered_at` and
    `closed_at` (when it was answered, or closed without an answer), `status`, and `assignee`
    (the official who answers it).
    """

    #: The `status` values of a request still waiting for its answer.
    open_statuses: ClassVar[tuple[str, ...]] = ()
    #: The `status` of a request closed without an answer (late when closed after its due date).
    closed_status: ClassVar[str] = ""

    def answer_given_at(self) -> datetime.datetime | None:
        """When the answer reached the resident (`answered_at`, or its answer's first publication)."""
        return None

    def admin_url(self) -> str | None:
        """Where the board opens the request in the admin."""
        return None

    @classmethod
    def with_answers(cls, queryset: QuerySet[Any]) -> QuerySet[Any]:
        """`queryset` fetching along what `answer_given_at()` and `admin_url()` read."""
        return queryset

    @classmethod
    def answer_given_at_expression(cls) -> Any:
        """`answer_given_at()` as an SQL expression on the request's row."""
        return F("answered_at")

    @classmethod
    def title_expression(cls) -> Any:
        """`str(request)`, its name in the board's lists, as an SQL expression."""
        return Cast("pk", CharField())


@cache
def implementers() -> tuple[type[EditorialItem], ...]:
    """Every model of the installed apps that implements the contract, in INSTALLED_APPS order."""
    return tuple(model for model in apps.get_models() if issubclass(model, EditorialItem))


def editorial_pages() -> tuple[type[Page], ...]:
    """The page types that implement the contract: what the board moderates, publishes and pays."""
    return tuple(model for model in implementers() if issubclass(model, Page))


def resident_requests() -> tuple[type[ResidentRequest], ...]:
    """The models of residents' requests with an answer deadline (Điều 8đ)."""
    return tuple(model for model in implementers() if issubclass(model, ResidentRequest))


def implementer(label: str) -> type[EditorialItem]:
    """The implementer whose lower-case model label (`news.newspage`) is `label`."""
    return {model._meta.label_lower: model for model in implementers()}[label]
