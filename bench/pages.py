"""Queries and median time of every public page, admin screen and alert task (not part of the suite).

Runs in-process with Django's test Client against the database the settings point at, so it
measures the application (ORM, templates), not the network nor gunicorn. Each row: the status,
the number of SQL queries of one request (the last run), and the median and the slowest of N
runs in milliseconds, after one warm-up request (Wagtail's per-process caches, as on a running
server). The admin screens are requested as the head of the board (`truongban` of the demo, or
`--user`), with a second factor marked verified for the bench's session only (its device is
deleted at the end). The alert tasks run with `dry_run=True`: nothing is written nor sent.

Run it once on the demo and once on the generated volume (bench/make_scale_data.py):

    DATABASE_URL=postgres://.../portal_bench .venv/bin/python manage.py seed_demo
    DATABASE_URL=postgres://.../portal_bench .venv/bin/python bench/pages.py -n 5
    DATABASE_URL=postgres://.../portal_bench .venv/bin/python bench/make_scale_data.py --index
    DATABASE_URL=postgres://.../portal_bench .venv/bin/python bench/pages.py -n 5
"""
# ruff: noqa: E402  (Django is set up before the project is imported)

import argparse
import datetime
import os
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

import django

django.setup()

from django.conf import settings
from django.contrib.auth import SESSION_KEY, get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Page

from documents.models import OfficialDocumentPage
from news.models import NewsPage
from qa.models import QAPage, Question
from workflows.alerts import queue_morning_digest, queue_no_update_alert, queue_question_reminders
from workflows.calendar import is_working_day

BENCH_DEVICE = "bench-pages"
HOST = "localhost"


def measure(call, runs):
    """(result of the last call, queries of the last call, median ms, max ms) after one warm-up."""
    call()
    times = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            result = call()
            times.append((time.perf_counter() - started) * 1000)
    return result, len(captured.captured_queries), statistics.median(times), max(times)


def newest_url(model):
    page = model.objects.live().public().order_by("-first_published_at").first()
    return page.url if page else None


def public_rows():
    """(label, path) of every public page type; a path is None when the site has no such page."""
    question = Question.objects.order_by("-received_at").first()
    year = timezone.localdate().year
    return [
        ("home", "/"),
        ("news index", "/tin-tuc/"),
        ("news index, category", "/tin-tuc/?chuyen-muc=su-kien"),
        ("news page", newest_url(NewsPage)),
        ("document register", "/van-ban/"),
        ("document register, text filter", "/van-ban/?q=ubnd"),
        ("document register, all filters", f"/van-ban/?q=quyet+dinh&nam={year}&loai=quyet-dinh"),
        ("document", newest_url(OfficialDocumentPage)),
        ("Q&A index", "/hoi-dap/"),
        ("Q&A page", newest_url(QAPage)),
        ("question form", "/hoi-dap/gui-cau-hoi/"),
        ("question lookup", f"/hoi-dap/tra-cuu/?code={question.tracking_code}" if question else "/hoi-dap/tra-cuu/"),
        ("search", "/tim-kiem/?q=ch%C3%A8"),
        ("search, no match", "/tim-kiem/?q=zzzyyx"),
        ("sitemap", "/sitemap.xml"),
        ("RSS", "/tin-tuc/rss/"),
        ("robots.txt", "/robots.txt"),
    ]


def admin_url(name, query=""):
    try:
        return reverse(name) + query
    except NoReverseMatch:
        return None


def admin_rows():
    month = timezone.localdate().strftime("%Y-%m")
    return [
        ("admin dashboard (head)", admin_url("wagtailadmin_home")),
        ("deadlines report", admin_url("workflows_deadlines:index")),
        ("periodic report", admin_url("reports_periodic")),
        ("periodic report, XLSX", admin_url("reports_periodic", "?format=xlsx")),
        ("periodic report, PDF", admin_url("reports_periodic", "?format=pdf")),
        ("royalty sheet", admin_url("royalties_month_sheet", f"?month={month}")),
        ("moderation overview", admin_url("workflows_moderation_overview")),
        ("question desk", admin_url("qa_question:index")),
        ("outbox", admin_url("outbox_email:index")),
        ("page explorer, news", None),
    ]


def head_client(username):
    user = get_user_model().objects.get(username=username)
    device, _ = TOTPDevice.objects.get_or_create(user=user, name=BENCH_DEVICE, defaults={"confirmed": True})
    client = Client(HTTP_HOST=HOST)
    client.force_login(user)
    session = client.session
    assert session[SESSION_KEY] == str(user.pk)
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    return client


def sitemap_section(client):
    """The first section of the sitemap when /sitemap.xml is an index, else None."""
    content = client.get("/sitemap.xml").content.decode()
    if "<sitemapindex" not in content:
        return None
    match = re.search(r"<loc>https?://[^/]+(/[^<]*)</loc>", content)
    return match.group(1).replace("&amp;", "&") if match else None


def last_working_day():
    day = timezone.localdate()
    while not is_working_day(day):
        day -= datetime.timedelta(days=1)
    return day


def print_row(label, status, queries, median, slowest):
    print(f"| {label:<36} | {status!s:>6} | {queries:>7} | {median:>9.1f} | {slowest:>9.1f} |", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=5, help="timed runs per row (median reported)")
    parser.add_argument("--user", default="truongban", help="the head of the board whose admin is measured")
    parser.add_argument("--only", choices=["public", "admin", "tasks"], help="one part of the table")
    options = parser.parse_args()

    counts = {model.__name__: model.objects.live().count() for model in (NewsPage, OfficialDocumentPage, QAPage)}
    print(
        f"Database {connection.vendor} {settings.DATABASES['default'].get('NAME')}: {Page.objects.count()} pages "
        f"(live: {counts}), {Question.objects.count()} questions; {options.runs} runs per row."
    )
    print(f"| {'page':<36} | {'status':>6} | {'queries':>7} | {'median ms':>9} | {'max ms':>9} |")
    print(f"|{'-' * 38}|{'-' * 7}:|{'-' * 8}:|{'-' * 10}:|{'-' * 10}:|")

    if options.only in (None, "public"):
        anonymous = Client(HTTP_HOST=HOST)
        rows = public_rows()
        section = sitemap_section(anonymous)
        if section:
            rows.insert(rows.index(("sitemap", "/sitemap.xml")) + 1, ("sitemap, first section", section))
        for label, path in rows:
            if path is None:
                continue
            response, queries, median, slowest = measure(lambda path=path: anonymous.get(path), options.runs)
            print_row(label, response.status_code, queries, median, slowest)

    if options.only in (None, "admin"):
        client = head_client(options.user)
        news_index = Page.objects.filter(slug="tin-tuc").first()
        try:
            for label, path in admin_rows():
                if label == "page explorer, news" and news_index:
                    path = reverse("wagtailadmin_explore", args=[news_index.pk])
                if path is None:
                    continue
                response, queries, median, slowest = measure(lambda path=path: client.get(path), options.runs)
                print_row(label, response.status_code, queries, median, slowest)
        finally:
            TOTPDevice.objects.filter(name=BENCH_DEVICE).delete()

    if options.only in (None, "tasks"):
        today = last_working_day()
        for label, task in (
            ("alert: morning digest (dry run)", queue_morning_digest),
            ("alert: question reminders (dry run)", queue_question_reminders),
            ("alert: no update today (dry run)", queue_no_update_alert),
        ):
            emails, queries, median, slowest = measure(lambda task=task: task(today, dry_run=True), options.runs)
            print_row(label, f"{len(emails)} ml", queries, median, slowest)


if __name__ == "__main__":
    main()
