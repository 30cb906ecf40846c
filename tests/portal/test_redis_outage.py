"""Redis down must not take the site down (issue 16, item 2).

The first tests point the project's own cache configuration (as built from REDIS_URL) at an
address where nothing listens, in-process. The fault test runs the real thing: its own Redis,
a gunicorn of the project and a Celery worker on it, residents sending questions and readers
loading public pages while that Redis is stopped for some seconds and started again.
"""

import email
import email.policy
import importlib.util
import json
import logging
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from contextlib import contextmanager

import pytest
from django.test import override_settings
from kombu import Connection

from outbox import tasks
from outbox.models import Email
from qa.models import Question
from qa.protection import make_form_token
from qa.services import email_topic
from tests.services import BASE_DIR, IN_CI, celery_worker_process, database_url_for_subprocess

FORM_URL = "/hoi-dap/gui-cau-hoi/"


def free_port():
    """A localhost port nobody listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def project_settings(name, **env):
    """A setting as the project builds it for the given environment (read in a fresh process)."""
    code = f"import json; from django.conf import settings; print(json.dumps(settings.{name}, default=str))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def redis_is_down():
    """The project's Redis cache configuration, pointed at a Redis that is not running."""
    caches = project_settings("CACHES", REDIS_URL=f"redis://127.0.0.1:{free_port()}/7")
    with override_settings(CACHES=caches):
        yield


def question_form_data(title):
    return {
        "name": "Nguyễn Văn An",
        "email": "nguyen.van.an@example.vn",
        "topic": "dat-dai",
        "title": title,
        "body": "Gia đình tôi muốn làm thủ tục cấp giấy chứng nhận quyền sử dụng đất lần đầu. Cần giấy tờ gì?",
        "website": "",
        "form_token": make_form_token(time.time() - 60),
    }


@pytest.mark.django_db
def test_public_pages_and_the_question_form_work_while_redis_is_down(site_pages, redis_is_down, client, caplog):
    caplog.set_level(logging.WARNING)
    for page in site_pages.values():
        assert client.get(page.url).status_code == 200, page.url
    assert client.get(FORM_URL).status_code == 200

    response = client.post(FORM_URL, question_form_data("Hỏi khi Redis ngừng"))

    assert response.status_code == 302
    question = Question.objects.get(title="Hỏi khi Redis ngừng")
    assert Email.objects.filter(topic=email_topic(question)).count() == 1
    warnings = [record.getMessage() for record in caplog.records if record.levelno == logging.WARNING]
    assert any("Redis cache unavailable" in message for message in warnings)
    assert "Rate limit 'submit' not enforced: the cache is unavailable" in warnings


def test_sessions_never_live_only_in_redis():
    engine = project_settings("SESSION_ENGINE", REDIS_URL="redis://127.0.0.1:6379/7")
    assert engine == "django.contrib.sessions.backends.db"


# --------------------------------------------------------------------------------------------
# The fault test: a Redis of its own, stopped mid-run.
# --------------------------------------------------------------------------------------------

REDIS_SERVER = shutil.which("redis-server")


class RedisServer:
    """A throwaway redis-server on a free port, without persistence (a restart starts empty)."""

    def __init__(self):
        self.port = free_port()
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@contextmanager
def web_server(env):
    """gunicorn serving the project (as the Procfile does), until the block ends."""
    port = free_port()
    log_path = BASE_DIR / "var" / f"web-{port}.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "gunicorn", "portal.wsgi", "-b", f"127.0.0.1:{port}"]
    command += ["--workers", "1", "--threads", "8", "--timeout", "120", "--access-logfile", "-"]
    with open(log_path, "w") as log:
        process = subprocess.Popen(command, cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            url = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 120
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"gunicorn exited early:\n{log_path.read_text()}")
                try:
                    urllib.request.urlopen(url + FORM_URL, timeout=30)
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.3)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def load_bench():
    spec = importlib.util.spec_from_file_location("submit_questions_bench", BASE_DIR / "bench" / "submit_questions.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def status_of(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError as error:
        return f"{type(error).__name__}: {error}"


def sent_messages(mail_dir):
    if not mail_dir.exists():
        return []
    messages = []
    for path in mail_dir.iterdir():
        # The file backend writes each message followed by a line of dashes.
        for part in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if part.strip():
                messages.append(email.message_from_bytes(part, policy=email.policy.default))
    return messages


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_stopping_redis_mid_run_loses_no_page_no_question_and_no_email(real_celery, site_pages, tmp_path):
    if REDIS_SERVER is None:
        if IN_CI:
            pytest.fail("CI=true but the redis-server binary is missing: CI must provide it.")
        pytest.skip("the redis-server binary is not installed")
    redis = RedisServer()
    redis.start()
    redis_url = f"redis://127.0.0.1:{redis.port}/3"
    queue = f"test-{uuid.uuid4().hex[:12]}"
    mail_dir = tmp_path / "mail"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": database_url_for_subprocess(),
        "REDIS_URL": redis_url,
        "CELERY_BROKER_URL": redis_url,
        "CELERY_RESULT_BACKEND": redis_url,
        "PORTAL_TEST_CELERY_EAGER": "false",
        "PORTAL_TEST_CELERY_QUEUE": queue,
        "PORTAL_TEST_EMAIL_BACKEND": "tests.mail.FlakyFileBackend",
        "PORTAL_TEST_MAIL_DIR": str(mail_dir),
        # Every client is 127.0.0.1 and the bench's residents do not pause: limits are not under test.
        "QA_SUBMISSIONS_PER_IP": "100000",
        "QA_LOOKUPS_PER_IP": "100000",
        "QA_FORM_MIN_SECONDS": "0",
    }
    public_paths = [page.url for page in site_pages.values()]
    public_paths += [FORM_URL, "/hoi-dap/tra-cuu/?code=TC-2025-000001", "/tim-kiem/?q=%C4%91%E1%BA%A5t", "/sitemap.xml"]
    bench = load_bench()
    run_id = uuid.uuid4().hex[:8]
    attempts, pages, outage = [], [], {"during": 0}
    running, redis_down = threading.Event(), threading.Event()

    def resident(number):
        while running.is_set():
            attempt = bench.submit_one(url, run_id, f"{number}-{len(attempts)}", 0)
            attempts.append(attempt)
            outage["during"] += redis_down.is_set()

    def reader(offset):
        index = offset
        while running.is_set():
            path = public_paths[index % len(public_paths)]
            pages.append((path, status_of(url + path), redis_down.is_set()))
            index += 1

    try:
        with celery_worker_process(queue=queue, extra_env=env), web_server(env) as url:
            running.set()
            threads = [threading.Thread(target=resident, args=(n,)) for n in range(3)]
            threads += [threading.Thread(target=reader, args=(n,)) for n in range(2)]
            for thread in threads:
                thread.start()
            time.sleep(4)
            redis.stop()
            redis_down.set()
            time.sleep(5)
            redis.start()
            redis_down.clear()
            time.sleep(4)
            running.clear()
            for thread in threads:
                thread.join(timeout=120)

            # Beat's sweep (outbox.tasks.send_pending_emails, every five minutes) sends what the outage
            # left unsent; here it is queued at once on the recovered broker.
            with Connection(redis_url) as broker:
                tasks.send_pending_emails.apply_async(
                    kwargs={"older_than_seconds": 0}, queue=queue, connection=broker, ignore_result=True
                )
            stored = bench.stored_counts(run_id)
            deadline = time.monotonic() + 60
            while len(sent_messages(mail_dir)) < sum(stored.values()) and time.monotonic() < deadline:
                time.sleep(0.5)
    finally:
        running.clear()
        redis.stop()

    failed_pages = [
        (path, status, down) for path, status, down in pages if not isinstance(status, int) or status >= 500
    ]
    assert failed_pages == []
    assert [path for path, _, down in pages if down], "no page was loaded while Redis was down"
    assert outage["during"] > 0, "no question was sent while Redis was down"

    outcome = bench.Outcome(attempts, stored)
    assert [(a.title, a.status, a.error) for a in outcome.errors] == []
    assert outcome.lost == [] and outcome.duplicated == {}

    questions = Question.objects.filter(title__startswith=f"bench-{run_id}-")
    topics = [email_topic(question) for question in questions]
    assert Email.objects.filter(topic__in=topics).count() == len(topics)
    assert not Email.objects.filter(topic__in=topics, sent_at__isnull=True).exists()
    recipients = sorted(str(message["To"]) for message in sent_messages(mail_dir))
    assert recipients == sorted(questions.values_list("email", flat=True))
