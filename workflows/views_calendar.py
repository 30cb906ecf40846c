"""The head's import of the announced schedule into the working-day calendar (docs/calendar.md).

Two steps on one URL: the head uploads the CSV file and sees, row by row, what will change
(nothing is written); "Import" then writes it, all or nothing. The file's text travels in a
hidden field between the steps and is checked again before anything is written.
"""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from workflows.calendar_import import (
    MAX_FILE_BYTES,
    CalendarImportError,
    can_import_calendar,
    import_schedule,
    parse_schedule,
    plan_import,
    schedule_as_csv,
)


class CalendarImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        required=False,
        help_text=gettext_lazy(
            "Three columns: the date (dd/mm/yyyy), “làm việc” or “nghỉ”, and the note naming the announcement."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
    content = forms.CharField(required=False, widget=forms.HiddenInput, strip=False)

    def clean(self):
        cleaned = super().clean()
        assert cleaned is not None  # Form.clean() returns cleaned_data
        upload, content = cleaned.get("file"), cleaned.get("content")
        if upload:
            if upload.size > MAX_FILE_BYTES:
                raise forms.ValidationError(
                    _("The file is too large (more than %(size)s kB).") % {"size": MAX_FILE_BYTES // 1000}
                )
            data = upload.read()
        elif content:
            data = content
        else:
            raise forms.ValidationError(_("Choose the CSV file to import."))
        try:
            cleaned["rows"] = parse_schedule(data)
        except CalendarImportError as error:
            raise forms.ValidationError(error.messages()) from error
        return cleaned


class CalendarImportView(WagtailAdminTemplateMixin, FormView):
    template_name = "workflows/calendar_import.html"
    form_class = CalendarImportForm
    page_title = gettext_lazy("Import the announced schedule")
    header_icon = "upload"
    index_url_name: str = None  # type: ignore[assignment]  # set by the viewset

    def dispatch(self, request, *args, **kwargs):
        if not can_import_calendar(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        rows = form.cleaned_data["rows"]
        if "confirm" not in self.request.POST:
            # The preview: what would change; the file's text goes on to the confirmation.
            confirm_form = CalendarImportForm(initial={"content": schedule_as_csv(rows)})
            return self.render_to_response(self.get_context_data(form=confirm_form, plan=plan_import(rows)))
        plan = import_schedule(rows, user=self.request.user)
        created = sum(change.action == "create" for change in plan)
        updated = sum(change.action == "update" for change in plan)
        messages.success(
            self.request,
            _("Calendar imported: %(created)s new dates, %(updated)s changed, %(total)s in the file.")
            % {"created": created, "updated": updated, "total": len(plan)},
        )
        return redirect(self.index_url_name)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["index_url_name"] = self.index_url_name
        return context
