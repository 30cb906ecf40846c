"""Admin registration of the questions desk (a ModelViewSet) and its audit-log actions."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from portal.explorer import SectionPageViewSet
from qa.admin_columns import DueDateColumn, LocalDateColumn, annotate_time_left
from qa.admin_views import QuestionDeskView, QuestionFilterSet, QuestionPermissionPolicy, QuestionRegisterView
from qa.models import QAPage, Question

register_permission_policy(Question, QuestionPermissionPolicy(Question))


class QuestionIndexView(IndexView):
    """The list, limited to what the user may see (officials: their own questions)."""

    def get_base_queryset(self):
        return Question.objects.visible_to(self.request.user).select_related("assignee")

    def get_table(self, object_list):
        return super().get_table(annotate_time_left(list(object_list)))


class QuestionHistoryView(HistoryView):
    """The audit log of one question, for those who may see the question."""

    def get_base_object_queryset(self):
        return Question.objects.visible_to(self.request.user)


class QuestionViewSet(ModelViewSet):
    """The questions desk: list with filters; the edit URL is the desk page of one question."""

    model = Question
    name = "qa_question"
    icon = "help"
    menu_label = _("Residents' questions")
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = QuestionIndexView
    history_view_class = QuestionHistoryView
    filterset_class = QuestionFilterSet
    # Wagtail's ModelViewSet requires form fields; the add view is QuestionRegisterView, with its own form.
    form_fields = ["topic"]
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = [
        "tracking_code",
        "title",
        Column("topic", label=_("Topic"), accessor="get_topic_display"),
        Column("channel", label=_("Received by"), accessor="get_channel_display"),
        Column("status", label=pgettext_lazy("portal", "Status"), accessor="get_status_display"),
        LocalDateColumn("received_at", label=_("Received on"), sort_key="received_at"),
        DueDateColumn("due_date", label=_("Answer due by"), sort_key="due_date"),
        Column("assignee", label=_("Assigned to")),
    ]
    search_fields = ["tracking_code", "title", "body"]
    ordering = ["-received_at"]

    @property
    def add_view(self):
        return self.construct_view(QuestionRegisterView)

    @property
    def edit_view(self):
        return self.construct_view(QuestionDeskView)


@hooks.register("register_admin_viewset")
def register_question_viewset():
    return QuestionViewSet()


@hooks.register("register_log_actions")
def register_question_log_actions(actions):
    actions.register_action("qa.register", _("Register question"), _("Question registered"))
    actions.register_action("qa.assign", _("Assign question"), _("Question assigned"))
    actions.register_action("qa.draft_answer", _("Draft answer"), _("Answer page drafted"))
    actions.register_action("qa.answered", _("Answer published"), _("Question answered"))
    actions.register_action("qa.close", _("Close question"), _("Question closed"))


class QAPageViewSet(SectionPageViewSet):
    """The Q&A index's explorer reads its own children only (portal.explorer)."""

    model = QAPage


@hooks.register("register_admin_viewset")
def register_qa_page_viewset():
    return QAPageViewSet()
