from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    """Bottom layer: the shared life of a file job and the XLSX writer. Imports no project app."""

    name = "jobs"
    verbose_name = _("Jobs")
