"""Abuse of the public question form (issue 16, item 8): size, replays, and e-mails to strangers."""

import logging
import time

import pytest
from django.core import mail
from django.test import Client, override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from outbox.models import Email
from qa.models import Question
from qa.protection import make_form_token
from tests.portal.test_hostile_input import VALUES

pytestmark = pytest.mark.django_db

FORM_URL = "/hoi-dap/gui-cau-hoi/"


def send(client, data, captured):
    with captured(execute=True):
        return client.post(FORM_URL, data, follow=True)


def test_a_replayed_form_creates_one_question_and_one_email(
    client, question_form_data, django_capture_on_commit_callbacks
):
    data = question_form_data()
    first = send(client, data, django_capture_on_commit_callbacks)
    # The attacker's loop: the same form load, sent again and again with other addresses.
    replays = [
        send(client, {**data, "email": f"victim{n}@example.vn"}, django_capture_on_commit_callbacks) for n in range(3)
    ]
    question = Question.objects.get()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["nguyen.van.an@example.vn"]
    assert Email.objects.count() == 1
    assert question.tracking_code in first.content.decode()
    for replay in replays:
        html = replay.content.decode()
        assert replay.status_code == 200
        assert question.tracking_code in html
        assert "đã được gửi từ biểu mẫu này" in html


def test_a_double_click_from_a_new_browser_still_shows_the_code(
    client, question_form_data, django_capture_on_commit_callbacks
):
    """The second click's answer is the one the browser shows: it must carry the code of the first."""
    data = question_form_data()
    send(client, data, django_capture_on_commit_callbacks)
    other_tab = Client()  # no session cookie yet, as when both clicks leave together
    response = send(other_tab, data, django_capture_on_commit_callbacks)
    assert Question.objects.count() == 1
    assert Question.objects.get().tracking_code in response.content.decode()


def test_a_fresh_form_after_the_first_is_a_new_question(client, question_form_data, django_capture_on_commit_callbacks):
    send(client, question_form_data(), django_capture_on_commit_callbacks)
    send(client, question_form_data(title="Câu hỏi thứ hai về đất đai"), django_capture_on_commit_callbacks)
    assert Question.objects.count() == 2


@override_settings(QA_SUBMISSIONS_PER_IP=100)
def test_one_address_gets_a_bounded_number_of_receipts_a_day(
    client, question_form_data, django_capture_on_commit_callbacks, caplog
):
    addresses = ["nan@example.vn", "NAN@example.vn", "nan+1@example.vn", "nan+2@Example.VN"] + ["nan@example.vn"] * 3
    with caplog.at_level(logging.WARNING, logger="qa.services"):
        for address in addresses:
            send(client, question_form_data(email=address), django_capture_on_commit_callbacks)
    # Every question is stored (the desk answers it); only five receipts go to that mailbox.
    assert Question.objects.count() == len(addresses)
    assert len(mail.outbox) == 5
    assert "without its receipt e-mail" in caplog.text
    # Someone else still gets theirs.
    send(client, question_form_data(email="khac@example.vn"), django_capture_on_commit_callbacks)
    assert mail.outbox[-1].to == ["khac@example.vn"]


def test_the_receipt_repeats_only_the_code_and_a_one_line_title(
    client, question_form_data, django_capture_on_commit_callbacks
):
    data = question_form_data(
        name="Chuyển khoản ngay cho chúng tôi",
        title="Thông báo\n\nQuý khách trúng thưởng, bấm http://evil.example",
        body="Nội dung lừa đảo dài hơn hai mươi ký tự http://evil.example/body",
        address="Số tài khoản 0123456789",
        phone="0912 345 678",
    )
    send(client, data, django_capture_on_commit_callbacks)
    question = Question.objects.get()
    receipt = mail.outbox[0]
    assert question.title == "Thông báo Quý khách trúng thưởng, bấm http://evil.example"
    assert f"“{question.title}”" in receipt.body
    assert question.tracking_code in receipt.body
    for typed in ("Chuyển khoản", "Nội dung lừa đảo", "/body", "Số tài khoản", "0912 345 678"):
        assert typed not in receipt.body and typed not in receipt.subject
    assert "Thông báo\n" not in receipt.body


def test_a_question_too_long_is_refused_with_the_text_kept(client, question_form_data):
    response = client.post(FORM_URL, question_form_data(body="Chè " * 3000))
    assert response.status_code == 400
    assert "không quá 10.000 ký tự" in response.content.decode()
    assert not Question.objects.exists()


def test_a_request_over_the_cap_is_refused_before_it_is_read(client, question_form_data):
    big = question_form_data(body="x" * (300 * 1024))
    response = client.post(FORM_URL, big)
    assert response.status_code == 413
    assert "quá lớn" in response.content.decode()
    assert not Question.objects.exists()


def test_a_large_file_part_is_refused(client, question_form_data):
    """Django streams file parts to disk however large they are: the cap stops them first."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = {**question_form_data(), "attachment": SimpleUploadedFile("big.bin", b"\0" * (3 * 1024 * 1024))}
    response = client.post(FORM_URL, data)  # multipart
    assert response.status_code == 413
    assert not Question.objects.exists()


@override_settings(PORTAL_PUBLIC_MAX_REQUEST_SIZE=1024)
def test_the_admin_keeps_its_own_larger_cap(client):
    """Admin uploads (documents up to 20 MB) are not held to the public cap."""
    response = client.post("/admin/login/", {"username": "x", "password": "y" * 4096})
    assert response.status_code != 413


def test_a_form_with_control_characters_keeps_the_question_without_them(
    client, question_form_data, django_capture_on_commit_callbacks
):
    data = question_form_data(title="Hỏi\x00 về\x07 đất\x1b đai", name="Nguyễn\x0b Văn An")
    send(client, data, django_capture_on_commit_callbacks)
    question = Question.objects.get()
    assert question.title == "Hỏi về đất đai"
    assert question.name == "Nguyễn Văn An"


FIELDS = ["name", "email", "phone", "address", "topic", "title", "body", "consent_to_publish", "website", "form_token"]


def test_no_field_value_makes_the_form_fail(client, question_form_data):
    from django.core.cache import cache

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    @given(overrides=st.dictionaries(st.sampled_from(FIELDS), VALUES, max_size=4))
    def never_fails(overrides):
        cache.clear()
        data = question_form_data(**{"form_token": make_form_token(time.time() - 60), **overrides})
        response = client.post(FORM_URL, data)
        assert response.status_code < 500, (overrides, response.status_code)

    never_fails()
    for question in Question.objects.all():
        assert "\x00" not in question.title + question.body + question.name
