"""Without the resident's consent, the question's own words never go public (DESIGN §6, Điều 8đ).

Each publish path (a script's revision.publish(), the head's approval at the end of the chain,
the scheduler, the admin's publish button) refuses an answer page that repeats them; nothing of
the question then reaches a public page, the search, the sitemap or a feed. The resident still
gets the answer: by e-mail and in the lookup by tracking code.
"""

import datetime
import unicodedata

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text

from demo.factories.pages import QuestionFactory
from qa import services
from qa.models import QAPage, QuestionStatus
from qa.privacy import repeats
from tests.content_helpers import sitemap_sections
from tests.qa.test_answer_flow import answer_form
from tests.workflows.conftest import as_user, edit_url, post, submit, workflow_action
from workflows.rules import PublicationRefused
from workflows.services import publish_scheduled

pytestmark = pytest.mark.django_db

# Words a search would find only in the resident's own text.
MARKER = "Khuônlănxanh"
BODY = (
    f"Gia đình tôi ở đồi chè {MARKER} có tranh chấp ranh giới thửa đất với nhà hàng xóm từ năm 2019, "
    "xin hỏi Ủy ban nhân dân xã giải quyết theo trình tự nào và mất bao lâu?"
)
TITLE = f"Tranh chấp ranh giới đất ở đồi {MARKER}"
GENERAL_QUESTION = "Khi có tranh chấp ranh giới đất giữa hai hộ gia đình, công dân cần làm gì?"
GENERAL_ANSWER = "<p>Công dân nộp đơn đề nghị hòa giải tại Ủy ban nhân dân xã; xã tổ chức hòa giải trong 45 ngày.</p>"


@pytest.fixture
def private_question(people):
    """A question whose resident did not agree to publication, assigned to an official."""
    return QuestionFactory(
        title=TITLE,
        body=BODY,
        consent_to_publish=False,
        assignee=people["official"],
        status=QuestionStatus.ASSIGNED,
    )


def draft(question, people, **fields):
    """The official's draft of the answer, with `fields` written into it (saved as a new revision)."""
    page = services.draft_answer(question, by=people["official"])
    for name, value in {"question_text": GENERAL_QUESTION, "answer": GENERAL_ANSWER, **fields}.items():
        setattr(page, name, value)
    page.save_revision(user=people["official"])
    return page


def unaccented(text):
    """Text as typed on a keyboard without Vietnamese input: "Đồi chè" → "Doi che"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


# The ways an official may carry the resident's words into the page.
LEAKS = {
    "the question copied": {"question_text": BODY},
    "copied without diacritics, in capitals, spaced out": {
        "question_text": "  ".join(unaccented(BODY).upper().split())
    },
    "eight words quoted in the answer": {
        "answer": "<p>Về việc “có tranh chấp ranh giới thửa đất với nhà hàng xóm”: xã hướng dẫn như sau.</p>"
    },
    "the resident's title as the page's title": {"title": TITLE},
}


def public_traces(client, page):
    """Every public place where the resident's words could show, as text (the search apart)."""
    urls = ["/", "/hoi-dap/", "/sitemap.xml", *sitemap_sections(client), "/tin-tuc/rss/", f"/hoi-dap/{page.slug}/"]
    return "\n".join(client.get(url, follow=True).content.decode() for url in urls)


def search_results(client, query):
    """What the public search (/tim-kiem/) lists for `query` (the page echoes the query itself)."""
    response = client.get("/tim-kiem/", {"q": query})
    assert response.status_code == 200
    return [str(result) for result in response.context["results"] or []]


def assert_nothing_public(client, page):
    assert not Page.objects.get(pk=page.pk).live
    client.logout()
    traces = public_traces(client, page)
    assert MARKER.lower() not in traces.lower()
    assert "tranh chấp ranh giới thửa đất với nhà hàng xóm" not in traces
    assert search_results(client, MARKER) == []
    assert search_results(client, "ranh giới thửa đất nhà hàng xóm") == []


def messages_of(response):
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


def test_the_draft_carries_none_of_the_residents_words(private_question, people, site_pages):
    page = services.draft_answer(private_question, by=people["official"])
    for text in (page.title, page.slug.replace("-", " "), page.question_text):
        assert MARKER.lower() not in text.lower()
        assert not repeats(BODY, text) and not repeats(TITLE, text)
    assert "Không chép lại lời của công dân" in page.question_text
    # A placeholder cannot go live: the official must write the question in general terms.
    page.answer = GENERAL_ANSWER
    with pytest.raises(PublicationRefused, match="lời lẽ chung"):
        page.save_revision(user=people["head"]).publish(user=people["head"])


def test_a_consenting_residents_question_is_still_drafted_from_its_text(client, people, site_pages):
    question = QuestionFactory(title=TITLE, body=BODY, consent_to_publish=True, assignee=people["official"])
    page = services.draft_answer(question, by=people["official"])
    assert page.title == TITLE and MARKER in page.question_text
    page.answer = GENERAL_ANSWER
    page.save_revision(user=people["head"]).publish(user=people["head"])
    assert Page.objects.get(pk=page.pk).live
    # The checks of assert_nothing_public do find a published question's words.
    assert MARKER in public_traces(client, page)
    assert search_results(client, MARKER) != []


@pytest.mark.parametrize("leak", list(LEAKS))
def test_script_publish_is_refused(client, private_question, people, site_pages, leak):
    page = draft(private_question, people, **LEAKS[leak])
    revision = page.get_latest_revision()
    with pytest.raises(PublicationRefused, match="không đồng ý công bố"):
        revision.publish(user=people["head"])
    with pytest.raises(PublicationRefused):
        PublishPageRevisionAction(revision, user=people["head"]).execute(skip_permission_checks=True)
    assert_nothing_public(client, page)


@pytest.mark.parametrize("leak", list(LEAKS))
def test_heads_approval_at_the_end_of_the_chain_is_refused(client, private_question, people, site_pages, leak):
    page = draft(private_question, people, **LEAKS[leak])
    page = QAPage.objects.get(pk=page.pk).get_latest_revision().as_object()
    as_user(client, people["official"])
    response = submit(client, page, answer_form(page, GENERAL_ANSWER) | _form_overrides(LEAKS[leak]))
    assert response.status_code == 302
    as_user(client, people["member"])
    workflow_action(client, page, "approve")
    as_user(client, people["head"])
    response = workflow_action(client, page, "approve")
    assert "không đồng ý công bố" in messages_of(response)
    assert_nothing_public(client, page)


@pytest.mark.parametrize("leak", list(LEAKS))
def test_scheduler_is_refused(client, private_question, people, site_pages, leak):
    page = draft(private_question, people, **LEAKS[leak])
    page.go_live_at = timezone.now() - datetime.timedelta(minutes=5)
    revision = page.save_revision(user=people["head"])
    revision.approved_go_live_at = page.go_live_at
    revision.save(update_fields=["approved_go_live_at"])
    assert publish_scheduled() == (0, 0, 1)
    assert_nothing_public(client, page)

    # Wagtail's own command meets the same rule.
    revision.approved_go_live_at = page.go_live_at
    revision.save(update_fields=["approved_go_live_at"])
    try:
        call_command("publish_scheduled", verbosity=0)
    except PublicationRefused:
        pass
    assert_nothing_public(client, page)


@pytest.mark.parametrize("leak", list(LEAKS))
def test_publish_button_is_refused(client, private_question, people, site_pages, leak):
    page = draft(private_question, people, **LEAKS[leak])
    page = QAPage.objects.get(pk=page.pk).get_latest_revision().as_object()
    as_user(client, people["head"])
    data = {**answer_form(page, GENERAL_ANSWER), **_form_overrides(LEAKS[leak]), "action-publish": "1"}
    response = post(client, edit_url(page), data)
    assert response.status_code == 302
    assert "không đồng ý công bố" in messages_of(response)
    assert_nothing_public(client, page)


def _form_overrides(fields):
    """The leaked fields as the editor's form sends them (rich text for the answer)."""
    return {name: rich_text(value) if name == "answer" else value for name, value in fields.items()}


def test_an_answer_in_general_terms_reaches_the_resident_privately(
    client, private_question, people, site_pages, django_capture_on_commit_callbacks
):
    page = draft(private_question, people)
    with django_capture_on_commit_callbacks(execute=True):
        page.get_latest_revision().publish(user=people["head"])
    page.refresh_from_db()
    assert page.live
    private_question.refresh_from_db()
    assert private_question.status == QuestionStatus.ANSWERED

    # The e-mail carries the answer itself, not only a link.
    (email,) = [message for message in mail.outbox if message.to == [private_question.email]]
    assert "xã tổ chức hòa giải trong 45 ngày" in email.body

    # So does the lookup by tracking code, and never the question's words.
    client.logout()
    lookup = client.get("/hoi-dap/tra-cuu/", {"code": private_question.tracking_code}).content.decode()
    assert "xã tổ chức hòa giải trong 45 ngày" in lookup
    assert MARKER not in lookup

    # Publicly only the general wording shows.
    traces = public_traces(client, page)
    assert GENERAL_QUESTION in traces
    assert MARKER.lower() not in traces.lower()


def test_a_resident_without_e_mail_reads_the_answer_by_code(client, people, site_pages):
    question = QuestionFactory(
        body=BODY, consent_to_publish=False, email="", assignee=people["official"], status=QuestionStatus.ASSIGNED
    )
    page = draft(question, people)
    page.get_latest_revision().publish(user=people["head"])
    assert not services.question_emails(question).exists()
    lookup = client.get("/hoi-dap/tra-cuu/", {"code": question.tracking_code}).content.decode()
    assert "xã tổ chức hòa giải trong 45 ngày" in lookup
