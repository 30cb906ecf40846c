"""The royalties budget on the dashboard and above the entries list: warning at 80%, error at 100%."""

import pytest
import time_machine
from django.urls import reverse

from royalties.models import RoyaltyBudget
from tests.helpers import log_in
from tests.royalties.conftest import at, news, publish_on

pytestmark = pytest.mark.django_db

# One news item of 2026: 0,10 × 2.340.000 đ = 234.000 đ.
USED = 234_000


@pytest.fixture
def one_item_this_year(site_pages, people):
    publish_on(at(2026, 3, 10), news(site_pages, people["contributor"]))


def dashboard(client, user):
    log_in(client, user)
    with time_machine.travel(at(2026, 6, 1)):
        response = client.get(reverse("wagtailadmin_home"))
    # Absence of the panel only means something on a dashboard that was really shown.
    assert response.status_code == 200 and response.templates[0].name == "wagtailadmin/home.html"
    return response.content.decode()


@pytest.mark.parametrize(
    ("budget", "text", "style"),
    [
        (296_202, None, None),  # 79%
        (292_500, "Đã dùng 80% ngân sách nhuận bút năm 2026.", "help-warning"),
        (285_365, "Đã dùng 82% ngân sách nhuận bút năm 2026.", "help-warning"),
        (USED, "Đã dùng 100% ngân sách nhuận bút năm 2026 — vượt ngân sách.", "help-critical"),
    ],
)
def test_the_head_sees_the_budget_level_on_the_dashboard(client, people, one_item_this_year, budget, text, style):
    RoyaltyBudget.objects.create(year=2026, amount=budget)
    html = dashboard(client, people["head"])
    assert "Ngân sách nhuận bút" in html and "234.000 đ" in html
    if text is None:
        assert "data-budget-level" not in html and "79%" in html
    else:
        assert text in html
        assert f'class="help-block {style}"' in html


def test_a_member_sees_the_panel_too(client, people, one_item_this_year):
    RoyaltyBudget.objects.create(year=2026, amount=USED)
    assert "vượt ngân sách" in dashboard(client, people["member"])


def test_without_a_budget_the_panel_says_so(client, people, one_item_this_year):
    html = dashboard(client, people["head"])
    assert "chưa nhập dự toán nhuận bút cho năm này" in html and "data-budget-level" not in html


@pytest.mark.parametrize("role", ["contributor", "official", "party"])
def test_nobody_else_sees_the_budget(client, people, one_item_this_year, role):
    RoyaltyBudget.objects.create(year=2026, amount=USED)
    html = dashboard(client, people[role])
    assert "Ngân sách nhuận bút" not in html and "vượt ngân sách" not in html


def test_the_entries_list_shows_the_same_warning(client, people, one_item_this_year):
    RoyaltyBudget.objects.create(year=2026, amount=285_365)
    log_in(client, people["head"])
    with time_machine.travel(at(2026, 6, 1)):
        html = client.get(reverse("wagtailsnippets_royalties_royaltyentry:list")).content.decode()
    assert "Đã dùng 82% ngân sách nhuận bút năm 2026." in html
