"""The morning digest through a real Celery worker: sent on working days only, and once."""

import pytest
from django.contrib.auth.models import Group

from accounts.policy import GROUP_CONTRIBUTOR, GROUP_HEAD, GROUP_MEMBER
from demo.factories.accounts import UserFactory
from outbox.models import Email, Status
from tests.services import IN_CI, celery_worker_process, require_service
from workflows.tasks import send_morning_digest

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_digest_through_a_real_worker_is_sent_once_and_only_on_working_days(real_celery, redis_available):
    if IN_CI:
        require_service(redis_available, "REDIS_URL is not set or Redis does not answer")
    # A transactional test before this one may have flushed the groups the migrations created;
    # the digest only needs the groups' names.
    for name in (GROUP_HEAD, GROUP_MEMBER, GROUP_CONTRIBUTOR):
        Group.objects.get_or_create(name=name)
    head = UserFactory(username="truongban-worker", groups=[GROUP_HEAD])
    member = UserFactory(username="thanhvien-worker", groups=[GROUP_MEMBER])
    UserFactory(username="congtacvien-worker", groups=[GROUP_CONTRIBUTOR])

    with celery_worker_process() as queue:
        # Beat firing twice on a working day, then once on the 2/9 holiday.
        first = send_morning_digest.apply_async(args=["2025-03-12"], queue=queue).get(timeout=60)
        second = send_morning_digest.apply_async(args=["2025-03-12"], queue=queue).get(timeout=60)
        holiday = send_morning_digest.apply_async(args=["2025-09-02"], queue=queue).get(timeout=60)

    assert (first, second, holiday) == (2, 0, 0)
    emails = Email.objects.order_by("key")
    assert sorted(e.recipients for e in emails) == sorted([head.email, member.email])
    assert all(e.status == Status.SENT and e.sent_at is not None for e in emails)
    assert sorted(e.key for e in emails) == sorted(f"alert:digest:2025-03-12:{user.pk}" for user in (head, member))
