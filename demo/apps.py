from django.apps import AppConfig


class DemoConfig(AppConfig):
    """`seed_demo` and the demo data; listed in INSTALLED_APPS by the dev and test settings only."""

    name = "demo"
