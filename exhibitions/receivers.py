"""Anonymous occurrence and exhibition pages are cached whole (workshops.public_cache): any change
to an exhibition, its sections, exhibitors or exhibits replaces the public version."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from workshops.public_cache import public_pages_changed

from .models import Exhibit, Exhibition, Exhibitor, Section


@receiver([post_save, post_delete], sender=Exhibition, dispatch_uid="exhibitions.exhibition_changed")
@receiver([post_save, post_delete], sender=Section, dispatch_uid="exhibitions.section_changed")
@receiver([post_save, post_delete], sender=Exhibitor, dispatch_uid="exhibitions.exhibitor_changed")
@receiver([post_save, post_delete], sender=Exhibit, dispatch_uid="exhibitions.exhibit_changed")
def public_page_changed(sender, raw=False, **kwargs):
    if raw:
        return
    public_pages_changed()
