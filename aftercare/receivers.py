"""Anonymous occurrence pages are cached whole (workshops.public_cache): a change to what they show
(a public material or photo, a removal) replaces the public version. The retention purge
(participants.signals.participant_anonymised) takes the person's alumni entries and messages."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from participants.signals import participant_anonymised
from workshops.public_cache import public_pages_changed

from .alumni import alumni_erase
from .models import Material, Photo


@receiver([post_save, post_delete], sender=Material, dispatch_uid="aftercare.material_changed")
@receiver([post_save, post_delete], sender=Photo, dispatch_uid="aftercare.photo_changed")
def public_page_changed(sender, **kwargs):
    public_pages_changed()


@receiver(participant_anonymised, dispatch_uid="aftercare.erase_alumni")
def erase_alumni(sender, *, participant_id, **kwargs):
    alumni_erase(participant_id=participant_id)
