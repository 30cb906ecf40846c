"""The compromise notice travels through the real broker to a real worker, which mails the head."""

import pytest
from django.utils import timezone

from accounts.policy import GROUP_HEAD, GROUP_MEMBER
from accounts.tasks import notify_account_compromised
from demo.factories.accounts import UserFactory
from tests.services import IN_CI, celery_worker_process, require_service

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_notice_is_sent_by_a_real_worker(real_celery, redis_available):
    if IN_CI:
        require_service(redis_available, "REDIS_URL is not set or Redis does not answer")
    head = UserFactory(groups=[GROUP_HEAD], username="truongban-worker")
    member = UserFactory(groups=[GROUP_MEMBER], username="thanhvien-worker")
    # Marked by hand: the service would also enqueue a notice on the default queue, where no
    # test worker listens and a message would be left behind in the broker.
    member.compromised_at = timezone.now()
    member.save(update_fields=["compromised_at"])
    with celery_worker_process() as queue:
        result = notify_account_compromised.apply_async(
            args=[member.pk, member.compromised_at.isoformat()], queue=queue
        )
        recipients = result.get(timeout=60)
    assert result.state == "SUCCESS"
    assert recipients == [head.email]
