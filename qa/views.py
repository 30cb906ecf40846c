"""Public views of the questions section: the form (/hoi-dap/gui-cau-hoi/) and the lookup (/hoi-dap/tra-cuu/)."""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from qa import services
from qa.forms import LookupForm, QuestionForm
from qa.models import Question
from qa.protection import client_address, form_token_id, lookup_limit, make_form_token, submission_limit

SESSION_KEY = "qa_submitted_question"
SENT_AGAIN_KEY = "qa_submitted_again"


@never_cache
def ask_question(request):
    """Show the form; on a valid submission store the question and show its tracking code."""
    limit = submission_limit()
    address = client_address(request)
    if request.method == "POST":
        form = QuestionForm(request.POST)
        if not limit.is_exceeded(address) and form.is_valid():
            token_id = form_token_id(form.data.get("form_token", ""))
            # A form load is accepted once: sent again (a double click, a replay), it shows the
            # confirmation of the question it already sent and creates nothing, counts nothing.
            sent_before = services.question_of_used_token(token_id)
            if sent_before is not None:
                return show_confirmation(request, sent_before, again=True)
            # Counted only when accepted (a resident correcting mistakes is not a flood), and counted
            # before storing, so that concurrent posts from one address cannot slip past the limit.
            if limit.hit(address) <= limit.limit:
                data = {key: value for key, value in form.cleaned_data.items() if key not in ("website", "form_token")}
                question, created = services.submit_question_once(data, token_id)
                return show_confirmation(request, question, again=not created)
        rate_limited = limit.is_exceeded(address)
        # Shown back with what was typed and a fresh time token, never silently dropped.
        form.data = form.data.copy()
        form.data["form_token"] = make_form_token()
        context = {"form": form, "rate_limited": rate_limited}
        return render(request, "qa/question_form.html", context, status=429 if rate_limited else 400)
    return render(request, "qa/question_form.html", {"form": QuestionForm()})


def show_confirmation(request, question, again=False):
    """Post/redirect/get: reloading the confirmation must not send the question twice."""
    request.session[SESSION_KEY] = question.pk
    request.session[SENT_AGAIN_KEY] = again
    return redirect("qa:sent")


@never_cache
def question_sent(request):
    """The confirmation, shown once to the person who sent the question (the code is in the session)."""
    question = Question.objects.filter(pk=request.session.get(SESSION_KEY)).first()
    if question is None:
        return redirect("qa:ask")
    context = {"question": question, "sent_again": request.session.pop(SENT_AGAIN_KEY, False)}
    return render(request, "qa/question_sent.html", context)


@never_cache
def lookup_question(request):
    """Status, dates and the answer's link for a tracking code — never personal data."""
    context = {"form": LookupForm(), "searched": False}
    if "code" in request.GET:
        limit = lookup_limit()
        address = client_address(request)
        if limit.is_exceeded(address):
            context.update(form=LookupForm(request.GET), rate_limited=True)
            return render(request, "qa/question_lookup.html", context, status=429)
        form = LookupForm(request.GET)
        context.update(form=form, searched=True)
        if form.is_valid():
            # Every lookup counts, found or not: a guesser gets few tries per address.
            limit.hit(address)
            question = Question.objects.filter(tracking_code=form.cleaned_data["code"]).first()
            if question is not None:
                context["result"] = {
                    "tracking_code": question.tracking_code,
                    # The resident's own heading, only when they agreed to its publication: a code
                    # may travel (a forwarded e-mail, a shared link), and DESIGN §6 keeps the words
                    # of a non-consenting resident off every public page.
                    "title": question.title if question.consent_to_publish else "",
                    "status": question.get_status_display(),
                    "status_code": question.status,
                    "received_at": question.received_at,
                    "due_date": question.due_date,
                    "answered_at": question.answered_at,
                    "close_reason": question.close_reason,
                    "answer": question.published_answer(),
                }
            else:
                context["not_found"] = _("No question has this tracking code. Please check it and try again.")
    context["ask_url"] = reverse("qa:ask")
    return render(request, "qa/question_lookup.html", context)
