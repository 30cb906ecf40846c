"""Dates in the admin read back exactly as they are shown: dd/mm/yyyy, day first, every day 1–31.

The editor shows 10/09/2025; saving the page unchanged must keep 10 September (not 9 October),
and a day above 12 must save at all. Each test opens the real edit form, sends back what the
browser would send (the rendered values, unchanged or with one date typed), re-opens the form
and compares: the text shown again and the date stored.
"""

import datetime
from html.parser import HTMLParser

import pytest
from django.test import TestCase
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import nested_form_data, streamfield

from accounts.policy import GROUP_HEAD
from demo.factories.accounts import UserFactory
from demo.factories.pages import NewsPageFactory, OfficialDocumentPageFactory, site_tree
from tests.helpers import log_in

pytestmark = pytest.mark.django_db

D = datetime.date
# Every day of a 31-day month, written as the admin writes it.
OCTOBER = [D(2025, 10, day) for day in range(1, 32)]


class EditFormValues(HTMLParser):
    """What a browser sends from the page editor's form, read from the HTML without its scripts.

    Inputs (checked boxes only), text areas and the selected option of each select inside
    ``<form id="page-edit-form">``. StreamFields are built by JavaScript; callers add them.
    """

    SKIPPED_TYPES = {"submit", "button", "file", "image", "reset"}

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.values = {}
        self.inputs = {}
        self._in_form = False
        self._textarea = None
        self._select = None
        self._first_option = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._in_form = attrs.get("id") == "page-edit-form"
            return
        if not self._in_form or tag not in {"input", "textarea", "select", "option"}:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type", "text") not in self.SKIPPED_TYPES:
            self.inputs[name] = attrs
            if attrs.get("type") in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self.values[name] = attrs.get("value", "on")
            else:
                self.values[name] = attrs.get("value") or ""
        elif tag == "textarea" and name:
            self._textarea = name
            self.values[name] = ""
        elif tag == "select" and name:
            self._select = name
            self._first_option = None
        elif tag == "option" and self._select:
            value = attrs.get("value") or ""
            if self._first_option is None:
                self._first_option = value
            if "selected" in attrs:
                self.values[self._select] = value

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select" and self._select:
            self.values.setdefault(self._select, self._first_option or "")
            self._select = None


@pytest.fixture
def editor(client):
    head = UserFactory(username="truongban", groups=[GROUP_HEAD])
    return log_in(client, head)


@pytest.fixture
def pages(db):
    return site_tree()


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def open_editor(client, page):
    response = client.get(edit_url(page))
    assert response.status_code == 200
    return EditFormValues(response.content.decode())


def save_draft(client, page, form, **typed):
    """Press "Save draft" with the form as rendered, after typing `typed` into some fields."""
    data = {**form.values, **typed}
    if hasattr(page.specific, "body"):
        # The (empty) body the editor's script would send.
        data.update(nested_form_data({"body": streamfield([])}))
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(edit_url(page), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    return response


def latest(page):
    """The page as its last saved revision holds it (what the editor opens next)."""
    page.refresh_from_db()
    return page.get_latest_revision_as_object()


def test_the_admin_reads_dates_day_first():
    from django import forms

    with translation.override("vi"):
        assert forms.DateField().clean("10/09/2025") == D(2025, 9, 10)
        assert forms.DateField().clean("25/09/2025") == D(2025, 9, 25)
        assert forms.DateTimeField().clean("10/09/2025 07:30").date() == D(2025, 9, 10)
    # The admin in English shows the same dd/mm/yyyy, so it reads it the same way.
    with translation.override("en"):
        assert forms.DateField().clean("10/09/2025") == D(2025, 9, 10)
        assert forms.DateField().clean("31/12/2025") == D(2025, 12, 31)


def test_a_news_page_saved_unchanged_keeps_its_dates(editor, pages):
    page = NewsPageFactory(parent=pages["news_index"], event_date=D(2025, 9, 10), live=False)
    page.save_revision()
    form = open_editor(editor, page)
    assert form.values["event_date"] == "10/09/2025"

    save_draft(editor, page, form)
    assert latest(page).event_date == D(2025, 9, 10)
    assert open_editor(editor, page).values["event_date"] == "10/09/2025"


def test_news_event_date_and_schedule_round_trip_for_every_day(editor, pages):
    """Days 1–31: typed as shown, saved, shown again the same, stored as that day."""
    page = NewsPageFactory(parent=pages["news_index"], live=False)
    page.save_revision()
    form = open_editor(editor, page)
    for day in OCTOBER:
        go_live = f"{day.day:02d}/12/2030 07:30"
        expire = f"{day.day:02d}/12/2031 17:05"
        save_draft(editor, page, form, event_date=day.strftime("%d/%m/%Y"), go_live_at=go_live, expire_at=expire)
        form = open_editor(editor, page)
        assert form.values["event_date"] == day.strftime("%d/%m/%Y")
        assert form.values["go_live_at"] == go_live
        assert form.values["expire_at"] == expire
        stored = latest(page)
        assert stored.event_date == day
        local_go_live = stored.go_live_at.astimezone(datetime.timezone(datetime.timedelta(hours=7)))
        assert (local_go_live.date(), local_go_live.hour, local_go_live.minute) == (D(2030, 12, day.day), 7, 30)


def test_document_dates_round_trip_for_every_day(editor, pages):
    page = OfficialDocumentPageFactory(parent=pages["document_index"], live=False, signed_date=D(2024, 5, 27))
    page.save_revision()
    form = open_editor(editor, page)
    assert form.values["signed_date"] == "27/05/2024"
    for day in OCTOBER:
        effective = D(2025, 12, day.day)
        save_draft(
            editor,
            page,
            form,
            signed_date=day.strftime("%d/%m/%Y"),
            effective_date=effective.strftime("%d/%m/%Y"),
        )
        form = open_editor(editor, page)
        assert form.values["signed_date"] == day.strftime("%d/%m/%Y")
        assert form.values["effective_date"] == effective.strftime("%d/%m/%Y")
        stored = latest(page)
        assert (stored.signed_date, stored.effective_date) == (day, effective)


def test_the_head_enters_a_calendar_exception_day_first(editor):
    """The calendar's own form: 25/09 is saved at all, 10/09 is 10 September, and shown the same."""
    from workflows.models import CalendarException

    add_url = reverse("wagtailsnippets_workflows_calendarexception:add")
    for typed, expected in (("25/09/2027", D(2027, 9, 25)), ("10/09/2027", D(2027, 9, 10))):
        response = editor.post(add_url, {"date": typed, "note": "Thử nhập ngày"})
        assert response.status_code == 302, response.context["form"].errors
        row = CalendarException.objects.get(date=expected)
        edit = editor.get(reverse("wagtailsnippets_workflows_calendarexception:edit", args=[row.pk]))
        assert f'value="{typed}"' in edit.content.decode()
    assert not CalendarException.objects.filter(date=D(2027, 10, 9)).exists()


def test_the_deadlines_report_filters_read_day_first(editor):
    response = editor.get(reverse("workflows_deadlines:index"), {"due_from": "10/09/2025", "due_to": "25/09/2025"})
    assert response.status_code == 200
    form = response.context["filters"].form
    assert form.is_valid(), form.errors
    assert (form.cleaned_data["due_from"], form.cleaned_data["due_to"]) == (D(2025, 9, 10), D(2025, 9, 25))
    assert 'value="25/09/2025"' in response.content.decode()
