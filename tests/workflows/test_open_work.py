"""The morning digest and the dashboard at volume: counts per state, the most urgent first, the rest one link away.

A desk with more open items than an e-mail or a screen should list (issue 18): each state says
how many items it holds, lists the most urgent (earliest due) and says how many more there are,
with a link to the deadlines report filtered on that state, which lists them all.
"""

import datetime
import re
import zoneinfo

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.urls import reverse
from wagtail.models import Page

from accounts.policy import GROUP_HEAD, GROUP_MEMBER
from demo.factories.accounts import UserFactory
from demo.factories.pages import NewsPageFactory, QAPageFactory, QuestionFactory
from qa.models import Question, QuestionStatus
from tests.helpers import log_in
from workflows import alerts, deadlines
from workflows.open_work import LISTED, PANEL_LISTED, open_work

pytestmark = pytest.mark.django_db

D = datetime.date
HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
TODAY = D(2025, 4, 18)  # a Friday; the next 2 working days are Monday 21 and Tuesday 22/04
NOW = datetime.datetime(2025, 4, 18, 9, 0, tzinfo=HANOI)
REPORT = "/admin/reports/deadlines/"
OVERDUE_QUESTIONS = LISTED + 4


def question(title, due, **fields):
    received = datetime.datetime.combine(due - datetime.timedelta(days=21), datetime.time(9), tzinfo=HANOI)
    return QuestionFactory(title=title, received_at=received, due_date=due, **fields)


@pytest.fixture
def desk(site_pages):
    """More overdue items than the digest lists; a few due today and soon; what is done or later."""
    board = {
        "head": UserFactory(username="truongban", groups=[GROUP_HEAD]),
        "member": UserFactory(username="thanhvien", groups=[GROUP_MEMBER]),
    }
    # The most overdue of all is an article never published: event on Monday 6/1, due Thursday 9/1.
    NewsPageFactory(parent=site_pages["news_index"], title="Tin chưa đăng", event_date=D(2025, 1, 6))
    # Then one question a day from 1/2 (the first overdue ones are the most urgent).
    overdue = [
        question(f"Quá hạn {n:02d}", D(2025, 2, 1) + datetime.timedelta(days=n)) for n in range(OVERDUE_QUESTIONS)
    ]
    today = [question(f"Hôm nay {n}", TODAY) for n in range(2)]
    soon = [
        question("Thứ hai", D(2025, 4, 21)),
        question("Thứ ba 1", D(2025, 4, 22)),
        question("Thứ ba 2", D(2025, 4, 22)),
    ]
    # Not to do: due later, answered, closed (late: it counts in the report, not here), published.
    question("Tuần sau", D(2025, 4, 23))
    question("Đã trả lời", D(2025, 2, 3), status=QuestionStatus.ANSWERED, answered_at=NOW - datetime.timedelta(days=30))
    question("Đã đóng", D(2025, 2, 3), status=QuestionStatus.CLOSED, closed_at=NOW - datetime.timedelta(days=3))
    published = NewsPageFactory(parent=site_pages["news_index"], title="Tin đã đăng", event_date=D(2025, 1, 6))
    published.save_revision().publish()
    return {**board, "overdue": overdue, "today": today, "soon": soon}


def digest_sections(body):
    """The digest's three sections, by their Vietnamese headings."""
    overdue, rest = body.split("Đến hạn hôm nay (")
    due_today, due_soon = rest.split("Đến hạn trong 2 ngày làm việc tới (")
    return overdue.split("Quá hạn (")[1], due_today, due_soon


def by_due(question):
    """The order of the lists: earliest due first, then by name (kind is the same)."""
    return (question.due_date, str(question))


def listed_titles(section):
    return [line.split("] ", 1)[1].split(" — hạn")[0] for line in section.splitlines() if line.startswith("- [")]


def test_digest_counts_each_state_and_lists_the_most_urgent_first(desk, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        alerts.queue_morning_digest(TODAY)
    assert sorted(address for message in mail.outbox for address in message.to) == sorted(
        [desk["head"].email, desk["member"].email]
    )
    overdue, due_today, due_soon = digest_sections(mail.outbox[0].body)
    base = settings.WAGTAILADMIN_BASE_URL

    # 24 questions and the article are overdue; the 20 most overdue are listed, earliest due first.
    assert overdue.startswith(f"{OVERDUE_QUESTIONS + 1}):")
    expected = ["Tin chưa đăng"] + [str(q) for q in desk["overdue"][: LISTED - 1]]
    assert listed_titles(overdue) == expected
    assert "09/01/2025" in overdue and "01/02/2025" in overdue
    assert str(desk["overdue"][LISTED - 1]) not in mail.outbox[0].body
    assert f"… và {OVERDUE_QUESTIONS + 1 - LISTED} mục khác, xem trong báo cáo thời hạn xuất bản:" in overdue
    assert f"{base}{REPORT}?status=overdue" in overdue

    # Fewer than the limit: all listed, and no "more" line.
    assert due_today.startswith("2):") and sorted(listed_titles(due_today)) == sorted(str(q) for q in desk["today"])
    assert due_soon.startswith("3):") and listed_titles(due_soon) == [str(q) for q in sorted(desk["soon"], key=by_due)]
    assert "mục khác" not in due_today and "mục khác" not in due_soon
    for nothing in ("Tuần sau", "Đã trả lời", "Đã đóng", "Tin đã đăng"):
        assert nothing not in mail.outbox[0].body


def test_the_digest_links_lead_to_every_item_of_the_state(client, desk):
    sections = open_work(TODAY)
    log_in(client, desk["member"])
    with time_machine.travel(NOW):
        overdue = client.get(sections["overdue"].report_url).content.decode()
        due_soon = client.get(sections["due_soon"].report_url).content.decode()
    assert sections["due_soon"].report_url == f"{REPORT}?status=upcoming&due_to=2025-04-22"
    for item in [*desk["overdue"], "Tin chưa đăng"]:
        assert str(item) in overdue
    assert "Hôm nay 0" not in overdue and "Tuần sau" not in overdue
    for item in desk["soon"]:
        assert str(item) in due_soon
    assert "Tuần sau" not in due_soon and "Hôm nay 0" not in due_soon


def test_the_counts_and_first_items_are_those_of_the_full_list(desk, site_pages):
    # A question whose answer page went live without `answered_at` (as before it was recorded) is done.
    done = question("Trả lời bằng trang", D(2025, 2, 2))
    QAPageFactory(parent=site_pages["qa_index"], question=done).save_revision().publish()
    Question.objects.filter(pk=done.pk).update(status=QuestionStatus.ASSIGNED, answered_at=None)

    full = deadlines.open_items_due_soon(TODAY)
    for listed in (LISTED, 3):
        sections = open_work(TODAY, listed=listed)
        for key, items in full.items():
            assert sections[key].count == len(items)
            assert [(item.model, item.object_id) for item in sections[key].items] == [
                (item.model, item.object_id) for item in items[:listed]
            ]
            assert sections[key].more == max(len(items) - listed, 0)
    assert "Trả lời bằng trang" not in [item.title for items in full.values() for item in items]


def test_the_dashboard_panel_lists_the_most_urgent_and_links_to_the_rest(client, desk):
    log_in(client, desk["head"])
    with time_machine.travel(NOW):
        html = client.get(reverse("wagtailadmin_home")).content.decode()
    overdue = html.split('data-deadline-section="overdue"')[1].split("</section>")[0]
    assert f'data-count="{OVERDUE_QUESTIONS + 1}"' in overdue
    assert overdue.count('<td class="title">') == PANEL_LISTED
    assert (
        overdue.index("Tin chưa đăng") < overdue.index(str(desk["overdue"][0])) < overdue.index(str(desk["overdue"][1]))
    )
    assert str(desk["overdue"][PANEL_LISTED - 1]) not in overdue
    more = OVERDUE_QUESTIONS + 1 - PANEL_LISTED
    assert f'<a href="{REPORT}?status=overdue">và {more} mục khác: xem trong báo cáo thời hạn xuất bản</a>' in overdue
    due_soon = html.split('data-deadline-section="due-soon"')[1].split("</section>")[0]
    assert 'data-count="3"' in due_soon and "mục khác" not in due_soon


@pytest.mark.parametrize("extra", [2, 40])
def test_dashboard_and_digest_read_in_queries_that_do_not_grow(
    client, site_pages, extra, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    head = UserFactory(username="truongban", groups=[GROUP_HEAD])
    UserFactory(username="thanhvien", groups=[GROUP_MEMBER])
    for n in range(extra):
        question(f"Quá hạn {n}", D(2025, 3, 1) + datetime.timedelta(days=n % 40))
        question(f"Sắp đến hạn {n}", D(2025, 4, 21 + n % 2))
    for n in range(extra // 10 + 1):
        NewsPageFactory(parent=site_pages["news_index"], title=f"Tin trễ {n}", event_date=D(2025, 4, 1))
    log_in(client, head)
    # The whole dashboard (session, permissions, Wagtail's panels and ours): 41 queries at both sizes.
    with time_machine.travel(NOW), django_assert_max_num_queries(45):
        response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200 and 'data-deadline-section="overdue"' in response.content.decode()
    with django_assert_max_num_queries(10):
        sections = open_work(TODAY)
    assert sections["overdue"].count == extra + extra // 10 + 1 and sections["due_soon"].count == extra
    with django_assert_max_num_queries(12):
        assert len(alerts.queue_morning_digest(TODAY, dry_run=True)) == 2


def page_count(html):
    """The site summary's page count on the dashboard ("12 Trang …" in Vietnamese)."""
    return int(re.search(r'icon-doc-empty.*?<a href="[^"]*">\s*([\d.,]+)\s', html, re.S).group(1).replace(".", ""))


def test_the_dashboard_page_count_is_kept_until_a_page_changes(client, site_pages):
    log_in(client, UserFactory(groups=[GROUP_HEAD]))
    url = reverse("wagtailadmin_home")
    before = page_count(client.get(url).content.decode())
    assert before == Page.objects.count() - 1  # every page but the tree root, as Wagtail counts
    NewsPageFactory(parent=site_pages["news_index"], title="Tin mới")
    assert page_count(client.get(url).content.decode()) == before + 1
