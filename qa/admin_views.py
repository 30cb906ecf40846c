"""The questions desk in the Wagtail admin: who sees what, the filters, and one page per question.

Personal data (name, e-mail, phone, address) is shown only to the board (head and members) and
to the official the question is assigned to (DESIGN §6, §8): the queryset itself is limited.
"""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminDateInput
from wagtail.permission_policies import ModelPermissionPolicy

from accounts import policy
from qa import services
from qa.models import Channel, Question, QuestionStatus, Topic


class QuestionPermissionPolicy(ModelPermissionPolicy):
    """Board members work the whole desk; an official sees only the questions assigned to them.

    Only the board (members and the head) adds a question, one received by phone, letter, e-mail
    or at the one-stop desk (DESIGN §6: "registered by the board"). Nobody deletes a question: it
    is kept as a record.
    """

    def user_has_permission(self, user, action):
        if action == "add":
            return services.is_board(user)
        if action == "delete":
            return False
        if action in ("view", "change"):
            return super().user_has_permission(user, action) or policy.is_official(user)
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return Question.objects.none()
        return Question.objects.visible_to(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action) and Question.objects.visible_to(user).filter(pk=instance.pk).exists()
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)


class QuestionFilterSet(WagtailFilterSet):
    """Status, topic, channel, overdue and assignee filters of the desk."""

    status = django_filters.ChoiceFilter(label=pgettext_lazy("portal", "Status"), choices=QuestionStatus.choices)
    topic = django_filters.ChoiceFilter(label=gettext_lazy("Topic"), choices=Topic.choices)
    channel = django_filters.ChoiceFilter(label=gettext_lazy("Received by"), choices=Channel.choices)
    overdue = django_filters.BooleanFilter(label=gettext_lazy("Overdue"), method="filter_overdue")
    assignee = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Assigned to"), queryset=lambda request: services.assignable_users()
    )

    class Meta:
        model = Question
        fields = ["status", "topic", "channel", "overdue", "assignee"]

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = Question.objects.overdue(timezone.localdate())
        return queryset.filter(pk__in=overdue) if value else queryset.exclude(pk__in=overdue)


class AssignForm(forms.Form):
    """Choose the official who drafts the answer."""

    assignee = forms.ModelChoiceField(label=gettext_lazy("Assign to"), queryset=Question.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = services.assignable_users()
        self.fields["assignee"].label_from_instance = lambda user: user.get_full_name() or user.get_username()


class CloseForm(forms.Form):
    """Close without an answer: the reason is required and, unless it is spam, sent to the resident."""

    reason = forms.CharField(label=gettext_lazy("Reason for closing"), widget=forms.Textarea(attrs={"rows": 3}))
    is_spam = forms.BooleanField(label=gettext_lazy("This is spam: do not write back to the sender"), required=False)


class QuestionRegistrationForm(forms.ModelForm):
    """A question the commune received by phone, letter, e-mail or at the one-stop desk."""

    received_on = forms.DateField(
        label=gettext_lazy("Received on"),
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        widget=AdminDateInput,
        help_text=gettext_lazy("dd/mm/yyyy. The 15 working days to answer count from this date (Điều 8đ)."),
        error_messages={"invalid": gettext_lazy("Enter the date as dd/mm/yyyy, e.g. 25/03/2026.")},
    )

    class Meta:
        model = Question
        fields = ["channel", "name", "email", "phone", "address", "topic", "title", "body", "consent_to_publish"]
        labels = {"body": gettext_lazy("Question (as the resident asked it)")}
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        # The portal's own form is the "web" channel; here the board registers the other ones.
        self.fields["channel"].choices = [choice for choice in Channel.choices if choice[0] != Channel.WEB]
        self.fields["channel"].initial = Channel.PHONE
        self.fields["received_on"].initial = self.today
        self.order_fields(["channel", "received_on"])

    def clean_received_on(self):
        received_on = self.cleaned_data["received_on"]
        if received_on > self.today:
            raise forms.ValidationError(_("The date received cannot be in the future."))
        if received_on < services.EARLIEST_RECEIVED:
            raise forms.ValidationError(_("The date received cannot be before 01/01/2000."))
        return received_on


class QuestionRegisterView(WagtailAdminTemplateMixin, FormView):
    """Register a question received outside the portal; the tracking code is shown for the resident."""

    template_name = "qa/admin/question_register.html"
    form_class = QuestionRegistrationForm
    header_icon = "help"
    page_title = gettext_lazy("Register a question")
    index_url_name = "qa_question:index"

    def dispatch(self, request, *args, **kwargs):
        if not QuestionPermissionPolicy(Question).user_has_permission(request.user, "add"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": Question._meta.verbose_name_plural.capitalize()},
            {"url": "", "label": self.page_title},
        ]

    def form_valid(self, form):
        data = {key: value for key, value in form.cleaned_data.items() if key != "received_on"}
        question = services.register_question(data, form.cleaned_data["received_on"], by=self.request.user)
        messages.success(
            self.request,
            _("The question is registered. Give the resident its tracking code: %(code)s")
            % {"code": question.tracking_code},
        )
        return redirect("qa_question:edit", question.pk)


class QuestionDeskView(WagtailAdminTemplateMixin, TemplateView):
    """One question with its personal data and the actions the user may take on it."""

    template_name = "qa/admin/question_desk.html"
    header_icon = "help"
    index_url_name = "qa_question:index"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(Question.objects.visible_to(request.user), pk=kwargs["pk"])

    def dispatch(self, request, *args, **kwargs):
        if not QuestionPermissionPolicy(Question).user_has_permission(request.user, "view"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.object.tracking_code

    def get_page_subtitle(self):
        return self.object.title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": Question._meta.verbose_name_plural.capitalize()},
            {"url": "", "label": self.object.tracking_code},
        ]

    @property
    def can_manage(self):
        return services.is_board(self.request.user)

    @property
    def can_draft(self):
        return self.object.is_open and (self.can_manage or self.object.assignee_id == self.request.user.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        question = self.object
        context.update(
            question=question,
            can_manage=self.can_manage and question.is_open,
            can_draft=self.can_draft,
            answer_pages=question.answer_pages.order_by("pk"),
            overdue=question.is_overdue(),
            late=question.is_late(),
            assign_form=kwargs.get("assign_form") or AssignForm(initial={"assignee": question.assignee_id}),
            close_form=kwargs.get("close_form") or CloseForm(),
            history_url=reverse("qa_question:history", args=[question.pk]),
        )
        return context

    def explain_draft(self, question):
        """Tell the official what the draft left out, so that nothing personal slips through unseen."""
        if not question.consent_to_publish:
            messages.warning(
                self.request,
                _(
                    "The resident did not agree to publish the question: its words are not copied. "
                    "Write the question in general terms; the answer reaches the resident by e-mail and "
                    "by the tracking code."
                ),
            )
            return
        removed = services.draft_text(question)[2]
        if removed:
            messages.info(
                self.request,
                _("Personal data removed from the draft: %(items)s. Check the text before submitting it.")
                % {"items": "; ".join(removed)},
            )

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        question = self.object
        try:
            if action == "assign":
                form = AssignForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(assign_form=form))
                services.assign_question(question, form.cleaned_data["assignee"], by=request.user)
                messages.success(request, _("The question is assigned; the official has been notified."))
            elif action == "close":
                form = CloseForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(close_form=form))
                services.close_question(
                    question, form.cleaned_data["reason"], by=request.user, notify=not form.cleaned_data["is_spam"]
                )
                messages.success(request, _("The question is closed."))
            elif action == "draft":
                is_new = not question.answer_pages.exists()
                page = services.draft_answer(question, by=request.user)
                messages.success(request, _("The answer page is ready: write the answer and submit it for approval."))
                if is_new:
                    self.explain_draft(question)
                return redirect("wagtailadmin_pages:edit", page.pk)
            else:
                raise PermissionDenied
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("qa_question:edit", question.pk)
