"""The shape of a periodic report: plain dataclasses read by the screen, the XLSX and the PDF."""

import datetime
from dataclasses import dataclass, field

from django.utils.functional import Promise

from reports.periods import Period
from royalties.models import RoyaltyKind

StrOrPromise = str | Promise  # a label: a string, or a lazy translation rendered in the reader's language

# The kinds of published item, in the order of the report; photos are paid but are not items.
ITEM_KINDS = (
    RoyaltyKind.NEWS_ITEM,
    RoyaltyKind.ARTICLE,
    RoyaltyKind.REPUBLISHED,
    RoyaltyKind.DOCUMENT,
    RoyaltyKind.ANSWER,
)
ROYALTY_KINDS = (*ITEM_KINDS[:3], RoyaltyKind.PHOTO, *ITEM_KINDS[3:])


def ratio(part, whole):
    """part / whole, or None when there is nothing to divide by (shown as "—")."""
    return part / whole if whole else None


@dataclass
class KindRow:
    """A count (and, for royalties, an amount) for one kind."""

    kind: str
    label: StrOrPromise
    count: int = 0
    amount: int = 0


@dataclass
class RoyaltyAuthorRow:
    """One person's royalty entries in the period."""

    author_id: int
    name: str
    count: int = 0
    amount: int = 0


@dataclass
class AuthorRow:
    """One person's published items, by kind."""

    author_id: int
    name: str
    counts: dict = field(default_factory=dict)

    @property
    def total(self):
        return sum(self.counts.values())

    def count_list(self):
        """Counts in the order of ITEM_KINDS, for table cells."""
        return [self.counts.get(kind, 0) for kind in ITEM_KINDS]


@dataclass
class DeadlineRow:
    """Items of one deadline kind due in the period: met, missed and not yet due."""

    kind: str
    label: StrOrPromise
    met: int = 0
    missed: int = 0
    not_yet_due: int = 0

    @property
    def due(self):
        return self.met + self.missed + self.not_yet_due

    @property
    def on_time_rate(self):
        return ratio(self.met, self.met + self.missed)


@dataclass
class QuestionFigures:
    """Residents' questions in the period (see `question_figures`)."""

    received: int = 0
    answered: int = 0
    answered_on_time: int = 0
    answered_late: int = 0
    # Closed without an answer after the due date: a late reply (Điều 8đ), never hidden.
    closed_late: int = 0
    open_overdue: int = 0
    open_not_due: int = 0

    @property
    def overdue(self):
        return self.open_overdue + self.answered_late + self.closed_late

    @property
    def still_open(self):
        return self.open_overdue + self.open_not_due

    @property
    def on_time_rate(self):
        """Answered on time among the replies of the period, late closures included."""
        return ratio(self.answered_on_time, self.answered + self.closed_late)


@dataclass
class DaysWithoutUpdate:
    """Working days counted, and those on which nothing was published."""

    working_days: int
    dates: list

    @property
    def count(self):
        return len(self.dates)


@dataclass
class ContributorRecord:
    """One author's record for commendation proposals (Điều 10)."""

    author_id: int
    name: str
    counts: dict = field(default_factory=dict)
    deadlines_met: int = 0
    deadlines_missed: int = 0
    royalties: int = 0

    @property
    def published(self):
        return sum(self.counts.values())

    @property
    def on_time_rate(self):
        return ratio(self.deadlines_met, self.deadlines_met + self.deadlines_missed)

    def count_list(self):
        return [self.counts.get(kind, 0) for kind in ITEM_KINDS]


@dataclass
class Report:
    """Everything a periodic report shows; built by `build_report`."""

    period: Period
    agency: str
    made_on: datetime.date
    counted_until: datetime.date
    items_by_kind: list
    items_by_author: list
    deadline_rows: list
    questions: QuestionFigures
    days_without_update: DaysWithoutUpdate
    royalties_by_kind: list
    royalties_by_author: list
    budget: object
    contributors: list

    @property
    def items_total(self):
        return sum(row.count for row in self.items_by_kind)

    @property
    def deadlines_total(self):
        total = DeadlineRow(kind="", label="")
        for row in self.deadline_rows:
            total.met += row.met
            total.missed += row.missed
            total.not_yet_due += row.not_yet_due
        return total

    @property
    def royalties_total(self):
        return sum(row.amount for row in self.royalties_by_kind)

    @property
    def royalties_count(self):
        return sum(row.count for row in self.royalties_by_kind)

    @staticmethod
    def item_kind_labels():
        return [RoyaltyKind(kind).label for kind in ITEM_KINDS]
