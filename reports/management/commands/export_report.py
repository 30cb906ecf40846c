"""`manage.py export_report --period 2025-Q1 --format xlsx|pdf --output PATH` (DESIGN §9)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from portal.dates import local_today
from reports.figures import build_report
from reports.pdf import build_pdf
from reports.periods import Period
from reports.xlsx import build_workbook, workbook_bytes

FORMATS = ("xlsx", "pdf")


class Command(BaseCommand):
    """Write the periodic report of one period as XLSX or PDF, for scripts and scheduled jobs."""

    help = "Write the periodic report of a month, quarter, half-year or year as XLSX or PDF."

    def add_arguments(self, parser):
        parser.add_argument("--period", required=True, help="2025-03, 2025-Q1, 2025-H1 or 2025.")
        parser.add_argument("--format", required=True, dest="export_format", help="xlsx or pdf.")
        parser.add_argument("--output", required=True, help="The file to write.")

    def handle(self, *args, period, export_format, output, **options):
        # The report and the messages are in Vietnamese whatever the shell's locale (STYLE §7).
        with translation.override(settings.LANGUAGE_CODE):
            self.export(period, export_format.lower(), Path(output))

    def export(self, period, export_format, path):
        if export_format not in FORMATS:
            raise CommandError(_("Unknown format “%(format)s”: use xlsx or pdf.") % {"format": export_format})
        today = local_today()
        try:
            chosen = Period.parse(period, today=today)
        except ValueError as error:
            raise CommandError(str(error)) from error
        report = build_report(chosen, today)
        content = workbook_bytes(build_workbook(report)) if export_format == "xlsx" else build_pdf(report)
        try:
            path.write_bytes(content)
        except OSError as error:
            raise CommandError(
                _("Cannot write %(path)s: %(error)s") % {"path": path, "error": error.strerror or error}
            ) from error
        self.stdout.write(str(path))
