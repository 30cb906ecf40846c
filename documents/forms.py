"""The admin editor's form of an official document."""

from wagtail.admin.forms import WagtailAdminPageForm


def kept_attachment_forms(formset):
    """The attachment rows the editor leaves on the page: existing ones not deleted, new ones with a file."""
    formset.is_valid()  # fills each row's cleaned_data; the formset's own errors are shown as usual
    kept = []
    for form in formset.forms:
        if formset.can_delete and formset._should_delete_form(form):
            continue
        data = getattr(form, "cleaned_data", None) or {}
        if data.get("document") or (form.instance.pk and form.instance.document_id):
            kept.append(form)
    return kept


class OfficialDocumentPageForm(WagtailAdminPageForm):
    """Lets the page's own rule see the files as the editor left them in the form.

    `OfficialDocumentPage.clean` refuses a confidential document that holds a file (Điều 5, 6);
    it runs right after this form's clean(), when rows the editor removed are still stored
    (they are only deleted when the form is saved), so it is told how many rows remain.
    """

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("attachments")
        if formset is not None:
            self.instance._attachments_in_form = len(kept_attachment_forms(formset))
        return cleaned_data
