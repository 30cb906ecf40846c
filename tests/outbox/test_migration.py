"""qa 0007 and workflows 0011 move the residents' e-mails and the alerts into the outbox, keeping what was
sent and what waits (one migration run for both: each costs half a minute)."""

import textwrap

from tests.services import run_migration_script

SCRIPT = textwrap.dedent(
    """
    import django
    django.setup()
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor
    from django.utils import timezone

    before = [
        ("qa", "0006_used_form_token"),
        ("workflows", "0010_calendar_2024_2026_rechecked"),
        ("outbox", "0001_initial"),
    ]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    question = old.get_model("qa", "Question").objects.create(
        tracking_code="TC-2026-000001", name="Lê Thị Hoa", email="hoa@example.vn", title="Hỏi", body="Nội dung"
    )
    OutboxEmail = old.get_model("qa", "OutboxEmail")
    sent_at = timezone.now()
    sent = OutboxEmail.objects.create(
        question=question, recipient="hoa@example.vn", subject="Đã nhận", body="B", sent_at=sent_at, attempts=1
    )
    waiting = OutboxEmail.objects.create(
        question=question, recipient="hoa@example.vn", subject="Đã trả lời", body="B", attempts=2, last_error="SMTP"
    )
    budget = OutboxEmail.objects.create(recipient="truongban@example.vn", subject="Ngân sách", body="B")
    member = old.get_model("accounts", "User").objects.create(username="thanhvien", email="tv@example.vn")
    AlertDelivery = old.get_model("workflows", "AlertDelivery")
    digest_sent_at = timezone.now()
    AlertDelivery.objects.create(
        key=f"digest:2026-11-30:{member.pk}", kind="digest", recipient=member, subject="Tin bài đến hạn",
        body="B", sent_at=digest_sent_at,
    )
    AlertDelivery.objects.create(
        key=f"no-update:2026-11-30:{member.pk}", kind="no-update", recipient=member, subject="Chưa cập nhật",
        body="B",
    )

    after = [("qa", "0007_outbox_moved"), ("workflows", "0011_alert_deliveries_into_outbox")]
    MigrationExecutor(connection).migrate(after)
    new = MigrationExecutor(connection).loader.project_state(after).apps
    assert "qa_outboxemail" not in connection.introspection.table_names()
    rows = {e.key: e for e in new.get_model("outbox", "Email").objects.all()}
    q = question.pk
    assert {key for key in rows if key.startswith("qa.")} == {
        f"qa.question:{q}:email-{sent.pk}", f"qa.question:{q}:email-{waiting.pk}", f"qa.outbox:{budget.pk}"
    }, rows
    first, second = rows[f"qa.question:{q}:email-{sent.pk}"], rows[f"qa.question:{q}:email-{waiting.pk}"]
    assert (first.status, first.sent_at, first.attempts, first.topic) == ("sent", sent_at, 1, f"qa.question:{q}")
    assert (second.status, second.sent_at, second.attempts) == ("pending", None, 2)
    assert (second.subject, second.recipients, second.last_error) == ("Đã trả lời", "hoa@example.vn", "SMTP")
    assert rows[f"qa.outbox:{budget.pk}"].topic == ""

    # The alerts' delivery records: the digest sent on the morning of the upgrade must not go out
    # again when beat reruns it; the outbox finds its key (`alert:<old key>`) already sent.
    assert "workflows_alertdelivery" not in connection.introspection.table_names()
    digest = rows[f"alert:digest:2026-11-30:{member.pk}"]
    no_update = rows[f"alert:no-update:2026-11-30:{member.pk}"]
    assert (digest.status, digest.sent_at, digest.recipients) == ("sent", digest_sent_at, "tv@example.vn")
    assert digest.topic == "alert:digest"
    assert (no_update.status, no_update.sent_at, no_update.subject) == ("pending", None, "Chưa cập nhật")
    assert len(rows) == 5

    # And back: the e-mails return to qa.OutboxEmail.
    executor = MigrationExecutor(connection)
    executor.migrate([("qa", "0006_used_form_token")])
    back_state = [("qa", "0006_used_form_token"), ("outbox", "0001_initial")]
    back = MigrationExecutor(connection).loader.project_state(back_state).apps
    assert back.get_model("qa", "OutboxEmail").objects.count() == 3
    assert not back.get_model("outbox", "Email").objects.filter(key__startswith="qa.").exists()
    print("MIGRATION OK")
    """
)


def test_qa_emails_and_alert_records_move_to_the_outbox_and_qa_emails_back(tmp_path):
    run_migration_script(SCRIPT, tmp_path / "moved.sqlite3", done="MIGRATION OK")
