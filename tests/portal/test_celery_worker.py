"""A task travels through the real broker to a real worker process and its result comes back."""

import uuid

import pytest
from django.conf import settings

from portal.tasks import health_check
from tests.services import IN_CI, celery_worker_process, require_service

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_broker_in_ci_is_the_real_redis(redis_available):
    require_service(redis_available, "REDIS_URL is not set or Redis does not answer")
    assert settings.CELERY_BROKER_URL.startswith("redis://")


def test_task_is_executed_by_a_real_worker(real_celery, redis_available):
    if IN_CI:
        # CI must exercise the production broker, not the embedded one.
        require_service(redis_available, "REDIS_URL is not set or Redis does not answer")
    token = uuid.uuid4().hex
    with celery_worker_process() as queue:
        result = health_check.apply_async(args=[token], queue=queue)
        answer = result.get(timeout=60)
    assert answer["token"] == token
    # Eager mode would run in this process without a task id known to the backend.
    assert result.state == "SUCCESS"
    assert answer["database"] in {"postgresql", "sqlite"}
