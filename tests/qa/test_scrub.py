"""The personal-data scrub: what a resident writes about themself never reaches the draft answer.

Addresses, phone numbers in every form Vietnamese people write them, e-mail addresses, 12-digit
citizen IDs and the resident's own details go; the official is told what went.
"""

import pytest
from django.contrib.messages import get_messages
from hypothesis import given, settings
from hypothesis import strategies as st

from demo.factories.pages import QuestionFactory
from qa import services
from qa.models import QuestionStatus
from qa.privacy import REMOVED, scrub
from tests.helpers import log_in

PHONES = [
    "0912000111",
    "0912.000.111",
    "0912 000 111",
    "0912-000-111",
    "+84 912 000 111",
    "+84912000111",
    "84-912-000-111",
    "(+84) 912 000 111",
    "0208 3855 123",
    "(0208) 3855 123",
    "02083855123",
]


@pytest.mark.parametrize("phone", PHONES)
def test_every_common_phone_form_is_removed(phone):
    result = scrub(f"Xin gọi cho tôi theo số {phone} vào giờ hành chính.")
    assert result.text == f"Xin gọi cho tôi theo số {REMOVED} vào giờ hành chính."
    assert result.removed == [phone]


@pytest.mark.parametrize(
    ("written", "removed"),
    [
        ("CCCD của tôi là 034099012345.", "034099012345"),
        ("Căn cước số 034 099 012 345 cấp năm 2021.", "034 099 012 345"),
        ("Thư trả lời gửi về an.nguyen+hoi@mail.example.vn giúp tôi.", "an.nguyen+hoi@mail.example.vn"),
        ("Nhà tôi ở số 12 ngõ 34 đường Z, xã Tân Cương.", "số 12 ngõ 34 đường Z"),
        ("Tôi ở thôn Nam Tân, xã Tân Cương.", "thôn Nam Tân"),
        ("Gia đình ở Xóm Hồng Thái 2 đã lâu.", "Xóm Hồng Thái 2"),
        ("Nhà số nhà 45 tổ 5 có nước ngập.", "số nhà 45 tổ 5"),
        ("Tôi ở tổ dân phố Đồng Tâm.", "tổ dân phố Đồng Tâm"),
        ("Nha toi o xom Ha Thai, gan truong.", "xom Ha Thai"),
    ],
)
def test_ids_e_mails_and_addresses_are_removed(written, removed):
    result = scrub(written)
    assert removed not in result.text and REMOVED in result.text
    assert result.removed == [removed]


@pytest.mark.parametrize(
    "text",
    [
        "Theo Quyết định số 63/QĐ-UBND ngày 27/5/2024 của Ủy ban nhân dân xã.",
        "Đường giao thông nông thôn và tổ chức của thành phố Thái Nguyên.",
        "Mức hỗ trợ 1.000.000 đồng, tổng 840 000 000 đồng, ngày 12.03.2024.",
        "Phó Chủ tịch Ủy ban nhân dân xã tiếp công dân.",
    ],
)
def test_what_is_not_personal_stays(text):
    assert scrub(text).text == text
    assert scrub(text).removed == []


def test_the_residents_own_details_go_whatever_their_case_and_diacritics():
    result = scrub(
        "Tôi là NGUYEN VAN AN, ở Xóm Hồng Thái 2; gọi 0987 654 321 hoặc viết an@example.vn.\x00",
        name="Nguyễn Văn An",
        email="an@example.vn",
        phone="0987654321",
        address="Xóm Hồng Thái 2, xã Tân Cương",
    )
    assert result.text == f"Tôi là {REMOVED}, ở {REMOVED}; gọi {REMOVED} hoặc viết {REMOVED}."
    assert result.removed == ["NGUYEN VAN AN", "Xóm Hồng Thái 2", "0987 654 321", "an@example.vn"]


def test_an_address_field_without_keywords_is_removed_too():
    result = scrub("Gần chợ Cây Đa 17 có đường hỏng.", address="chợ Cây Đa 17, xã Tân Cương")
    assert result.text == f"Gần {REMOVED} có đường hỏng."


SEPARATORS = st.sampled_from(["", " ", ".", "-"])


@st.composite
def written_phone_numbers(draw):
    """A Vietnamese mobile number written as people do: grouped by 3 or 4, with or without +84."""
    network = draw(st.sampled_from(["3", "5", "7", "8", "9"]))
    rest = draw(st.text("0123456789", min_size=8, max_size=8))
    digits = network + rest
    separator = draw(SEPARATORS)
    grouping = draw(st.sampled_from([(3, 3, 3), (2, 3, 4), (3, 6), (9,)]))
    groups, start = [], 0
    for size in grouping:
        groups.append(digits[start : start + size])
        start += size
    prefix = draw(st.sampled_from(["0", "+84 ", "+84", "84-", "84 ", "(+84) "]))
    if prefix == "0":
        groups[0] = "0" + groups[0]
    else:
        groups[0] = prefix + groups[0]
    return separator.join(groups)


@settings(max_examples=300, deadline=None)
@given(phone=written_phone_numbers(), before=st.sampled_from(["Số máy ", "ĐT:", "gọi ", "("]))
def test_generated_phone_numbers_are_removed(phone, before):
    text = f"{before}{phone} nhé."
    result = scrub(text)
    assert not any(char.isdigit() for char in result.text), (text, result.text)
    assert result.removed == [phone.strip()]


@pytest.mark.django_db
def test_the_official_is_told_what_the_draft_left_out(client, people, site_pages):
    question = QuestionFactory(
        name="Trần Thị Bình",
        phone="0912000111",
        email="binh@example.vn",
        address="Xóm Nam Tân, xã Tân Cương",
        body="Tôi là Trần Thị Bình ở Xóm Nam Tân, CCCD 019185000123, gọi 0912.000.111. Hỏi về hộ nghèo năm 2026.",
        assignee=people["official"],
        status=QuestionStatus.ASSIGNED,
    )
    log_in(client, people["official"])
    response = client.post(f"/admin/qa_question/edit/{question.pk}/", {"action": "draft"})
    notice = " ".join(str(message) for message in get_messages(response.wsgi_request))
    assert "Đã xóa thông tin cá nhân khỏi bản nháp" in notice
    for item in ("Trần Thị Bình", "Xóm Nam Tân", "019185000123", "0912.000.111"):
        assert item in notice
    page = question.answer_pages.get().specific
    assert (
        page.question_text == f"Tôi là {REMOVED} ở {REMOVED}, CCCD {REMOVED}, gọi {REMOVED}. Hỏi về hộ nghèo năm 2026."
    )


@pytest.mark.django_db
def test_scrub_personal_data_lists_what_it_removed():
    question = QuestionFactory.build(name="Lê Văn Cường", phone="", email="", address="")
    result = services.scrub_personal_data("Lê Văn Cường, +84 912 000 111", question)
    assert result.text == f"{REMOVED}, {REMOVED}"
    assert result.removed == ["Lê Văn Cường", "+84 912 000 111"]
