"""Helpers for the account-security tests: codes from a device, the real login form."""

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from demo.factories.accounts import TEST_PASSWORD

LOGIN_URL = "/admin/login/"


def current_code(device):
    """The six-digit code an authenticator app would show now for this device."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):0{device.digits}d}"


def authenticator(user):
    """A confirmed authenticator app for the user."""
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


def sign_in_with_password(client, username, password=TEST_PASSWORD, **extra):
    """Post the admin's real login form (so django-axes sees a real request)."""
    return client.post(LOGIN_URL, {"username": username, "password": password}, **extra)
