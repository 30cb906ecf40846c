"""People of the board and admin form helpers for the approval-chain tests."""

import pytest
from django.test import TestCase
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from accounts.policy import GROUP_CONTRIBUTOR, GROUP_HEAD, GROUP_MEMBER
from demo.factories.accounts import UserFactory
from demo.factories.pages import NewsPageFactory, OfficialDocumentPageFactory
from tests.helpers import log_in


@pytest.fixture
def board(db):
    """One person per role, in the groups the migrations created (never a superuser)."""
    return {
        "head": UserFactory(username="truongban", groups=[GROUP_HEAD]),
        "member": UserFactory(username="thanhvien1", groups=[GROUP_MEMBER]),
        "member2": UserFactory(username="thanhvien2", groups=[GROUP_MEMBER]),
        "contributor": UserFactory(username="congtacvien1", groups=[GROUP_CONTRIBUTOR]),
        "contributor2": UserFactory(username="congtacvien2", groups=[GROUP_CONTRIBUTOR]),
    }


def as_user(client, user):
    """A test client logged in as ``user`` (through the one log-in helper)."""
    client.logout()
    return log_in(client, user)


def draft_news(site_pages, owner, **fields):
    """A contributor's draft article (not live), with one saved revision."""
    page = NewsPageFactory(parent=site_pages["news_index"], owner=owner, live=False, **fields)
    page.save_revision(user=owner)
    return page


def draft_document(site_pages, owner, **fields):
    page = OfficialDocumentPageFactory(parent=site_pages["document_index"], owner=owner, live=False, **fields)
    page.save_revision(user=owner)
    return page


def news_form(page, **overrides):
    """The POST data of the admin editor for a news article, as the browser would send it."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "category": page.category,
        "genre": page.genre,
        "event_date": page.event_date.isoformat() if page.event_date else "",
        "author": "",
        "summary": page.summary,
        "main_image": "",
        "body": streamfield([]),
        "source": page.source,
        "tags": "",
        "comments": inline_formset([]),
        "go_live_at": "",
        "expire_at": "",
        "seo_title": "",
        "search_description": "",
    }
    if page.is_republished:
        data["is_republished"] = "on"
    data.update(overrides)
    if data.get("is_republished") is False:
        del data["is_republished"]
    return nested_form_data(data)


def document_form(page, **overrides):
    data = {
        "title": page.title,
        "slug": page.slug,
        "number": page.number,
        "document_type": page.document_type,
        "issuing_body": page.issuing_body,
        "issuer": page.issuer,
        "signer": page.signer,
        "signed_date": page.signed_date.isoformat() if page.signed_date else "",
        "effective_date": "",
        "expiry_date": "",
        "subject_area": page.subject_area,
        "summary": page.summary,
        "attachments": inline_formset([]),
        "comments": inline_formset([]),
        "go_live_at": "",
        "expire_at": "",
        "seo_title": "",
        "search_description": "",
    }
    if page.confidential:
        data["confidential"] = "on"
    data.update(overrides)
    if data.get("confidential") is False:
        del data["confidential"]
    return nested_form_data(data)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def post(client, url, data):
    """POST as the browser does; run the after-commit callbacks (e-mail notices) as a commit would."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url, data)


def submit(client, page, form):
    """Press "Submit for approval" in the editor."""
    return post(client, edit_url(page), {**form, "action-submit": "1"})


def workflow_action(client, page, action, comment=None):
    """Press a workflow button (approve / reject) for the step the page is waiting at."""
    page.refresh_from_db()
    task_state = page.current_workflow_state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return post(client, url, {"comment": comment} if comment is not None else {})
