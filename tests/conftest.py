"""Shared fixtures: users in the board's real groups, the demo site, a real Celery worker."""

import pytest
from django.conf import settings

from portal.celery import app as celery_app


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
    from tests.factories.pages import site_tree

    return site_tree()


def pytest_collection_modifyitems(items):
    """Make every transactional test restore the migrated data after its flush.

    The groups, the approval workflow and the root page come from data migrations; a
    transactional test's flush would erase them (and re-create content types with new ids) for
    the tests after it. Serialized rollback reloads them, as Django's docs advise.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("transaction") and not marker.kwargs.get("serialized_rollback"):
            kwargs = {**marker.kwargs, "serialized_rollback": True}
            item.add_marker(pytest.mark.django_db(*marker.args, **kwargs), append=False)
