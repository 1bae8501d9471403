from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The program whose public page leads to the Bureau (demo/data.py's GAOK programs).
BUREAU_PROGRAM_SLUG = "online-bureau"


class BureauConfig(AppConfig):
    name = "bureau"
    verbose_name = _("Online Bureau")

    def ready(self):
        from workshops.program_links import program_page_link

        from . import notices  # noqa: F401 - declares this app's notice kinds and context loaders

        program_page_link(BUREAU_PROGRAM_SLUG, _("File a request with the Online Bureau"), "bureau:request_list")
