"""Small request helpers for the portal's security settings."""

from axes.helpers import get_cool_off, get_failure_limit
from django.conf import settings
from django.template.response import TemplateResponse


def client_ip(request):
    """The client's address, trusting X-Forwarded-For only from the configured proxies.

    Without a proxy (PORTAL_TRUSTED_PROXIES = 0) the connection's address is used: a client can
    forge X-Forwarded-For, and a forged address would let an attacker dodge the lockout by IP.
    """
    proxies = settings.PORTAL_TRUSTED_PROXIES
    if proxies > 0:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' lockout page, in Vietnamese, with the wait in whole minutes (HTTP 429)."""
    cool_off = get_cool_off(request)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "cooloff_minutes": max(1, round(cool_off.total_seconds() / 60)) if cool_off else None,
    }
    return TemplateResponse(request, "accounts/locked_out.html", context, status=429).render()
