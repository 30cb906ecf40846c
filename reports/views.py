"""The periodic report in the admin, with its XLSX and PDF downloads (issue 7)."""

from django.conf import settings
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from portal.dates import local_today
from reports.access import can_view_reports
from reports.charts import report_charts
from reports.figures import build_report
from reports.pdf import build_pdf
from reports.periods import Period, last_complete_quarter, period_choice_groups
from reports.xlsx import build_workbook, workbook_bytes

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF_CONTENT_TYPE = "application/pdf"


def report_filename(period, extension):
    """bao-cao-2025-Q1.xlsx: "báo cáo" and the period's key, safe in any file system."""
    return f"bao-cao-{period.key}.{extension}"


def download(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class PeriodicReportView(WagtailAdminTemplateMixin, TemplateView):
    """The report of one period on screen (tables and charts), or as XLSX or PDF with `format=`."""

    template_name = "reports/periodic_report.html"
    page_title = gettext_lazy("Periodic report")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_reports(request.user):
            # A real 403, not Wagtail's redirect to the dashboard: a script fetching the XLSX or
            # PDF must see the refusal, not save the dashboard's HTML as the report.
            return TemplateResponse(request, "reports/forbidden.html", status=403)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        self.today = local_today()
        self.period_error = None
        requested = request.GET.get("period")
        self.period = last_complete_quarter(self.today)
        if requested:
            try:
                self.period = Period.parse(requested, today=self.today)
            except ValueError as error:
                self.period_error = str(error)
        export = request.GET.get("format")
        if export and export not in ("xlsx", "pdf"):
            self.period_error = _("Reports can be downloaded as XLSX or PDF only.")
        if export and self.period_error:
            # The screen with the error, but as a refusal: a script asking for a file must not
            # save this page as the report.
            response = super().get(request, *args, **kwargs)
            response.status_code = 400
            return response
        if export:
            # The file goes to the Party Committee: Vietnamese whatever language the admin
            # user has chosen for their own screens.
            with translation.override(settings.LANGUAGE_CODE):
                return self.export(export)
        return super().get(request, *args, **kwargs)

    def export(self, export):
        report = build_report(self.period, self.today)
        if export == "xlsx":
            return download(
                workbook_bytes(build_workbook(report)), XLSX_CONTENT_TYPE, report_filename(self.period, "xlsx")
            )
        return download(build_pdf(report), PDF_CONTENT_TYPE, report_filename(self.period, "pdf"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = build_report(self.period, self.today)
        context.update(
            report=report,
            period=self.period,
            period_error=self.period_error,
            choice_groups=period_choice_groups(self.today, selected=self.period),
            charts=report_charts(report),
            kind_labels=report.item_kind_labels(),
        )
        return context
