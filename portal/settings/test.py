"""Settings for the test suite: fast hashing, eager Celery, mail kept in memory.

DATABASE_URL and REDIS_URL still apply, so CI runs the suite on real PostgreSQL and Redis.
Tests about tasks start a real worker themselves (see tests/conftest.py).
"""

import os

from .base import *  # noqa: F403
from .base import SECRET_KEY as _SECRET_KEY
from .base import env_bool

# The demo site (`manage.py seed_demo`, built on the shared factories); production has no demo.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
SECRET_KEY = _SECRET_KEY or "test-only-key-not-secret"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Serve static files straight from the apps and static/ without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# A real worker started by a test turns eager mode off, or its retries would run inline.
CELERY_TASK_ALWAYS_EAGER = os.environ.get("PORTAL_TEST_CELERY_EAGER", "true") == "true"
CELERY_TASK_EAGER_PROPAGATES = True
# A test's own worker (and its beat) use the test's own queue, not a developer's.
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("PORTAL_TEST_CELERY_QUEUE", "celery")
# E-mail goes through the outbox (EMAIL_BACKEND, base.py; tests/conftest.py puts it back after
# Django's test setup replaces it) and is delivered in memory (django.core.mail.outbox). A test
# can point a worker process at a mail backend it controls (see tests/mail.py).
OUTBOX_DELIVERY_BACKEND = os.environ.get("PORTAL_TEST_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
# A test's real worker retries a refused e-mail within seconds, not half a minute.
OUTBOX_RETRY_BACKOFF_SECONDS = 2
# A test's beat may run scheduled publication every few seconds instead of at the start of each
# minute (tests/workflows/test_real_worker.py), not to wait up to a minute for its first tick.
if os.environ.get("PORTAL_TEST_PUBLISH_EVERY_SECONDS"):
    CELERY_BEAT_SCHEDULE = {  # noqa: F405
        **CELERY_BEAT_SCHEDULE,  # noqa: F405
        "publish-scheduled-pages": {
            **CELERY_BEAT_SCHEDULE["publish-scheduled-pages"],  # noqa: F405
            "schedule": float(os.environ["PORTAL_TEST_PUBLISH_EVERY_SECONDS"]),
        },
    }
WAGTAILADMIN_BASE_URL = "http://testserver"
# The page cache is on only in the tests about it (tests/portal/test_page_cache.py), which use
# the configured cache: Redis under CI (REDIS_URL), local memory here; the other tests read what
# they just wrote. PORTAL_PAGE_CACHE=1 runs the whole suite with it.
PORTAL_PAGE_CACHE = env_bool("PORTAL_PAGE_CACHE", False)
if os.environ.get("PORTAL_TEST_PAGE_CACHE_DIR"):
    # A test's other process (tests/portal/test_page_cache.py) shares the test's file cache.
    CACHES["pages"] = {  # noqa: F405
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ["PORTAL_TEST_PAGE_CACHE_DIR"],
    }
elif not REDIS_URL:  # noqa: F405
    CACHES["pages"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"}  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# A real Celery worker started by a test runs in another process: it must see the test
# database, so SQLite's test database is a file rather than in memory.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-portal.sqlite3")}  # noqa: F405
