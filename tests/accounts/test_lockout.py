"""Repeated failed logins lock the account and the address out, with a Vietnamese message."""

import pytest
from django.conf import settings

from accounts.policy import GROUP_CONTRIBUTOR, GROUP_MEMBER
from demo.factories.accounts import UserFactory
from tests.accounts.utils import sign_in_with_password

pytestmark = pytest.mark.django_db


def signed_in(client):
    return "_auth_user_id" in client.session


def test_account_is_locked_after_the_threshold_and_the_right_password_is_refused(client):
    member = UserFactory(groups=[GROUP_MEMBER])
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = sign_in_with_password(client, member.username, f"sai-mat-khau-{attempt}")
        assert response.status_code == 200 and not signed_in(client)
    response = sign_in_with_password(client, member.username, "sai-mat-khau-cuoi")
    assert response.status_code == 429

    response = sign_in_with_password(client, member.username)
    assert response.status_code == 429
    assert not signed_in(client)
    assert "tạm khóa" in response.content.decode()


def test_the_account_stays_locked_from_another_address(client):
    member = UserFactory(groups=[GROUP_MEMBER])
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in_with_password(client, member.username, f"sai-{attempt}", REMOTE_ADDR=f"10.0.0.{attempt + 1}")
    response = sign_in_with_password(client, member.username, REMOTE_ADDR="10.9.9.9")
    assert response.status_code == 429 and not signed_in(client)


def test_an_address_guessing_many_accounts_is_locked_out(client):
    victims = [UserFactory(groups=[GROUP_CONTRIBUTOR]) for _ in range(settings.AXES_FAILURE_LIMIT + 1)]
    for victim in victims[:-1]:
        sign_in_with_password(client, victim.username, "doan-mo-mat-khau", REMOTE_ADDR="203.0.113.7")
    response = sign_in_with_password(client, victims[-1].username, REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 429 and not signed_in(client)
    # The same person from their own network is not affected.
    response = sign_in_with_password(client, victims[-1].username, REMOTE_ADDR="198.51.100.20")
    assert response.status_code == 302 and signed_in(client)


def test_a_forged_forwarded_header_does_not_dodge_the_address_lockout(client):
    victims = [UserFactory(groups=[GROUP_CONTRIBUTOR]) for _ in range(settings.AXES_FAILURE_LIMIT + 1)]
    for number, victim in enumerate(victims[:-1]):
        sign_in_with_password(client, victim.username, "sai", HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
    response = sign_in_with_password(client, victims[-1].username, HTTP_X_FORWARDED_FOR="192.0.2.200")
    assert response.status_code == 429
