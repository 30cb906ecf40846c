"""Turn a refused publication into a Vietnamese message in the admin instead of an error page."""

from django.contrib import messages
from django.shortcuts import redirect

from workflows.rules import PublicationRefused


class PublicationRefusedMiddleware:
    """Catch ``PublicationRefused`` from any admin view (workflow approval, publish, bulk actions).

    The refusal happens after the editor's draft revision has been saved and inside the
    publishing transaction, so nothing is published and nothing the editor wrote is lost; the
    editor lands back on the page's edit view with the reasons.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, PublicationRefused):
            return None
        messages.error(request, exception.user_message())
        return redirect("wagtailadmin_pages:edit", exception.page.pk)
