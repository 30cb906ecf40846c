"""Fixtures of the residents' questions tests: a clean rate-limit cache and a filled-in form."""

import time

import pytest
from django.core.cache import cache

from accounts.policy import GROUP_CONTRIBUTOR, GROUP_HEAD, GROUP_MEMBER, GROUP_OFFICIAL, GROUP_PARTY_COMMITTEE
from demo.factories.accounts import UserFactory
from qa.protection import make_form_token


@pytest.fixture(autouse=True)
def clean_rate_limits():
    """Rate-limit counters live in the cache (Redis in CI): each test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def question_form_data():
    """What a resident types, with a form token issued a minute ago (a person takes that long)."""

    def build(**overrides):
        data = {
            "name": "Nguyễn Văn An",
            "email": "nguyen.van.an@example.vn",
            "phone": "0912 345 678",
            "address": "Xóm Hồng Thái 2, xã Tân Cương",
            "topic": "dat-dai",
            "title": "Thủ tục cấp giấy chứng nhận quyền sử dụng đất",
            "body": "Gia đình tôi muốn làm thủ tục cấp giấy chứng nhận quyền sử dụng đất lần đầu. Cần giấy tờ gì?",
            "consent_to_publish": "on",
            "website": "",
            "form_token": make_form_token(time.time() - 60),
        }
        data.update(overrides)
        return {key: value for key, value in data.items() if value is not None}

    return build


@pytest.fixture
def people(db):
    """One person per group of the board, plus a second official (to test "assigned to me only")."""
    return {
        "head": UserFactory(groups=[GROUP_HEAD]),
        "member": UserFactory(groups=[GROUP_MEMBER]),
        "official": UserFactory(groups=[GROUP_OFFICIAL]),
        "other_official": UserFactory(groups=[GROUP_OFFICIAL]),
        "contributor": UserFactory(groups=[GROUP_CONTRIBUTOR]),
        "party": UserFactory(groups=[GROUP_PARTY_COMMITTEE]),
    }
