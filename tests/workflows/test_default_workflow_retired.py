"""Wagtail's default "Moderators approval" chain is not offered beside the board's (issue 19)."""

import pytest
from django.urls import reverse
from wagtail.models import Workflow

from demo.factories.accounts import UserFactory
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def test_only_the_boards_chain_is_active_after_the_migrations(client):
    assert list(Workflow.objects.filter(active=True).values_list("name", flat=True)) == ["Quy trình phê duyệt tin bài"]
    # Kept, disabled: Wagtail keeps a workflow's history.
    assert Workflow.objects.filter(name="Moderators approval", active=False).exists()
    log_in(client, UserFactory(is_superuser=True))
    listing = client.get(reverse("wagtailadmin_workflows:index")).content.decode()
    assert "Quy trình phê duyệt tin bài" in listing
    assert "Moderators approval" not in listing
