"""go_live_at / expire_at carried out by the Celery task, exactly once."""

import datetime

import pytest
import time_machine
from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from tests.workflows.conftest import as_user, draft_news, news_form, submit, workflow_action
from workflows.tasks import publish_scheduled_pages

pytestmark = pytest.mark.django_db


def go_live_field(when):
    return timezone.localtime(when).strftime("%Y-%m-%d %H:%M")


def test_head_approval_with_future_go_live_schedules_and_task_publishes_once(client, site_pages, board):
    go_live = timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(days=2)
    page = draft_news(site_pages, board["contributor"], title="Thông báo lịch tiếp dân")
    as_user(client, board["contributor"])
    submit(client, page, news_form(page, go_live_at=go_live_field(go_live)))
    as_user(client, board["member"])
    workflow_action(client, page, "approve")
    as_user(client, board["head"])
    workflow_action(client, page, "approve")

    page.refresh_from_db()
    assert not page.live
    assert page.get_latest_revision().approved_go_live_at == go_live
    assert publish_scheduled_pages.delay().get() == {"expired": 0, "published": 0, "refused": 0}
    assert not Page.objects.get(pk=page.pk).live

    with time_machine.travel(go_live + datetime.timedelta(minutes=1)):
        first = publish_scheduled_pages.delay().get()
        second = publish_scheduled_pages.delay().get()
    assert (first["published"], second["published"]) == (1, 0)
    assert Page.objects.get(pk=page.pk).live
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled").count() == 1


def test_expiry_unpublishes_once(site_pages, board):
    page = draft_news(site_pages, board["head"])
    page.expire_at = timezone.now() + datetime.timedelta(hours=1)
    page.save_revision(user=board["head"]).publish(user=board["head"])
    assert Page.objects.get(pk=page.pk).live

    with time_machine.travel(page.expire_at + datetime.timedelta(minutes=1)):
        assert publish_scheduled_pages.delay().get()["expired"] == 1
        assert publish_scheduled_pages.delay().get()["expired"] == 0
    page = Page.objects.get(pk=page.pk)
    assert not page.live and page.expired
    assert PageLogEntry.objects.filter(page=page, action="wagtail.unpublish.scheduled").count() == 1


def test_beat_runs_the_task_every_minute():
    from django.conf import settings

    entry = settings.CELERY_BEAT_SCHEDULE["publish-scheduled-pages"]
    assert entry["task"] == publish_scheduled_pages.name
    assert entry["schedule"].minute == set(range(60))
