"""The public lookup /hoi-dap/tra-cuu/: status, dates and the answer's link by code — nothing personal."""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone

from demo.factories.pages import QAPageFactory, QuestionFactory
from qa.models import QuestionStatus

pytestmark = pytest.mark.django_db

LOOKUP_URL = "/hoi-dap/tra-cuu/"


def personal_data(question):
    return [question.name, question.email, question.phone, question.address]


def test_lookup_shows_status_and_dates_but_no_personal_data(client):
    question = QuestionFactory(due_date=datetime.date(2026, 3, 23))
    response = client.get(LOOKUP_URL, {"code": question.tracking_code})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Đã tiếp nhận" in content or "Received" in content
    assert timezone.localtime(question.received_at).strftime("%d/%m/%Y") in content
    assert "23/03/2026" in content
    for value in personal_data(question):
        assert value not in content
    # Not even the body the resident typed: it may carry personal details.
    assert question.body not in content


def test_lookup_accepts_a_code_typed_by_hand(client):
    question = QuestionFactory()
    typed = f"  {question.tracking_code.lower()} "
    response = client.get(LOOKUP_URL, {"code": typed})
    assert question.tracking_code in response.content.decode()
    assert 'data-testid="lookup-result"' in response.content.decode()


@pytest.mark.parametrize(
    "typed",
    [
        "{plain}",  # no dashes at all
        "{groups}",  # without the "TC" prefix
        "tc {spaced}",  # read over the phone, group by group
        "{en_dashed}",  # a phone keyboard's dash
    ],
)
def test_lookup_accepts_the_code_without_its_dashes(client, typed):
    question = QuestionFactory()
    code = question.tracking_code  # TC-XXXX-XXXX-XXXX
    groups = code.split("-")[1:]
    typed = typed.format(
        plain="".join(code.split("-")).lower(),
        groups="".join(groups),
        spaced=" ".join(groups),
        en_dashed="\u2013".join(code.split("-")),
    )
    content = client.get(LOOKUP_URL, {"code": typed}).content.decode()
    assert 'data-testid="lookup-result"' in content
    assert code in content


def test_lookup_shows_the_title_of_the_question_when_the_resident_agreed_to_publish_it(client):
    question = QuestionFactory(title="Hỏi về cấp đổi giấy chứng nhận quyền sử dụng đất", consent_to_publish=True)
    content = client.get(LOOKUP_URL, {"code": question.tracking_code}).content.decode()
    assert 'data-testid="question-title">Hỏi về cấp đổi giấy chứng nhận quyền sử dụng đất<' in content


def test_lookup_keeps_the_title_of_a_non_consenting_residents_question_private(client):
    question = QuestionFactory(title="Tranh chấp đất với nhà ông Khuôn", consent_to_publish=False)
    content = client.get(LOOKUP_URL, {"code": question.tracking_code}).content.decode()
    assert 'data-testid="lookup-result"' in content
    assert "Khuôn" not in content and 'data-testid="question-title"' not in content


def test_a_code_of_the_wrong_length_is_not_padded_into_another(client):
    question = QuestionFactory()
    shortened = "".join(question.tracking_code.split("-"))[:-1]
    content = client.get(LOOKUP_URL, {"code": shortened}).content.decode()
    assert 'data-testid="lookup-result"' not in content
    assert "Không có câu hỏi nào với mã tra cứu này" in content


def test_unknown_code_says_so(client):
    response = client.get(LOOKUP_URL, {"code": "TC-AAAA-BBBB-CCCC"})
    assert "Không có câu hỏi nào với mã tra cứu này" in response.content.decode()


def test_answered_question_links_to_its_published_answer(client, site_pages):
    question = QuestionFactory(status=QuestionStatus.ANSWERED, answered_at=timezone.now())
    answer = QAPageFactory(parent=site_pages["qa_index"], question=question, slug="tra-loi-dat-dai")
    answer.save_revision().publish()
    content = client.get(LOOKUP_URL, {"code": question.tracking_code}).content.decode()
    assert "/hoi-dap/tra-loi-dat-dai/" in content


def test_draft_answer_is_not_linked(client, site_pages):
    question = QuestionFactory(status=QuestionStatus.ASSIGNED)
    QAPageFactory(parent=site_pages["qa_index"], question=question, slug="ban-nhap", live=False)
    content = client.get(LOOKUP_URL, {"code": question.tracking_code}).content.decode()
    assert "/hoi-dap/ban-nhap/" not in content


def test_closed_question_shows_the_reason(client):
    question = QuestionFactory(status=QuestionStatus.CLOSED, close_reason="Nội dung không thuộc thẩm quyền của xã.")
    content = client.get(LOOKUP_URL, {"code": question.tracking_code}).content.decode()
    assert "Nội dung không thuộc thẩm quyền của xã." in content


@override_settings(QA_LOOKUPS_PER_IP=3)
def test_guessing_codes_is_throttled(client):
    question = QuestionFactory()
    for guess in ("TC-AAAA-AAAA-AAAA", "TC-BBBB-BBBB-BBBB", "TC-CCCC-CCCC-CCCC"):
        assert client.get(LOOKUP_URL, {"code": guess}).status_code == 200
    blocked = client.get(LOOKUP_URL, {"code": question.tracking_code})
    assert blocked.status_code == 429
    assert 'data-testid="lookup-result"' not in blocked.content.decode()
    # Another address still gets its answer.
    other = client.get(LOOKUP_URL, {"code": question.tracking_code}, REMOTE_ADDR="198.51.100.4")
    assert 'data-testid="lookup-result"' in other.content.decode()


def test_questions_section_links_to_the_form_and_the_lookup(client, site_pages):
    content = client.get("/hoi-dap/").content.decode()
    assert 'href="/hoi-dap/gui-cau-hoi/"' in content and 'href="/hoi-dap/tra-cuu/"' in content
