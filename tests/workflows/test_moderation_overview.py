"""The moderation overview renders whatever the history of a page: no owner, no author, a deleted author."""

import datetime

import pytest
from django.utils import timezone

from accounts.policy import GROUP_CONTRIBUTOR
from demo.factories.accounts import UserFactory
from demo.factories.pages import NewsPageFactory
from tests.helpers import log_in
from tests.workflows.conftest import as_user, draft_news, news_form, submit, workflow_action

pytestmark = pytest.mark.django_db

URL = "/admin/kiem-duyet/"


def test_overview_renders_pages_without_owner_or_author(client, site_pages, board):
    orphan_draft = NewsPageFactory(parent=site_pages["news_index"], owner=None, live=False, title="Nháp không chủ")
    orphan_draft.save_revision(user=None)
    published = NewsPageFactory(parent=site_pages["news_index"], owner=None, title="Bài đã đăng không tác giả")
    published.save_revision(user=None).publish()
    log_in(client, board["head"])
    response = client.get(URL)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Nháp không chủ" in text and "Bài đã đăng không tác giả" in text


def test_overview_renders_when_the_author_was_deleted(client, site_pages, board):
    author = UserFactory(username="daxoa", groups=[GROUP_CONTRIBUTOR])
    waiting = draft_news(site_pages, author, title="Bài của người đã bị xoá")
    as_user(client, author)
    submit(client, waiting, news_form(waiting))
    returned = draft_news(site_pages, author, title="Bài bị trả lại của người đã bị xoá")
    submit(client, returned, news_form(returned))
    # Published work earns a royalty entry that keeps its owner's account (PROTECT); the deleted
    # author only wrote the live revision of a page owned by a colleague.
    published = draft_news(site_pages, board["contributor2"], title="Bài đã đăng của người đã bị xoá")
    published.save_revision(user=author).publish()
    as_user(client, board["member"])
    workflow_action(client, returned, "reject", comment="Sửa lại")
    author.delete()
    log_in(client, board["head"])
    response = client.get(URL)
    assert response.status_code == 200
    text = response.content.decode()
    for title in ("Bài của người đã bị xoá", "Bài bị trả lại của người đã bị xoá", "Bài đã đăng của người đã bị xoá"):
        assert title in text


@pytest.mark.parametrize("size", [1, 6])
def test_overview_reads_in_queries_that_do_not_grow(client, site_pages, board, size, django_assert_max_num_queries):
    """Pages waiting in the chain, drafts, scheduled and published: a query per section, not per page."""
    contributor = board["contributor"]
    for n in range(size):
        waiting = draft_news(site_pages, contributor, title=f"Bài chờ duyệt {n}")
        waiting.get_workflow().start(waiting, contributor)
        draft_news(site_pages, contributor, title=f"Bản nháp {n}")
        scheduled = draft_news(site_pages, contributor, title=f"Bài hẹn giờ {n}")
        scheduled.go_live_at = timezone.now() + datetime.timedelta(days=2)
        scheduled.save_revision(user=board["head"]).publish(user=board["head"])
        NewsPageFactory(parent=site_pages["news_index"], title=f"Bài đã đăng {n}").save_revision().publish()
    log_in(client, board["head"])
    client.get(URL)  # the session's first request reads permissions once
    with django_assert_max_num_queries(26):  # 24 at both sizes
        response = client.get(URL)
    text = response.content.decode()
    for n in range(size):
        for title in ("Bài chờ duyệt", "Bản nháp", "Bài hẹn giờ", "Bài đã đăng"):
            assert f"{title} {n}" in text
    waiting = text.split("Thành viên Ban biên tập thẩm định")[1].split("</section>")[0]
    assert f"Bài chờ duyệt {size - 1}" in waiting and "Bản nháp 0" not in waiting
