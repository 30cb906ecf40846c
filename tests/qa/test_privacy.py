"""A resident's personal data never reaches a public page, the search index or the sitemap."""

import pytest
from wagtail.models import Page

from accounts.policy import GROUP_HEAD, GROUP_OFFICIAL
from demo.factories.accounts import UserFactory
from demo.factories.pages import QuestionFactory
from qa import services
from qa.models import QuestionStatus
from tests.content_helpers import sitemap_sections, sitemap_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def published_answer(site_pages, settings):
    official = UserFactory(groups=[GROUP_OFFICIAL])
    head = UserFactory(groups=[GROUP_HEAD])
    question = QuestionFactory(assignee=official, status=QuestionStatus.ASSIGNED)
    # A resident often signs the question itself; the draft must not carry that either.
    question.body = f"{question.body} Người hỏi: {question.name}, điện thoại {question.phone}, {question.email}."
    question.save()
    page = services.draft_answer(question, by=official)
    page.answer = "<p>Trả lời: ông/bà liên hệ Bộ phận một cửa.</p>"
    page.save_revision(user=head).publish(user=head)
    return question, page


def personal_data(question):
    return [question.name, question.email, question.phone, question.address]


def test_answer_page_and_section_show_no_personal_data(client, published_answer):
    question, page = published_answer
    for url in (page.url, "/hoi-dap/", "/sitemap.xml", *sitemap_sections(client)):
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        for value in personal_data(question):
            assert value not in content, (url, value)
    assert page.url in sitemap_text(client)


def test_search_index_does_not_find_the_resident(published_answer):
    question, page = published_answer
    assert list(Page.objects.live().search("Bộ phận một cửa")) == [page.page_ptr]
    for value in (question.email, question.phone):
        assert list(Page.objects.live().search(value)) == []


def test_the_admin_desk_is_closed_to_the_public(client, published_answer):
    question, _ = published_answer
    response = client.get(f"/admin/qa_question/edit/{question.pk}/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
