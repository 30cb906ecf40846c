"""`manage.py update_index_incremental [--since WHEN]`: index only what Wagtail's index lacks.

Unlike `update_index` (which rebuilds every entry), this indexes the objects that have no index
entry (pages written in bulk, bypassing Wagtail's signals), and with `--since` the pages published
or revised since then, and deletes the entries of objects that are gone. Safe to run at any time,
e.g. from cron after an import; a run with nothing to do costs a few queries per indexed model.

    manage.py update_index_incremental                    # what is missing or stale
    manage.py update_index_incremental --since 2025-06-01 # and pages changed since that day
    manage.py update_index_incremental --since 6h         # … or in the last six hours
"""

import datetime
import re
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from search.indexing import update_index_incrementally

_AGO = re.compile(r"^(\d+)([hd])$")


def parse_since(value):
    """An aware datetime from "2025-06-01", "2025-06-01T08:00", "6h" or "2d"; CommandError otherwise."""
    match = _AGO.match(value.strip())
    if match:
        amount, unit = int(match.group(1)), match.group(2)
        return timezone.now() - datetime.timedelta(hours=amount if unit == "h" else 24 * amount)
    moment = parse_datetime(value)
    if moment is None:
        day = parse_date(value)
        if day is None:
            raise CommandError(f"--since: not a date, a date and time, nor a duration like 6h or 2d: {value!r}")
        moment = datetime.datetime.combine(day, datetime.time())
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


class Command(BaseCommand):
    help = (
        "Bring the search index up to date without rebuilding it: index objects missing from it "
        "(and, with --since, pages changed since then), delete entries of objects that are gone."
    )

    def add_arguments(self, parser):
        parser.add_argument("--since", help="also re-index pages published or revised since then: a date, or 6h, 2d")
        parser.add_argument("--chunk-size", type=int, default=500, help="objects indexed per INSERT (default 500)")
        parser.add_argument("--backend", default="default", help="the search backend to update (default: default)")
        parser.add_argument("--models", nargs="+", metavar="LABEL", help="only these models, e.g. news.NewsPage")

    def handle(self, *args, since=None, chunk_size=500, backend="default", models=None, **options):
        moment = parse_since(since) if since else None
        started = time.monotonic()

        def report(model, indexed, deleted):
            if options["verbosity"] > 0:
                self.stdout.write(f"{model._meta.label}: {indexed} indexed, {deleted} stale entries deleted")

        totals = update_index_incrementally(
            since=moment, chunk_size=chunk_size, backend_name=backend, models=models, report=report
        )
        if options["verbosity"] > 0:
            self.stdout.write(
                self.style.SUCCESS(
                    f"{totals['indexed']} indexed, {totals['deleted']} deleted in {time.monotonic() - started:.1f} s."
                )
            )
