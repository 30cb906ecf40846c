"""A Redis cache that degrades to "no cache" while Redis is unavailable (issue 16, item 2).

The cache only ever speeds things up (Wagtail's site lookup, the forms' rate limits), so an
outage of Redis must not turn every page into a 500. Django's `RedisCache` raises on every call
while Redis is down; this subclass logs the outage once, treats reads as misses and writes as
no-ops, and stops dialling Redis for a few seconds after a failure so that a dead server costs a
request at most one short timeout, not one per cache call. The OPTIONS' socket timeouts (see
settings) bound that one timeout.

Why not django-redis' IGNORE_EXCEPTIONS: it does the same for one more dependency and another
client API, and it dials the dead server on every call. Django's own backend plus this small
subclass keeps the stack as it was.

While Redis is down a deletion is lost too, so a key invalidated during the outage may be served
stale until it expires; the project's cached values are short-lived and rebuildable.
"""

import functools
import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, OSError)

# Monotonic time until which each Redis location is considered down, shared by the threads of
# one process (Django keeps one cache object per thread).
_down_until = {}


def _tolerant(fallback):
    """Run the cache call; if Redis is unavailable, return `fallback(*args, **kwargs)` instead."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if not self.is_available():
                return fallback(*args, **kwargs)
            try:
                result = method(self, *args, **kwargs)
            except UNAVAILABLE as error:
                self._mark_down(error)
                return fallback(*args, **kwargs)
            self._mark_up()
            return result

        return wrapper

    return decorate


def _missing_key(key, *args, **kwargs):
    # Django's contract for incr()/decr() on a key that is not there: the cache is empty now.
    raise ValueError(f"Key '{key}' not found (the cache is unavailable)")


class FaultTolerantRedisCache(RedisCache):
    """Django's RedisCache that serves as an empty cache while Redis does not answer."""

    # Seconds to leave Redis alone after a failure before trying again.
    retry_after = 5.0

    def is_available(self):
        return time.monotonic() >= _down_until.get(self._server_key(), 0.0)

    def _server_key(self):
        return tuple(self._servers)

    def _mark_down(self, error):
        key = self._server_key()
        was_up = key not in _down_until
        _down_until[key] = time.monotonic() + self.retry_after
        if was_up:
            logger.warning(
                "Redis cache unavailable (%s: %s): serving without cache, retrying every %.0f s",
                type(error).__name__,
                error,
                self.retry_after,
            )

    def _mark_up(self):
        if _down_until.pop(self._server_key(), None) is not None:
            logger.info("Redis cache is available again")

    @_tolerant(lambda key, value, timeout=DEFAULT_TIMEOUT, version=None: False)
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return super().add(key, value, timeout, version)

    @_tolerant(lambda key, default=None, version=None: default)
    def get(self, key, default=None, version=None):
        return super().get(key, default, version)

    @_tolerant(lambda key, value, timeout=DEFAULT_TIMEOUT, version=None: None)
    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return super().set(key, value, timeout, version)

    @_tolerant(lambda key, timeout=DEFAULT_TIMEOUT, version=None: False)
    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return super().touch(key, timeout, version)

    @_tolerant(lambda key, version=None: False)
    def delete(self, key, version=None):
        return super().delete(key, version)

    @_tolerant(lambda keys, version=None: {})
    def get_many(self, keys, version=None):
        return super().get_many(keys, version)

    @_tolerant(lambda key, version=None: False)
    def has_key(self, key, version=None):
        return super().has_key(key, version)

    @_tolerant(_missing_key)
    def incr(self, key, delta=1, version=None):
        return super().incr(key, delta, version)

    @_tolerant(lambda data, timeout=DEFAULT_TIMEOUT, version=None: list(data))
    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return super().set_many(data, timeout, version)

    @_tolerant(lambda keys, version=None: None)
    def delete_many(self, keys, version=None):
        return super().delete_many(keys, version)

    @_tolerant(lambda: False)
    def clear(self):
        return super().clear()
