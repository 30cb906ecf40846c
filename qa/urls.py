"""Public URLs of the questions section (inside i18n_patterns, before Wagtail's page serving)."""

from django.urls import path

from qa import views

app_name = "qa"

urlpatterns = [
    path("hoi-dap/gui-cau-hoi/", views.ask_question, name="ask"),
    path("hoi-dap/gui-cau-hoi/da-gui/", views.question_sent, name="sent"),
    path("hoi-dap/tra-cuu/", views.lookup_question, name="lookup"),
]
