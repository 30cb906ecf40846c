"""Write the royalty sheet ("bảng kê nhuận bút") of one month to an XLSX file."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from portal.numbers import format_money
from royalties.sheets import month_sheet, month_workbook, parse_month


class Command(BaseCommand):
    """The same workbook the admin's download button gives, for the accountant or a cron job."""

    help = "Write the royalty sheet of a month (YYYY-MM) to an XLSX file."

    def add_arguments(self, parser):
        parser.add_argument("--month", required=True, help="YYYY-MM, e.g. 2025-03")
        parser.add_argument("--output", required=True, help="Path of the .xlsx file to write")

    def handle(self, *args, month, output, **options):
        # Messages in Vietnamese whatever the shell's locale, like the sheet itself (STYLE §7).
        with translation.override(settings.LANGUAGE_CODE):
            self.export(month, Path(output))

    def export(self, month, path):
        try:
            year, number = parse_month(month)
        except ValueError as error:
            raise CommandError(
                _("“%(month)s” is not a month: write it as YYYY-MM, e.g. 2025-03.") % {"month": month}
            ) from error
        sheet = month_sheet(year, number)
        try:
            month_workbook(sheet).save(path)
        except OSError as error:
            raise CommandError(
                _("Cannot write %(path)s: %(error)s") % {"path": path, "error": error.strerror or error}
            ) from error
        self.stdout.write(
            _("%(count)s entries, total %(total)s: %(path)s")
            % {"count": len(sheet.entries), "total": format_money(sheet.total), "path": path}
        )
