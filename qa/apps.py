from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QaConfig(AppConfig):
    """Residents' questions and the board's published answers (Điều 8đ)."""

    name = "qa"
    verbose_name = _("Questions and answers")

    def ready(self):
        from wagtail.signals import page_published

        from qa.models import QAPage
        from qa.signal_handlers import answer_published

        page_published.connect(answer_published, sender=QAPage, dispatch_uid="qa_answer_published")
