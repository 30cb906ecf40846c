"""Helpers shared by tests that act as a person in the admin."""

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

TEST_DEVICE_NAME = "test-authenticator"


def log_in(client, user):
    """Log `user` into the admin with the test client, as a real person would be.

    Every admin test logs in through this one function. The admin requires a second factor
    (accounts.middleware), so besides Django's `force_login` the user gets a confirmed
    authenticator device and the session is marked verified by it, exactly as django-otp's own
    `login()` does after a correct code.
    """
    device, _ = TOTPDevice.objects.get_or_create(user=user, name=TEST_DEVICE_NAME, defaults={"confirmed": True})
    client.force_login(user)
    session = client.session
    assert session[SESSION_KEY] == str(user.pk)
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    if settings.SESSION_COOKIE_NAME not in client.cookies:
        client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    return client
