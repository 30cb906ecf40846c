"""Write the royalty sheet ("bảng kê nhuận bút") of one month to an XLSX file."""

from django.core.management.base import BaseCommand, CommandError

from royalties.sheets import build_month_sheet, month_sheet, parse_month


class Command(BaseCommand):
    """The same workbook the admin's download button gives, for the accountant or a cron job."""

    help = "Write the royalty sheet of a month (YYYY-MM) to an XLSX file."

    def add_arguments(self, parser):
        parser.add_argument("--month", required=True, help="YYYY-MM, e.g. 2025-03")
        parser.add_argument("--output", required=True, help="Path of the .xlsx file to write")

    def handle(self, *args, month, output, **options):
        try:
            year, number = parse_month(month)
        except ValueError as error:
            raise CommandError(f"Invalid --month: {month} (expected YYYY-MM)") from error
        build_month_sheet(year, number).save(output)
        sheet = month_sheet(year, number)
        self.stdout.write(f"{len(sheet.entries)} entries, total {sheet.total} VND: {output}")
