"""An article that goes through the whole approval chain in the admin is counted once, for its author.

The other report tests publish revisions directly; this one presses the editor's and the
workflow's buttons as the board does (contributor submits, member reviews, head approves), with
a rejection and a correction on the way, and reads the month's report and royalties afterwards.
"""

import datetime

import pytest

from accounts.policy import GROUP_CONTRIBUTOR, GROUP_HEAD, GROUP_MEMBER
from demo.factories.accounts import UserFactory
from reports.figures import build_report
from reports.periods import Period
from royalties.models import RoyaltyEntry
from tests.reports.conftest import at
from tests.workflows.conftest import as_user, draft_news, news_form, submit, workflow_action

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def board(db):
    return {
        "head": UserFactory(username="truongban", first_name="Hùng", last_name="Trần", groups=[GROUP_HEAD]),
        "member": UserFactory(username="thanhvien", first_name="Cường", last_name="Lê", groups=[GROUP_MEMBER]),
        "contributor": UserFactory(username="ctv-an", first_name="An", last_name="Nguyễn", groups=[GROUP_CONTRIBUTOR]),
    }


def test_an_article_approved_through_the_chain_counts_once_for_its_author(client, site_pages, board):
    # Event on Monday 10/03/2025: the news is due Thursday 13/03 (3 working days).
    with at(D(2025, 3, 10)):
        page = draft_news(site_pages, board["contributor"], title="Ra quân làm đường", event_date=D(2025, 3, 10))
        as_user(client, board["contributor"])
        assert submit(client, page, news_form(page)).status_code == 302
    with at(D(2025, 3, 11)):
        as_user(client, board["member"])
        workflow_action(client, page, "reject", comment="Bổ sung số liệu.")
    with at(D(2025, 3, 11), hour=14):
        as_user(client, board["contributor"])
        page.refresh_from_db()
        assert submit(client, page, news_form(page, summary="Đã bổ sung số liệu.")).status_code == 302
    with at(D(2025, 3, 12)):
        as_user(client, board["member"])
        workflow_action(client, page, "approve", comment="Đạt yêu cầu.")
        as_user(client, board["head"])
        workflow_action(client, page, "approve", comment="")
    page.refresh_from_db()
    assert page.live

    report = build_report(Period.parse("2025-03"), today=D(2025, 4, 15))

    assert report.items_total == 1
    assert [(row.name, row.counts) for row in report.items_by_author] == [("Nguyễn An", {"tin": 1})]
    news_row = next(row for row in report.deadline_rows if row.kind == "news")
    assert (news_row.met, news_row.missed) == (1, 0)
    entry = RoyaltyEntry.objects.get()
    assert (entry.page_id, entry.author) == (page.pk, board["contributor"])
    assert [(row.name, row.amount) for row in report.royalties_by_author] == [("Nguyễn An", entry.amount)]
    [record] = report.contributors
    assert (record.name, record.published, record.deadlines_met, record.royalties) == (
        "Nguyễn An",
        1,
        1,
        entry.amount,
    )
