from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo data built from the seed documents (`manage.py load_demo`); it spans every app."""

    name = "demo"
    verbose_name = _("Demo data")
