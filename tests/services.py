"""Helpers to tell whether the real services of CI are there, and to start a real worker."""

import os
import subprocess
import sys
import time
import uuid
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

BASE_DIR = Path(settings.BASE_DIR)
IN_CI = os.environ.get("CI", "").lower() == "true"

# Debian's Chromium, driven by Playwright; never a browser that Playwright downloads (no internet).
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def require_service(available, reason):
    """Skip on a laptop without the service; under CI=true a missing service is a failure."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"CI=true but {reason}: CI must provide it.")
    pytest.skip(reason)


def database_url_for_subprocess():
    """A DATABASE_URL pointing another process at the database this test is using."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    user = db.get("USER") or ""
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    auth = f"{user}{password}@" if user else ""
    return f"postgres://{auth}{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{db['NAME']}"


@contextmanager
def celery_worker_process(queue=None, beat=False, extra_env=None):
    """Run a real `celery worker` process (optionally with an embedded beat) for one test.

    The worker consumes a queue of its own so that a developer's running worker cannot steal
    the test's messages. Yields the queue name; stops the worker at the end.
    """
    with celery_worker_processes({"queue": queue, "beat": beat, "extra_env": extra_env}) as (queue,):
        yield queue


@contextmanager
def celery_worker_processes(*workers):
    """Several real workers for one test, each given as celery_worker_process's arguments (a dict).

    They start at once and are stopped at once: a worker takes seconds to start and to stop, and
    waiting for each in turn only adds them up. Yields the queue names, in order.
    """
    started = []
    with ExitStack() as stack:
        try:
            for worker in workers:
                started.append(_start_worker(stack, **worker))
            deadline = time.monotonic() + 60
            for process, log_path, _queue in started:
                while "ready." not in log_path.read_text() and time.monotonic() < deadline:
                    if process.poll() is not None:
                        raise RuntimeError(f"Celery worker exited early:\n{log_path.read_text()}")
                    time.sleep(0.2)
            yield [queue for _process, _log_path, queue in started]
        finally:
            for process, _log_path, _queue in started:
                process.terminate()
            for process, _log_path, _queue in started:
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
    for process, log_path, _queue in started:
        if process.returncode not in (0, -15, None):
            print(log_path.read_text())


def _start_worker(stack, queue=None, beat=False, extra_env=None):
    """Start one worker process (see celery_worker_process); returns (process, log path, queue)."""
    queue = queue or f"test-{uuid.uuid4().hex[:12]}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": database_url_for_subprocess(),
        **(extra_env or {}),
    }
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "portal",
        "worker",
        "-Q",
        queue,
        "--pool=solo",
        "--concurrency=1",
        "-n",
        f"{queue}@%h",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
        "-l",
        "info",
    ]
    if beat:
        command += ["--beat", "-s", str(BASE_DIR / "var" / f"beat-{queue}")]
    log_path = BASE_DIR / "var" / f"worker-{queue}.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log = stack.enter_context(open(log_path, "w"))
    process = subprocess.Popen(command, cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT)
    return process, log_path, queue


def run_migration_script(script, sqlite_file, done="MIGRATIONS OK"):
    """Run `script` (Python that calls `django.setup()` and prints `done`) on a fresh SQLite file.

    Migration tests move a database back and forth; doing that to the shared test database would
    leave rows the next serialized-rollback test cannot restore, so each gets a file of its own.
    """
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test", "DATABASE_URL": f"sqlite:///{sqlite_file}"}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done in result.stdout, result.stdout[-3000:] + result.stderr[-3000:]
