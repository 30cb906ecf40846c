"""The head is e-mailed once when the year's royalties pass 80% of the budget, and once at 100%."""

import pytest
from django.core import mail

from royalties.models import RoyaltyBudget
from tests.royalties.conftest import at, news, publish_on

pytestmark = pytest.mark.django_db


def publish_news(site_pages, people, day, capture):
    with capture(execute=True):
        publish_on(at(2026, 3, day), news(site_pages, people["contributor"]))


def test_one_email_at_80_percent_and_one_at_100(site_pages, people, django_capture_on_commit_callbacks):
    # Each news item pays 234.000 đ; the budget is five of them.
    RoyaltyBudget.objects.create(year=2026, amount=5 * 234_000)
    for day in (2, 3, 4):
        publish_news(site_pages, people, day, django_capture_on_commit_callbacks)
    assert mail.outbox == []  # 60%

    publish_news(site_pages, people, 5, django_capture_on_commit_callbacks)  # 80%
    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([people["head"].email], "Nhuận bút năm 2026: đã dùng 80% ngân sách")
    ]
    assert "936.000 đ" in mail.outbox[0].body and "1.170.000 đ" in mail.outbox[0].body

    publish_news(site_pages, people, 6, django_capture_on_commit_callbacks)  # 100%
    publish_news(site_pages, people, 9, django_capture_on_commit_callbacks)  # 120%: nothing new
    assert [m.subject for m in mail.outbox] == [
        "Nhuận bút năm 2026: đã dùng 80% ngân sách",
        "Nhuận bút năm 2026: vượt ngân sách (100%)",
    ]
    assert all(m.to == [people["head"].email] for m in mail.outbox)


def test_no_email_without_a_budget(site_pages, people, django_capture_on_commit_callbacks):
    publish_news(site_pages, people, 2, django_capture_on_commit_callbacks)
    assert mail.outbox == []
