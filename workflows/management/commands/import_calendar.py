"""Import the announced schedule of days off and make-up days from a CSV file (docs/calendar.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from workflows.calendar_import import CalendarImportError, import_schedule, parse_schedule, plan_import


class Command(BaseCommand):
    """The same import as the admin's "Import from CSV", for the server's shell.

    Lists what changes; `--dry-run` stops there. A file with any wrong line is refused whole,
    with the line number of each problem, and nothing is written.
    """

    help = "Import days off and make-up working days from a CSV file: date dd/mm/yyyy, làm việc/nghỉ, note."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The CSV file (UTF-8, comma or semicolon separated).")
        parser.add_argument("--dry-run", action="store_true", help="Show what would change; write nothing.")

    def handle(self, *args, path, dry_run=False, **options):
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from error
        try:
            rows = parse_schedule(data)
        except CalendarImportError as error:
            raise CommandError("\n".join(error.messages())) from error
        plan = plan_import(rows) if dry_run else import_schedule(rows)
        for change in plan:
            row = change.row
            status = "làm việc" if row.is_working_day else "nghỉ"
            self.stdout.write(f"{row.date:%d/%m/%Y} {status:<9} {change.action:<9} {row.note}")
        counts = {action: sum(change.action == action for change in plan) for action in ("create", "update")}
        verb = "would be" if dry_run else "were"
        self.stdout.write(
            f"{counts['create']} row(s) {verb} created, {counts['update']} updated, of {len(plan)} in the file."
        )
