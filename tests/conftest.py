"""Shared fixtures: users in the board's real groups, the demo site, a real Celery worker."""

import pytest
from celery._state import _set_task_join_will_block
from django.conf import settings
from django.core.cache import caches

from portal.celery import app as celery_app


@pytest.fixture(autouse=True)
def email_goes_through_the_outbox(settings):
    """Every test sends e-mail as production does: into the outbox, delivered by its task.

    Django's test setup replaces EMAIL_BACKEND with its in-memory backend; the project's
    backend (outbox.backends.OutboxBackend) is put back, and the outbox delivers to that
    in-memory backend (OUTBOX_DELIVERY_BACKEND in portal/settings/test.py), so
    `django.core.mail.outbox` still shows what went out.
    """
    settings.EMAIL_BACKEND = "outbox.backends.OutboxBackend"


@pytest.fixture(autouse=True)
def empty_cache():
    """Start every test with an empty cache, as a fresh deployment does.

    The cached site settings, navigation and routes (portal.pages) are forgotten when pages and
    settings change; a test's changes are rolled back without such a signal, and the next test
    may reuse the same row ids.
    """
    for each in caches.all():
        each.clear()


@pytest.fixture
def real_celery():
    """Turn eager mode off so tasks go through the configured broker to a real worker."""
    celery_app.conf.update(task_always_eager=False)
    yield celery_app
    celery_app.conf.update(task_always_eager=True)


@pytest.fixture
def redis_available():
    """Whether REDIS_URL names a Redis server that answers."""
    if not settings.REDIS_URL:
        return False
    import redis

    try:
        return redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2).ping()
    except redis.exceptions.ConnectionError:
        return False


@pytest.fixture
def site_pages(db):
    """A published home page with the news, documents and Q&A sections (see factories.pages)."""
    from demo.factories.pages import site_tree

    return site_tree()


def pytest_collection_modifyitems(items):
    """Give every transactional test a serialized rollback.

    A transactional test empties the database when it ends, taking with it what the data
    migrations created (groups, locales, the workflow, the calendar's schedules); and a flush
    without serialized rollback re-creates content types with new ids, which breaks the next
    test that restores the serialized data. Restoring after every transactional test keeps each
    test starting from the migrated database, whatever order they run in.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        transactional = (marker is not None and marker.kwargs.get("transaction")) or {
            "transactional_db",
            "live_server",
        } & set(getattr(item, "fixturenames", ()))
        if transactional:
            kwargs = {**(marker.kwargs if marker else {}), "transaction": True, "serialized_rollback": True}
            item.add_marker(pytest.mark.django_db(**kwargs), append=False)


@pytest.fixture(autouse=True)
def celery_may_wait_for_results():
    """Start every test allowed to wait for a task's result, as a fresh process is.

    An eager task marks the process as "inside a task" for its duration in a process-wide flag,
    saved and restored around it. When a live server runs eager tasks in several threads at once
    (tests/qa/test_concurrent_submissions.py), the save and restore interleave and can leave the
    flag set, so a later test that waits for a real worker's result is refused by Celery.
    """
    _set_task_join_will_block(False)
