"""A workflow notice and a deadline alert written while the broker is down go out later, once.

Real commits here (a transactional test): the e-mail is committed with its event, the hand-over
to Celery after commit fails against a stopped broker and is only logged, and the beat sweep
sends the e-mail once the broker is back.
"""

import datetime
import logging

import pytest
from django.core import mail

from outbox import tasks as outbox_tasks
from outbox.models import Email, Status
from tests.workflows.conftest import as_user, draft_news, news_form, submit
from workflows import tasks as workflow_tasks

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_workflow_notice_written_while_the_broker_is_down_is_sent_by_the_sweep(
    client, site_pages, people, stopped_broker, caplog
):
    caplog.set_level(logging.ERROR)
    page = draft_news(site_pages, people["contributor"], title="Tin về lễ hội chè")
    as_user(client, people["contributor"])

    response = submit(client, page, news_form(page))

    # The submission stands: the page waits at the members' step and the notice is in the outbox.
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state is not None
    notices = Email.objects.filter(key__startswith="workflow:submitted:")
    reviewers = sorted(email for notice in notices for email in notice.recipient_list)
    assert people["member"].email in reviewers and people["contributor"].email not in reviewers
    assert all(notice.status == Status.PENDING and notice.attempts == 0 for notice in notices)
    assert all("Tin về lễ hội chè" in notice.subject for notice in notices)
    assert any("outbox.tasks.send_email" in record.getMessage() for record in caplog.records)

    stopped_broker()
    sent = len(reviewers)
    assert outbox_tasks.send_pending_emails.delay(older_than_seconds=0).get() == {"sent": sent, "failed": 0}
    assert outbox_tasks.send_pending_emails.delay(older_than_seconds=0).get() == {"sent": 0, "failed": 0}
    assert sorted(m.to[0] for m in mail.outbox) == reviewers
    assert not notices.exclude(status=Status.SENT).exists()


def test_a_deadline_alert_written_while_the_broker_is_down_is_sent_by_the_sweep(people, stopped_broker):
    # Beat fires twice on a working day while the broker is down (the task runs where it can).
    assert workflow_tasks.send_morning_digest("2025-03-12") == 2
    assert workflow_tasks.send_morning_digest("2025-03-12") == 2  # written, not sent: queued again
    alerts = Email.objects.filter(key__startswith="alert:digest:2025-03-12:")
    assert alerts.count() == 2 and not alerts.filter(status=Status.SENT).exists()

    stopped_broker()
    assert outbox_tasks.send_pending_emails.delay(older_than_seconds=0).get() == {"sent": 2, "failed": 0}
    assert sorted(m.to[0] for m in mail.outbox) == sorted([people["head"].email, people["member"].email])
    # Beat fires again once everything is sent: nothing more.
    assert workflow_tasks.send_morning_digest("2025-03-12") == 0
    assert len(mail.outbox) == 2
    assert datetime.date(2025, 3, 12).weekday() == 2  # a Wednesday, a working day
