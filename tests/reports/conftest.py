"""A first quarter of 2025 at the commune, built through real publication and real questions.

Every figure the report tests expect follows from what happens here; nothing is entered as a
count. The report is read on 15/04/2025, after the quarter (`TODAY`).

What happens (deadlines: news +3 working days from the event, documents +1 from signing,
answers 15 working days from receipt; Tết 2025 is off from 27/01 to 31/01):

- contributor An: a news item on time (event 10/03, due 13/03, published 12/03) and an article
  late (event 10/03, published 17/03);
- contributor Bình: an item taken from elsewhere on time (event 10/02, published 12/02) and a
  news item published 28/03 whose deadline (01/04) falls in the next quarter;
- member Cường: a decision on time (signed 06/01, published 07/01), a news draft never
  published (event 24/03, due 27/03: missed), and a confidential document (never counted);
- official Dũng answers three questions: one received 20/12/2024 and answered 08/01 (on time),
  one received 03/02 and answered 10/02 (on time), one received 06/01 and answered 03/03 (late);
- a question received 03/03 that nobody answered (overdue), one received 25/03 (not yet due),
  one closed as spam on 05/03; a news item published in April (outside the quarter).
"""

import datetime
import zoneinfo

import pytest
import time_machine

from accounts.policy import GROUP_CONTRIBUTOR, GROUP_HEAD, GROUP_MEMBER, GROUP_OFFICIAL, GROUP_PARTY_COMMITTEE
from demo.factories.accounts import UserFactory
from demo.factories.pages import NewsPageFactory, OfficialDocumentPageFactory
from qa.models import QuestionStatus
from qa.services import assign_question, close_question, draft_answer, submit_question
from royalties.models import RoyaltyBudget
from tests.content_helpers import publish

HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
TODAY = datetime.date(2025, 4, 15)


def at(day, hour=10):
    """Pin the clock to `day` at `hour` o'clock in Hanoi."""
    return time_machine.travel(datetime.datetime.combine(day, datetime.time(hour), tzinfo=HANOI), tick=False)


def published_news(site_pages, owner, day, **fields):
    with at(day):
        return publish(NewsPageFactory(parent=site_pages["news_index"], owner=owner, live=False, **fields))


def ask(day, title):
    """A resident sends a question through the public form's service."""
    with at(day, 9):
        return submit_question(
            {
                "name": "Nguyễn Thị Hoa",
                "email": "hoa@example.vn",
                "title": title,
                "body": "Xin hỏi thủ tục …",
            }
        )


def answer(question, official, member, day):
    """A member assigns the question, the official drafts the answer, and it is published."""
    with at(day, 8):
        assign_question(question, official, by=member)
        page = draft_answer(question, by=official)
        # The resident did not consent to publication: the official states the question in general terms.
        page.question_text = "Công dân hỏi về một thủ tục hành chính của xã."
        page.answer = "<p>Ủy ban nhân dân xã trả lời như sau.</p>"
        page.save_revision(user=official)
    with at(day, 15):
        page.get_latest_revision().publish()
    question.refresh_from_db()
    assert question.status == QuestionStatus.ANSWERED
    return question


@pytest.fixture
def people(db):
    return {
        "head": UserFactory(username="truongban", first_name="Hùng", last_name="Trần", groups=[GROUP_HEAD]),
        "member": UserFactory(username="thanhvien", first_name="Cường", last_name="Lê", groups=[GROUP_MEMBER]),
        "an": UserFactory(username="ctv-an", first_name="An", last_name="Nguyễn", groups=[GROUP_CONTRIBUTOR]),
        "binh": UserFactory(username="ctv-binh", first_name="Bình", last_name="Phạm", groups=[GROUP_CONTRIBUTOR]),
        "official": UserFactory(username="congchuc", first_name="Dũng", last_name="Hoàng", groups=[GROUP_OFFICIAL]),
        "party": UserFactory(username="dang-uy", first_name="Thanh", last_name="Vũ", groups=[GROUP_PARTY_COMMITTEE]),
    }


@pytest.fixture
def quarter(site_pages, people):
    """The first quarter of 2025 described in the module docstring; returns the people."""
    RoyaltyBudget.objects.create(year=2025, amount=10_000_000, note="Quyết định phê duyệt dự toán")
    an, binh, member, official = people["an"], people["binh"], people["member"], people["official"]
    D = datetime.date

    published_news(site_pages, an, D(2025, 3, 12), event_date=D(2025, 3, 10), genre="tin")
    published_news(site_pages, an, D(2025, 3, 17), event_date=D(2025, 3, 10), genre="bai")
    published_news(
        site_pages, binh, D(2025, 2, 12), event_date=D(2025, 2, 10), is_republished=True, source="Báo Thái Nguyên"
    )
    published_news(site_pages, binh, D(2025, 3, 28), event_date=D(2025, 3, 27), genre="tin")
    published_news(site_pages, binh, D(2025, 4, 2), event_date=D(2025, 4, 1), genre="tin")
    with at(D(2025, 1, 7)):
        publish(
            OfficialDocumentPageFactory(
                parent=site_pages["document_index"], owner=member, live=False, signed_date=D(2025, 1, 6)
            )
        )
    with at(D(2025, 3, 20)):
        NewsPageFactory(parent=site_pages["news_index"], owner=member, live=False, event_date=D(2025, 3, 24))
        OfficialDocumentPageFactory(
            parent=site_pages["document_index"], owner=member, live=False, signed_date=D(2025, 3, 3), confidential=True
        )

    answer(ask(D(2024, 12, 20), "Hỏi về hộ nghèo"), official, member, D(2025, 1, 8))
    answer(ask(D(2025, 2, 3), "Hỏi về đất đai"), official, member, D(2025, 2, 10))
    answer(ask(D(2025, 1, 6), "Hỏi về hộ tịch"), official, member, D(2025, 3, 3))
    ask(D(2025, 3, 3), "Hỏi về bảo hiểm y tế")
    ask(D(2025, 3, 25), "Hỏi về giao thông")
    with at(D(2025, 3, 6)):
        close_question(ask(D(2025, 3, 5), "Quảng cáo"), "Thư rác", by=member, notify=False)
    return people
