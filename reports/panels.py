"""The dashboard panel that takes the board and the Party Committee straight to the last reports."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from reports.periods import last_complete_periods


class RecentReportsPanel(Component):
    """Links to the last complete month's, quarter's, half-year's and year's report, and their PDF and XLSX.

    Reads no figures: the dashboard stays as fast as before, the report is built when opened.
    """

    name = "recent_reports"
    template_name = "reports/panels/recent_reports.html"
    order = 55

    def __init__(self, today):
        self.today = today

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        url = reverse("reports_periodic")
        context["reports"] = [
            {
                "label": period.label,
                "url": f"{url}?period={period.key}",
                "pdf_url": f"{url}?period={period.key}&format=pdf",
                "xlsx_url": f"{url}?period={period.key}&format=xlsx",
            }
            for period in last_complete_periods(self.today)
        ]
        return context
