"""The periodic report counts what the regulation counts: 8b only for the commune People's
Committee's documents, no deadline for "khac" news (8e), and a question closed late is late (8đ)."""

import datetime
import importlib

import pytest
from django.apps import apps

from demo.factories.pages import NewsPageFactory, OfficialDocumentPageFactory
from news.models import NewsCategory
from qa.models import Question
from qa.services import close_question
from reports.figures import build_report
from reports.periods import Period
from tests.content_helpers import publish
from tests.reports.conftest import TODAY, ask, at

pytestmark = pytest.mark.django_db

D = datetime.date
migration = importlib.import_module("documents.migrations.0002_officialdocumentpage_issuer")


def q1():
    return build_report(Period.parse("2025-Q1"), today=TODAY)


def rows(report):
    return {row.kind: (row.met, row.missed, row.not_yet_due) for row in report.deadline_rows}


def posted(site_pages, owner, signed, published, **fields):
    with at(published):
        return publish(
            OfficialDocumentPageFactory(
                parent=site_pages["document_index"], owner=owner, live=False, signed_date=signed, **fields
            )
        )


def test_only_the_commune_committees_late_documents_lower_the_on_time_rate(quarter, site_pages):
    member = quarter["member"]
    before = q1()
    assert rows(before)["document"] == (1, 0, 0)
    assert before.deadlines_total.on_time_rate == pytest.approx(5 / 9)

    # A province decision signed 06/01 and posted 30 days later, a Party Committee resolution
    # posted a week after signing: no deadline (Điều 8b), never late.
    posted(site_pages, member, D(2025, 1, 6), D(2025, 2, 5), issuing_body="UBND tỉnh Thái Nguyên", issuer="cap-tren")
    posted(site_pages, member, D(2025, 3, 3), D(2025, 3, 10), issuing_body="Đảng ủy xã", issuer="dang-uy-xa")
    # An "Other" news item without any event date (Điều 8e).
    with at(D(2025, 3, 14)):
        publish(
            NewsPageFactory(
                parent=site_pages["news_index"], owner=member, live=False, category=NewsCategory.OTHER, event_date=None
            )
        )
    after_others = q1()
    assert rows(after_others) == rows(before)
    assert after_others.deadlines_total.on_time_rate == pytest.approx(5 / 9)
    # They are still items published in the quarter.
    assert after_others.items_total == before.items_total + 3

    # A commune decision signed Friday 07/03, due Monday 10/03, posted Tuesday 11/03: late.
    posted(site_pages, member, D(2025, 3, 7), D(2025, 3, 11), issuer="ubnd-xa")
    after_late = q1()
    assert rows(after_late)["document"] == (1, 1, 0)
    assert after_late.deadlines_total.on_time_rate == pytest.approx(5 / 10)
    cuong = next(record for record in after_late.contributors if record.name == "Lê Cường")
    assert (cuong.deadlines_met, cuong.deadlines_missed) == (1, 2)


def test_a_past_report_recomputes_after_the_migration_classifies_the_register(quarter, site_pages):
    member = quarter["member"]
    # Posted before the issuer existed: the field holds its default, the printed name the truth.
    province = posted(site_pages, member, D(2025, 2, 3), D(2025, 3, 5), issuing_body="UBND tỉnh Thái Nguyên")
    council = posted(site_pages, member, D(2025, 2, 10), D(2025, 2, 20), issuing_body="HĐND xã Tân Cương")
    commune = posted(site_pages, member, D(2025, 3, 7), D(2025, 3, 11), issuing_body="Ủy ban nhân dân xã Tân Cương")
    assert {page.issuer for page in (province, council, commune)} == {"ubnd-xa"}
    assert rows(q1())["document"] == (1, 3, 0)

    migration.classify_documents(apps, None)

    report = q1()
    assert rows(report)["document"] == (1, 1, 0)  # only the commune decision is late
    assert report.deadlines_total.on_time_rate == pytest.approx(5 / 10)


def test_a_question_closed_after_its_due_date_counts_late_in_the_periodic_report(quarter):
    member = quarter["member"]
    before = q1()
    # The question of 03/03 (due 24/03) was never answered: closed as out of scope on 28/03.
    question = Question.objects.get(title="Hỏi về bảo hiểm y tế")
    with at(D(2025, 3, 28)):
        close_question(question, "Không thuộc thẩm quyền của xã", by=member, notify=False)
    # One received 10/03 and closed on 12/03, within its time: neither answered nor late.
    early = ask(D(2025, 3, 10), "Hỏi về việc riêng")
    with at(D(2025, 3, 12)):
        close_question(early, "Không thuộc thẩm quyền của xã", by=member, notify=False)

    report = q1()
    questions = report.questions
    assert questions.received == before.questions.received + 1
    assert (questions.answered, questions.answered_on_time, questions.answered_late) == (3, 2, 1)
    assert questions.closed_late == 1
    assert questions.open_overdue == 0  # no longer open: it was closed, late
    assert questions.overdue == before.questions.overdue == 2
    assert questions.on_time_rate == pytest.approx(2 / 4)
    assert rows(report)["answer"] == rows(before)["answer"] == (2, 2, 0)

    # At the end of February the question was not yet received; at the end of March it was
    # closed late. In April, the month it would have been open, it counts nowhere again.
    march = build_report(Period.parse("2025-03"), today=TODAY)
    assert (march.questions.closed_late, march.questions.open_overdue) == (1, 0)
    april = build_report(Period.parse("2025-04"), today=TODAY)
    assert (april.questions.closed_late, april.questions.open_overdue) == (0, 0)


def test_a_question_closed_late_after_the_period_was_open_and_overdue_at_its_end(quarter):
    question = Question.objects.get(title="Hỏi về bảo hiểm y tế")  # due 24/03
    with at(D(2025, 4, 8)):
        close_question(question, "Không thuộc thẩm quyền của xã", by=quarter["member"], notify=False)

    march = build_report(Period.parse("2025-03"), today=TODAY).questions
    assert (march.open_overdue, march.closed_late) == (1, 0)
    april = build_report(Period.parse("2025-04"), today=TODAY)
    assert april.questions.closed_late == 1
    assert rows(april)["answer"][1] == 0  # due in March: March's missed deadline, not April's
    assert rows(q1())["answer"] == (2, 2, 0)
