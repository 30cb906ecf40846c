"""Load test (not part of the suite): many residents send questions at once to a running server.

Each simulated resident loads the form (CSRF cookie, time token), waits like a person would, and
posts a question with a unique title. Afterwards every submission must be stored exactly once in
the database the server uses. Only the expected answers count as success: 200 with the form, then
a 302 to the confirmation page. Every other answer (a 500, a "database is locked", a refusal, a
redirect elsewhere), every request that raised (refused, reset, timed out, a broken answer) and
every submission that did not become a row is counted and printed, and the exit status is
non-zero: a run that lost anything never says OK.

    # a server on PostgreSQL + Redis, with the per-address limit raised (all clients share 127.0.0.1)
    QA_SUBMISSIONS_PER_IP=100000 QA_FORM_MIN_SECONDS=1 DATABASE_URL=... REDIS_URL=... \\
        DJANGO_SETTINGS_MODULE=portal.settings.production .venv/bin/gunicorn portal.wsgi -w 4 -b 127.0.0.1:8765
    DATABASE_URL=... .venv/bin/python bench/submit_questions.py --url http://127.0.0.1:8765 -n 400 -c 40
"""

import argparse
import http.cookiejar
import os
import re
import statistics
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

FORM_PATH = "/hoi-dap/gui-cau-hoi/"
SENT_PATH = "/hoi-dap/gui-cau-hoi/da-gui/"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@dataclass
class Attempt:
    """One resident's try: the status of the answer that decided it (None: no answer at all).

    `error` says why it was not accepted (only a 302 to the confirmation is acceptance).
    `status` is None when the request raised instead of answering.
    """

    title: str
    status: int | None
    seconds: float
    error: str = ""

    @property
    def ok(self):
        return not self.error

    @property
    def server_error(self):
        """No answer, or an answer outside 2xx/3xx."""
        return self.status is None or not 200 <= self.status < 400


def hidden_value(html, name):
    match = re.search(rf'name="{name}" value="([^"]*)"', html)
    return match.group(1) if match else ""


def _open(opener, request, timeout):
    """(status, headers, body) of a request; an HTTP error is an answer, anything else raises."""
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, response.headers, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers, error.read().decode(errors="replace")


def _failure(what, error):
    return f"{what}: {type(error).__name__}: {error}"


def submit_one(base_url, run_id, number, think_time):
    """One resident: GET the form, think, POST."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    title = f"bench-{run_id}-{number}"
    try:
        status, _headers, html = _open(opener, base_url + FORM_PATH, timeout=60)
    except Exception as error:  # refused, reset, timed out, a broken answer: no usable answer
        return Attempt(title, None, 0.0, _failure("GET form", error))
    if status != 200:
        return Attempt(title, status, 0.0, f"GET form answered {status}")
    time.sleep(think_time)
    data = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": hidden_value(html, "csrfmiddlewaretoken"),
            "form_token": hidden_value(html, "form_token"),
            "website": "",
            "name": f"Người thử tải {number}",
            "email": f"thutai{number}@example.vn",
            "topic": "khac",
            "title": title,
            "body": "Câu hỏi thử tải: xin hỏi thủ tục đăng ký khai sinh cho con cần những giấy tờ gì?",
        }
    ).encode()
    request = urllib.request.Request(base_url + FORM_PATH, data=data, headers={"Referer": base_url + FORM_PATH})
    started = time.perf_counter()
    try:
        status, headers, _body = _open(opener, request, timeout=120)
    except Exception as error:
        return Attempt(title, None, time.perf_counter() - started, _failure("POST", error))
    seconds = time.perf_counter() - started
    # 302 to the confirmation is acceptance; 400 re-shows the form (refused), 429 is the limit.
    if status != 302:
        return Attempt(title, status, seconds, f"POST answered {status}")
    location = headers.get("Location", "")
    if urllib.parse.urlsplit(location).path != SENT_PATH:
        return Attempt(title, status, seconds, f"POST answered 302 to {location or 'nowhere'}, not the confirmation")
    return Attempt(title, status, seconds)


def run_submissions(base_url, requests, concurrency, think_time):
    """Send `requests` questions with `concurrency` residents at once; returns (run_id, attempts, seconds)."""
    run_id = uuid.uuid4().hex[:8]
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        attempts = list(pool.map(lambda n: submit_one(base_url, run_id, n, think_time), range(requests)))
    return run_id, attempts, time.perf_counter() - started


def stored_counts(run_id):
    """Count the stored questions of this run, by title, straight from the server's database."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()
    from django.db.models import Count

    from qa.models import Question

    rows = Question.objects.filter(title__startswith=f"bench-{run_id}-").values("title").annotate(n=Count("id"))
    return {row["title"]: row["n"] for row in rows}


@dataclass
class Outcome:
    """What a run lost: error answers, submissions without a row, rows stored more than once."""

    attempts: list
    stored: dict
    errors: list = field(init=False)
    lost: list = field(init=False)
    duplicated: dict = field(init=False)
    unexpected: list = field(init=False)

    def __post_init__(self):
        titles = {attempt.title for attempt in self.attempts}
        self.errors = [attempt for attempt in self.attempts if not attempt.ok]
        self.lost = sorted(title for title in titles if title not in self.stored)
        self.duplicated = {title: n for title, n in self.stored.items() if n != 1}
        self.unexpected = sorted(title for title in self.stored if title not in titles)

    @property
    def ok(self):
        return not (self.errors or self.lost or self.duplicated or self.unexpected)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:8765")
    parser.add_argument("-n", "--requests", type=int, default=200)
    parser.add_argument("-c", "--concurrency", type=int, default=20)
    parser.add_argument("--think", type=float, default=1.2, help="seconds between loading and sending the form")
    args = parser.parse_args(argv)

    run_id, attempts, elapsed = run_submissions(args.url, args.requests, args.concurrency, args.think)
    outcome = Outcome(attempts, stored_counts(run_id))
    accepted = [attempt for attempt in attempts if attempt.ok]
    latencies = sorted(attempt.seconds for attempt in attempts) or [0.0]
    statuses = Counter("no answer" if attempt.status is None else str(attempt.status) for attempt in outcome.errors)
    server_errors = [attempt for attempt in outcome.errors if attempt.server_error]

    print(f"run {run_id}: {args.requests} submissions, concurrency {args.concurrency}, {elapsed:.1f} s wall")
    print(
        f"accepted {len(accepted)}, not accepted {len(outcome.errors)} "
        f"({', '.join(f'{status}: {n}' for status, n in sorted(statuses.items())) or '-'}), "
        f"of which no answer or not 2xx/3xx {len(server_errors)}"
    )
    for attempt in outcome.errors:
        print(f"  error {attempt.title}: {attempt.error}")
    print(
        f"POST latency p50 {statistics.median(latencies) * 1000:.0f} ms, "
        f"p95 {latencies[max(int(len(latencies) * 0.95) - 1, 0)] * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms"
    )
    print(f"throughput {len(accepted) / elapsed:.1f} accepted/s (including {args.think}s think time per resident)")
    print(
        f"stored {sum(outcome.stored.values())}: lost {len(outcome.lost)}, duplicated {len(outcome.duplicated)}, "
        f"stored but not sent {len(outcome.unexpected)}"
    )
    for title in outcome.lost:
        print(f"  lost {title}")
    for title, n in sorted(outcome.duplicated.items()):
        print(f"  stored {n} times {title}")
    for title in outcome.unexpected:
        print(f"  stored but not sent {title}")
    if outcome.ok:
        print("OK: every submission was accepted and stored exactly once")
        return 0
    print(
        f"FAILED: {len(outcome.errors)} submission(s) not accepted, {len(outcome.lost)} lost, "
        f"{len(outcome.duplicated)} duplicated, {len(outcome.unexpected)} stored but not sent"
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
