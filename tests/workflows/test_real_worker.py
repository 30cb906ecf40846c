"""Scheduled publication and e-mail retries through real Celery workers and beat on the real broker."""

import datetime
import email
import email.policy
import time
import uuid

import pytest
from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from tests.services import BASE_DIR, IN_CI, celery_worker_process, celery_worker_processes, require_service
from tests.workflows.conftest import as_user, draft_news, news_form, submit
from workflows.tasks import publish_scheduled_pages

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


NOT_EAGER = {"PORTAL_TEST_CELERY_EAGER": "false"}


def wait_for(condition, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return condition()


def due_page(site_pages, owner, title):
    """A draft whose approved go-live time has passed: the next scheduler run publishes it."""
    page = draft_news(site_pages, owner, title=title)
    page.go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision = page.save_revision(user=owner)
    revision.approved_go_live_at = page.go_live_at
    revision.save(update_fields=["approved_go_live_at"])
    return page


def published_count(page):
    return PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled").count()


def test_beat_publishes_and_two_workers_at_once_publish_once(real_celery, redis_available, site_pages, board):
    if IN_CI:
        require_service(redis_available, "REDIS_URL is not set or Redis does not answer")
    first_queue, second_queue = (f"test-{uuid.uuid4().hex[:12]}" for _ in range(2))
    by_beat = due_page(site_pages, board["head"], "Tin do beat xuất bản")
    # Beat ticks at the start of each minute (test_scheduled_publication.py checks that schedule);
    # here every two seconds, so that the test does not wait up to a minute for the first tick.
    beat_env = {**NOT_EAGER, "PORTAL_TEST_CELERY_QUEUE": first_queue, "PORTAL_TEST_PUBLISH_EVERY_SECONDS": "2"}
    with celery_worker_processes(
        {"queue": first_queue, "beat": True, "extra_env": beat_env},
        {"queue": second_queue, "extra_env": NOT_EAGER},
    ):
        assert wait_for(lambda: Page.objects.get(pk=by_beat.pk).live, timeout=90)

        racing = due_page(site_pages, board["head"], "Tin được hai worker cùng xử lý")
        results = [publish_scheduled_pages.apply_async(queue=queue) for queue in (first_queue, second_queue) * 2]
        published = sum(result.get(timeout=60)["published"] for result in results)
    assert Page.objects.get(pk=racing.pk).live
    assert published <= 1
    assert published_count(by_beat) == 1
    assert published_count(racing) == 1


def test_failing_mail_server_does_not_block_approval_and_mail_goes_out_later(
    real_celery, redis_available, site_pages, board, client, tmp_path
):
    if IN_CI:
        require_service(redis_available, "REDIS_URL is not set or Redis does not answer")
    queue = f"test-{uuid.uuid4().hex[:12]}"
    mail_dir = tmp_path / "mail"
    down_flag = tmp_path / "mail-server-down"
    down_flag.touch()
    page = draft_news(site_pages, board["contributor"], title="Tin về ngày hội đại đoàn kết")
    env = {
        "PORTAL_TEST_CELERY_EAGER": "false",
        "PORTAL_TEST_EMAIL_BACKEND": "tests.mail.FlakyFileBackend",
        "PORTAL_TEST_MAIL_DIR": str(mail_dir),
        "PORTAL_TEST_MAIL_DOWN_FLAG": str(down_flag),
    }
    default_queue = real_celery.conf.task_default_queue
    real_celery.conf.task_default_queue = queue
    try:
        with celery_worker_process(queue=queue, extra_env=env):
            as_user(client, board["contributor"])
            response = submit(client, page, news_form(page))
            assert response.status_code == 302
            page.refresh_from_db()
            # Approval went on although the mail server is down.
            assert page.current_workflow_task.name == "Thành viên Ban biên tập thẩm định"
            log = BASE_DIR / "var" / f"worker-{queue}.log"
            assert wait_for(lambda: "Retry in" in log.read_text(), timeout=60)
            assert not mail_dir.exists() or not any(mail_dir.iterdir())

            down_flag.unlink()  # the mail server is back
            assert wait_for(lambda: mail_dir.exists() and len(list(mail_dir.iterdir())) >= 3, timeout=90)
    finally:
        real_celery.conf.task_default_queue = default_queue
    sent = [email.message_from_bytes(path.read_bytes(), policy=email.policy.default) for path in mail_dir.iterdir()]
    assert sorted(message["To"] for message in sent) == sorted(board[p].email for p in ("member", "member2", "head"))
    for message in sent:
        assert message["Subject"].strip() == "[Chờ phê duyệt] Tin về ngày hội đại đoàn kết"
        assert "đang chờ anh/chị phê duyệt" in message.get_content()
