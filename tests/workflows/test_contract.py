"""The regulation as a contract that content implements (issue 17, workflows/contract.py).

The board's package finds the content types through Django's app registry and never imports a
content app; a question still gets the due date promised to the resident when it is received.
"""

import datetime
import zoneinfo

import grimp
import pytest
import time_machine

from accounts.policy import GROUP_OFFICIAL
from demo.factories.accounts import UserFactory
from demo.factories.pages import QuestionFactory
from documents.models import OfficialDocumentPage
from news.models import NewsPage
from qa.models import QAPage, Question, QuestionStatus
from qa.services import submit_question
from workflows.contract import editorial_pages, implementer, implementers, resident_requests
from workflows.deadlines import ANSWER, Deadline, deadline_for, open_requests_due

D = datetime.date
HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")

BOARD = ("workflows", "royalties", "reports")
CONTENT = ("news", "documents", "qa", "home")


def test_the_registry_lists_exactly_the_content_types_that_implement_the_contract():
    assert set(implementers()) == {NewsPage, OfficialDocumentPage, QAPage, Question}
    assert set(editorial_pages()) == {NewsPage, OfficialDocumentPage, QAPage}
    assert resident_requests() == (Question,)
    assert implementer("qa.question") is Question
    assert implementer("news.newspage") is NewsPage


def test_the_boards_package_imports_no_content_app():
    # Read from the sources, imports inside functions included.
    graph = grimp.build_graph(*BOARD, *CONTENT, "portal", "accounts", "assets", cache_dir=None)
    imports = {
        (importer, imported)
        for package in BOARD
        for importer in graph.find_descendants(package) | {package}
        for imported in graph.find_modules_directly_imported_by(importer)
        if imported.split(".")[0] in CONTENT
    }
    assert imports == set()


def test_the_contract_imports_nothing_of_the_board_but_django_and_wagtail():
    # The lowest module of the board: deadlines, rules and the content apps build on it.
    graph = grimp.build_graph(*BOARD, *CONTENT, "portal", "accounts", "assets", cache_dir=None)
    assert graph.find_modules_directly_imported_by("workflows.contract") == set()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("received", "due"),
    [
        # Tuesday 28/4/2026: 30/4 (Reunification Day) and 1/5 (Labour Day) are days off.
        (datetime.datetime(2026, 4, 28, 10, tzinfo=HANOI), D(2026, 5, 21)),
        # At 23:30 local time it is still 28/4 (16:30 UTC): the clock starts on the local date.
        (datetime.datetime(2026, 4, 28, 23, 30, tzinfo=HANOI), D(2026, 5, 21)),
        # Received on the holiday itself: 15 working days from the next working day on.
        (datetime.datetime(2026, 4, 30, 9, tzinfo=HANOI), D(2026, 5, 22)),
    ],
)
def test_a_question_gets_its_due_date_on_receipt_across_the_holidays(received, due):
    with time_machine.travel(received, tick=False):
        question = submit_question({"name": "Nguyễn Văn An", "title": "Hỏi về đất", "body": "Xin hỏi …"})
    question.refresh_from_db()
    assert question.due_date == due
    assert deadline_for(question) == Deadline(ANSWER, received.date(), due)


@pytest.mark.django_db
def test_a_due_date_already_promised_is_kept():
    question = QuestionFactory(received_at=datetime.datetime(2026, 4, 28, 10, tzinfo=HANOI), due_date=D(2026, 6, 1))
    question.title = "Hỏi về đất (sửa)"
    question.save()
    question.refresh_from_db()
    assert question.due_date == D(2026, 6, 1)


@pytest.mark.django_db
def test_open_requests_due_are_the_questions_an_assignee_must_still_answer():
    official = UserFactory(groups=[GROUP_OFFICIAL])
    gone = UserFactory(groups=[GROUP_OFFICIAL], is_active=False)
    received = datetime.datetime(2026, 4, 28, 10, tzinfo=HANOI)  # due 21/5/2026
    waiting = QuestionFactory(received_at=received, assignee=official, status=QuestionStatus.ASSIGNED)
    QuestionFactory(received_at=received)  # nobody to remind
    QuestionFactory(received_at=received, assignee=gone, status=QuestionStatus.ASSIGNED)
    QuestionFactory(received_at=received, assignee=official, status=QuestionStatus.ANSWERED)
    QuestionFactory(received_at=received, assignee=official, status=QuestionStatus.CLOSED)
    overdue = QuestionFactory(received_at=datetime.datetime(2026, 3, 2, 10, tzinfo=HANOI), assignee=official)

    assert open_requests_due(D(2026, 5, 21)) == [waiting]
    assert set(open_requests_due(D(2026, 3, 2))) == {waiting, overdue}
    assert open_requests_due(D(2026, 5, 22)) == []
