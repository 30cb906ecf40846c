"""Answered questions: list by topic, detail with question and answer, no personal data."""

import pytest
from wagtail.test.utils import WagtailPageTestCase

from demo.factories.pages import QAPageFactory, QuestionFactory
from qa.models import ANSWERS_PER_PAGE, QAIndexPage, QAPage
from tests.content_helpers import publish

pytestmark = pytest.mark.django_db


class QATreeTests(WagtailPageTestCase):
    def test_tree_rules(self):
        from home.models import HomePage

        self.assertCanCreateAt(HomePage, QAIndexPage)
        self.assertCanCreateAt(QAIndexPage, QAPage)
        self.assertAllowedSubpageTypes(QAPage, {})


def test_answer_shows_question_and_answer_without_personal_data(site_pages, client):
    question = QuestionFactory(name="Nguyễn Văn Bình", email="binh@example.vn", phone="0912345678")
    answer = publish(
        QAPageFactory(
            parent=site_pages["qa_index"],
            title="Đăng ký khai sinh",
            question_text="Con tôi sinh ở Hà Nội, đăng ký khai sinh ở đâu?",
            answer="<p>Đăng ký tại UBND xã nơi cư trú.</p>",
            question=question,
        )
    )
    html = client.get(answer.url).content.decode()
    assert "Con tôi sinh ở Hà Nội" in html and "Đăng ký tại UBND xã nơi cư trú." in html
    for private in (question.name, question.email, question.phone, question.address, question.tracking_code):
        assert private not in html


def test_list_by_topic_and_paginated(site_pages, client):
    land = publish(QAPageFactory(parent=site_pages["qa_index"], title="Cấp sổ đỏ lần đầu", topic="dat-dai"))
    for n in range(ANSWERS_PER_PAGE):
        publish(QAPageFactory(parent=site_pages["qa_index"], title=f"Thủ tục số {n}", topic="thu-tuc-hanh-chinh"))
    html = client.get("/hoi-dap/?chu-de=dat-dai").content.decode()
    assert land.title in html and "Thủ tục số" not in html
    assert land.title not in client.get("/hoi-dap/").content.decode()
    assert land.title in client.get("/hoi-dap/?page=2").content.decode()
    assert 'href="/hoi-dap/gui-cau-hoi/"' in html
