from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CohortsConfig(AppConfig):
    name = "cohorts"
    verbose_name = _("Cohorts")

    def ready(self):
        from participants.self_service import REGISTRATION_PAGE_EXTRAS

        from . import (
            notices,  # noqa: F401 - the certificate and letter notices
            private_files,  # noqa: F401 - who may read certificates and letters
        )
        from .selectors import registration_certificate_link, registration_documents

        REGISTRATION_PAGE_EXTRAS.append(registration_certificate_link)
        REGISTRATION_PAGE_EXTRAS.append(registration_documents)
