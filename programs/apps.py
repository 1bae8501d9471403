from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "programs"
    verbose_name = _("Programs")

    def ready(self):
        from jobs.storage import register_reader

        from . import roles

        roles.connect()
        register_reader("agreements/", _may_read_agreement_document)


def _may_read_agreement_document(user, name):
    """Staff who may view agreements; anyone signed in for a document staff published (the public
    registry serves those to everyone through record.views.partnership_document)."""
    from .models import Agreement  # models are ready only after the apps registry

    agreements = Agreement.objects.filter(document=name)
    if user.is_staff and user.has_perm("programs.view_agreement"):
        return agreements.exists()
    return agreements.filter(is_public=True, document_is_public=True).exists()
