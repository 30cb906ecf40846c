"""The admin explorer of a section costs the same with 3 or 30 children (issue 18, portal.explorer).

The sections of news, documents and answers are explored through `SectionExplorerView`: 25 rows a
page, newest first, and a fixed number of queries whatever the number of children (a query per row
would show at 30 children: 25 rows on the first page). Who sees what is Wagtail's rule: the board
sees every child, an official only the Q&A section they may add answers to.
"""

import pytest
from django.urls import reverse

from accounts.policy import GROUP_HEAD, GROUP_OFFICIAL
from demo.factories.accounts import UserFactory
from demo.factories.pages import site_tree
from documents.models import DocumentIndexPage
from news.models import NewsIndexPage
from portal.explorer import SECTION_ROWS, SectionExplorerView
from qa.models import QAIndexPage
from qa.services import grant_officials_answer_rights
from tests.content_helpers import build_content
from tests.database import built_once
from tests.helpers import log_in

pytestmark = pytest.mark.django_db

SECTIONS = ["news_index", "document_index", "qa_index"]
# Measured: 37 for the head at both sizes (session, 2FA, groups, permissions, the section, its
# page of children with their workflow states and schedules, the side panels, the menu).
CEILING = 45


def build_site(count):
    build_content(site_tree(), count)


@pytest.fixture(scope="module", params=[3, 30])
def size(request, django_db_setup, django_db_blocker):
    """The site with `count` articles, documents and answers, built once for the tests of that size."""
    with built_once(django_db_blocker, lambda: build_site(request.param)):
        yield request.param


def section(name):
    model = {"news_index": NewsIndexPage, "document_index": DocumentIndexPage, "qa_index": QAIndexPage}[name]
    return model.objects.get()


@pytest.mark.parametrize("name", SECTIONS)
def test_a_section_explorer_costs_the_same_at_any_size(size, client, name, django_assert_max_num_queries):
    log_in(client, UserFactory(username="truongban-test", groups=[GROUP_HEAD]))
    url = reverse("wagtailadmin_explore", args=[section(name).pk])
    assert client.get(url).status_code == 200  # Wagtail's per-process caches, as on a running server
    with django_assert_max_num_queries(CEILING, info=f"{name} with {size} children"):
        response = client.get(url)
    assert response.status_code == 200
    assert isinstance(response.context["view"], SectionExplorerView)
    page = response.context["page_obj"]
    assert page.paginator.count == size
    assert len(page.object_list) == min(size, SECTION_ROWS)


def test_the_board_pages_through_every_child_newest_first(size, client):
    log_in(client, UserFactory(username="truongban-test", groups=[GROUP_HEAD]))
    news = section("news_index")
    url = reverse("wagtailadmin_explore", args=[news.pk])
    seen = []
    for number in range(1, (size - 1) // SECTION_ROWS + 2):
        response = client.get(url, {"p": number})
        seen += [page.title for page in response.context["page_obj"].object_list]
    assert sorted(seen) == sorted(f"Tin số {n}" for n in range(size))
    # Wagtail's default order, latest revision first: the last article built comes first.
    assert seen[0] == f"Tin số {size - 1}"


def test_an_official_explores_the_answers_they_may_draft_not_the_news(size, client):
    grant_officials_answer_rights(section("qa_index"))  # as seed_demo does for a new section
    log_in(client, UserFactory(username="canbo-test", groups=[GROUP_OFFICIAL]))
    answers = client.get(reverse("wagtailadmin_explore", args=[section("qa_index").pk]))
    assert answers.status_code == 200
    assert answers.context["page_obj"].paginator.count == size
    news = client.get(reverse("wagtailadmin_explore", args=[section("news_index").pk]), follow=True)
    listed = news.context["page_obj"].object_list if news.context and "page_obj" in news.context else []
    assert not any(page.title.startswith("Tin số") for page in listed)
