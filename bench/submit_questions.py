"""Load test (not part of the suite): many residents send questions at once to a running server.

Each simulated resident loads the form (CSRF cookie, time token), waits like a person would, and
posts a question with a unique title. Afterwards every accepted submission must be stored exactly
once in the database the server uses.

    # a server on PostgreSQL + Redis, with the per-address limit raised (all clients share 127.0.0.1)
    QA_SUBMISSIONS_PER_IP=100000 QA_FORM_MIN_SECONDS=1 DATABASE_URL=... REDIS_URL=... \\
        .venv/bin/gunicorn portal.wsgi -w 4 -b 127.0.0.1:8765
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
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

FORM_PATH = "/hoi-dap/gui-cau-hoi/"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def hidden_value(html, name):
    match = re.search(rf'name="{name}" value="([^"]*)"', html)
    return match.group(1) if match else ""


def submit_one(base_url, run_id, number, think_time):
    """One resident: GET the form, think, POST. Returns (title, status, seconds for the POST)."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    html = opener.open(base_url + FORM_PATH, timeout=60).read().decode()
    time.sleep(think_time)
    title = f"bench-{run_id}-{number}"
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
        response = opener.open(request, timeout=120)
        status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    return title, status, time.perf_counter() - started


def stored_counts(run_id):
    """Count the stored questions of this run, by title, straight from the server's database."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    import django

    django.setup()
    from django.db.models import Count

    from qa.models import Question

    rows = Question.objects.filter(title__startswith=f"bench-{run_id}-").values("title").annotate(n=Count("id"))
    return {row["title"]: row["n"] for row in rows}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:8765")
    parser.add_argument("-n", "--requests", type=int, default=200)
    parser.add_argument("-c", "--concurrency", type=int, default=20)
    parser.add_argument("--think", type=float, default=1.2, help="seconds between loading and sending the form")
    args = parser.parse_args()

    run_id = uuid.uuid4().hex[:8]
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
        results = list(pool.map(lambda n: submit_one(args.url, run_id, n, args.think), range(args.requests)))
    elapsed = time.perf_counter() - started

    accepted = [title for title, status, _ in results if status == 302]
    refused = [status for _, status, _ in results if status != 302]
    latencies = sorted(seconds for _, _, seconds in results)
    stored = stored_counts(run_id)
    duplicates = {title: n for title, n in stored.items() if n != 1}
    missing = [title for title in accepted if title not in stored]
    unexpected = [title for title in stored if title not in set(accepted)]

    print(f"run {run_id}: {args.requests} submissions, concurrency {args.concurrency}, {elapsed:.1f} s wall")
    print(f"accepted {len(accepted)}, refused {len(refused)} {sorted(set(refused))}")
    print(
        f"POST latency p50 {statistics.median(latencies) * 1000:.0f} ms, "
        f"p95 {latencies[int(len(latencies) * 0.95) - 1] * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms"
    )
    print(f"throughput {len(accepted) / elapsed:.1f} accepted/s (including {args.think}s think time per resident)")
    print(
        f"stored {sum(stored.values())}: missing {len(missing)}, duplicated {len(duplicates)}, "
        f"stored but not accepted {len(unexpected)}"
    )
    ok = not missing and not duplicates and not unexpected
    print("OK: every accepted question is stored exactly once" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
