"""Who reads what after the event: the occurrence's participants, its staff, everyone."""

from django.db.models import Exists, OuterRef

from participants.models import Registration
from workshops.models import Occurrence
from workshops.public_cache import remembered
from workshops.selectors import occurrences_visible_to

from .models import Material, Photo


def occurrence_staff(user, occurrence):
    return bool(
        user.is_authenticated and user.is_staff and occurrences_visible_to(user).filter(pk=occurrence.pk).exists()
    )


def occurrence_participant(user, occurrence):
    """A signed-in official holding a seat of the occurrence (accepted, attended, completed...)."""
    if not user.is_authenticated:
        return False
    return Registration.objects.holding_seat().filter(occurrence=occurrence, participant__user=user).exists()


def occurrence_insider(user, occurrence):
    return occurrence_participant(user, occurrence) or occurrence_staff(user, occurrence)


def materials_for(*, user, occurrence, insider=None):
    materials = Material.objects.filter(occurrence=occurrence).select_related("agenda_item")
    if insider is None:
        insider = occurrence_insider(user, occurrence)
    return materials if insider else materials.filter(is_public=True)


def photos_for(*, user, occurrence, insider=None):
    photos = Photo.objects.filter(occurrence=occurrence, is_removed=False).exclude(image="")
    if insider is None:
        insider = occurrence_insider(user, occurrence)
    return photos if insider else photos.filter(is_public=True)


def material_readable(*, user, material):
    return material.is_public or occurrence_insider(user, material.occurrence)


def photo_readable(*, user, photo):
    return not photo.is_removed and (photo.is_public or occurrence_insider(user, photo.occurrence))


def occurrence_has_aftercare(occurrence):
    """Whether the occurrence has any material or photo, remembered under the public pages' version."""

    def has():
        # One query for both tables.
        return (
            Occurrence.objects.filter(pk=occurrence.pk)
            .filter(
                Exists(Material.objects.filter(occurrence=OuterRef("pk")))
                | Exists(Photo.objects.filter(occurrence=OuterRef("pk"), is_removed=False))
            )
            .exists()
        )

    return remembered(f"aftercare-has:{occurrence.pk}", has)
