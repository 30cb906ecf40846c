"""Spam and flood protection for the public forms, without third-party services or picture puzzles.

Three layers (DESIGN §8): a honeypot field people never see, a signed time token (a bot posts
at once or replays an old form; each token is accepted once, qa.models.UsedFormToken), and a
per-address rate limit in the Django cache. Each refusal
is shown to the person with the form kept, so a real resident is never silently dropped.
"""

import hashlib
import logging
import secrets
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache

from accounts.security import client_ip

logger = logging.getLogger(__name__)

TOKEN_SALT = "qa.question-form"


def make_form_token(now=None):
    """A signed token carrying the time the form was shown and a random id (one use per form load)."""
    issued = int(now if now is not None else time.time())
    return signing.dumps({"t": issued, "id": secrets.token_urlsafe(16)}, salt=TOKEN_SALT)


def _read_form_token(token):
    """(time shown, id) of a genuine token, or None when it is missing or forged."""
    try:
        value = signing.loads(token, salt=TOKEN_SALT)
        if isinstance(value, dict):
            return int(value["t"]), str(value["id"])[:64]
        # A form shown before tokens had an id: its id is the token itself.
        return int(value), hashlib.sha256(token.encode()).hexdigest()[:64]
    except (signing.BadSignature, TypeError, ValueError, KeyError, AttributeError):
        return None


def form_token_age(token, now=None):
    """Seconds since the form was shown, or None when the token is missing or forged."""
    read = _read_form_token(token)
    if read is None:
        return None
    return (now if now is not None else time.time()) - read[0]


def form_token_id(token):
    """The id that makes a form load usable once (qa.models.UsedFormToken), or None."""
    read = _read_form_token(token)
    return read[1] if read else None


def client_address(request):
    """The client's IP address, by the same proxy rule as the admin's lockout (PORTAL_TRUSTED_PROXIES)."""
    return client_ip(request) or "unknown"


class RateLimit:
    """A fixed-window counter per client address in the shared cache (Redis in production)."""

    def __init__(self, scope, limit, window):
        self.scope, self.limit, self.window = scope, limit, window

    def _key(self, address):
        window_number = int(time.time() // self.window)
        return f"qa:rate:{self.scope}:{address}:{window_number}"

    def count(self, address):
        return cache.get(self._key(address), 0)

    def is_exceeded(self, address):
        return self.count(address) >= self.limit

    def hit(self, address):
        """Count one more use; returns the new count.

        While the cache (Redis) is unavailable it reads as empty (portal.cache): the limit is not
        enforced and each use counts as the first, so residents are still served; the honeypot
        and the time token still apply. That is logged, once per use, as a warning.
        """
        key = self._key(address)
        # add() is atomic: only the first request of the window creates the counter.
        cache.add(key, 0, timeout=self.window)
        try:
            count = cache.incr(key)
        except ValueError:
            # The counter expired between add() and incr(): start a new window.
            cache.set(key, 1, timeout=self.window)
            count = 1
        if not getattr(cache, "is_available", lambda: True)():
            logger.warning("Rate limit %r not enforced: the cache is unavailable", self.scope)
        return count


def submission_limit():
    return RateLimit("submit", settings.QA_SUBMISSIONS_PER_IP, settings.QA_SUBMISSION_WINDOW)


def lookup_limit():
    return RateLimit("lookup", settings.QA_LOOKUPS_PER_IP, settings.QA_LOOKUP_WINDOW)
