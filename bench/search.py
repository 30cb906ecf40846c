"""Time of the site search (/tim-kiem/) over a set of realistic queries: p50, p95 and max (not part of the suite).

Each query of each set is requested N times (after one warm-up) through Django's test Client,
as an anonymous visitor, on the database the settings point at; a throwaway `&r=` parameter
makes every request a new address, so no page cache answers it. The table gives, per query,
the matches (">500" when the ranking was bounded), the SQL queries of one request and the median
time; then, per set and for all, the 50th and 95th percentile and the slowest of every request.
`--service` times `search.services.search_site` and the loading of the first page of results
alone (no template, no middleware).

    DATABASE_URL=postgres://.../portal_bench_x .venv/bin/python bench/search.py -n 5
"""
# ruff: noqa: E402  (Django is set up before the project is imported)

import argparse
import itertools
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

import django

django.setup()

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from search.services import search_site

HOST = "localhost"

# (set, query, kind): Vietnamese as residents type it, with and without diacritics, 1–4 words.
QUERIES = [
    ("common", "chè", ""),
    ("common", "xã", ""),
    ("common", "đất đai", ""),
    ("common", "bão lũ", ""),
    ("common", "phòng chống thiên tai", ""),
    ("common", "dịch vụ công trực tuyến", ""),
    ("no diacritics", "che", ""),
    ("no diacritics", "dat dai", ""),
    ("no diacritics", "chuyen doi so", ""),
    ("no diacritics", "ho ngheo bao hiem", ""),
    ("rare", "sổ đỏ", ""),
    ("rare", "giay phep xay dung", ""),
    ("rare", "trợ cấp người cao tuổi", ""),
    ("rare", "Ban Biên tập", ""),
    ("rare", "63/QĐ-UBND", ""),
    ("no match", "zzzyyx", ""),
    ("no match", "bitcoin", ""),
    ("no match", "hà nội marathon", ""),
    ("kind", "chè", "tin-tuc"),
    ("kind", "quyết định", "van-ban"),
    ("kind", "thu tuc", "hoi-dap"),
]


def percentile(values, fraction):
    """The nearest-rank percentile of `values`."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=5, help="timed runs per query")
    parser.add_argument("--service", action="store_true", help="time search_site and one page of results only")
    options = parser.parse_args()

    client = Client()
    bust = itertools.count()
    live = Page.objects.live().count()
    name = connection.settings_dict["NAME"]
    print(f"Database {connection.vendor} {name}: {live} live pages; {options.runs} runs per query.")
    print()
    print(f"| {'set':<14} | {'query':<26} | {'kind':<8} | {'matches':>7} | {'queries':>7} | {'median ms':>9} |")
    print(f"|{'-' * 16}|{'-' * 28}|{'-' * 10}|{'-' * 9}:|{'-' * 9}:|{'-' * 11}:|")
    times_by_set = {}

    for label, query, kind in QUERIES:

        def request(query=query, kind=kind):
            if options.service:
                results = search_site(query, kind or None)
                list(results[0:10])
                return results
            params = {"q": query, "r": next(bust)}
            if kind:
                params["loai"] = kind
            response = client.get("/tim-kiem/", params, HTTP_HOST=HOST)
            assert response.status_code == 200, (query, response.status_code)
            return response

        request()  # warm-up
        times = []
        for _ in range(options.runs):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                request()
                times.append((time.perf_counter() - started) * 1000)
        results = search_site(query, kind or None)
        matches = f">{results.more_than}" if results.more_than else str(len(results))
        times_by_set.setdefault(label, []).extend(times)
        print(
            f"| {label:<14} | {query:<26} | {kind:<8} | {matches:>7} | {len(queries.captured_queries):>7} "
            f"| {statistics.median(times):>9.1f} |"
        )

    print()
    print(f"| {'set':<14} | {'requests':>8} | {'p50 ms':>7} | {'p95 ms':>7} | {'max ms':>7} |")
    print(f"|{'-' * 16}|{'-' * 9}:|{'-' * 8}:|{'-' * 8}:|{'-' * 8}:|")
    every = [value for values in times_by_set.values() for value in values]
    for label, times in [*times_by_set.items(), ("all", every)]:
        print(
            f"| {label:<14} | {len(times):>8} | {percentile(times, 0.5):>7.1f} | {percentile(times, 0.95):>7.1f} "
            f"| {max(times):>7.1f} |"
        )


if __name__ == "__main__":
    main()
