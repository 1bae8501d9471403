"""After the event: materials and photos of an occurrence (and, further down, surveys, the library
and the alumni directory)."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from delegations.storage import private_storage
from workshops.models import AgendaItem, Occurrence

MATERIAL_EXTENSIONS = ["pdf", "ppt", "pptx", "doc", "docx", "hwp", "hwpx", "xls", "xlsx", "odt", "odp", "txt"]


def material_upload_to(instance, filename):
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"materials/{uuid.uuid4().hex}/material.{extension}"


def photo_upload_to(instance, filename):
    return f"photos/{uuid.uuid4().hex}.jpg"


class Material(models.Model):
    """Slides, a paper or a link attached to an occurrence (and to one of its agenda items)."""

    class Kind(models.TextChoices):
        SLIDES = "slides", _("Slides")
        PAPER = "paper", _("Paper")
        LINK = "link", _("Link")

    occurrence = models.ForeignKey(
        Occurrence, verbose_name=_("occurrence"), on_delete=models.CASCADE, related_name="materials"
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="materials",
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(
        _("file"),
        storage=private_storage,
        upload_to=material_upload_to,
        blank=True,
        validators=[FileExtensionValidator(MATERIAL_EXTENSIONS)],
    )
    url = models.URLField(_("link"), blank=True)
    is_public = models.BooleanField(
        _("public"), default=False, help_text=_("Unticked: only the occurrence's participants and staff see it.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("added by"), null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["occurrence", "agenda_item__order", "order", "pk"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        constraints = [
            models.CheckConstraint(
                condition=(Q(file="") & ~Q(url="")) | (~Q(file="") & Q(url="")),
                name="material_file_or_link",
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if bool(self.file) == bool(self.url):
            raise ValidationError(_("Give either a file or a link, not both."))
        if self.kind == self.Kind.LINK and not self.url:
            raise ValidationError({"url": _("A link needs its address.")})
        if self.agenda_item_id and self.occurrence_id and self.agenda_item.occurrence_id != self.occurrence_id:
            raise ValidationError({"agenda_item": _("This agenda item belongs to another occurrence.")})


class Photo(models.Model):
    occurrence = models.ForeignKey(
        Occurrence, verbose_name=_("occurrence"), on_delete=models.CASCADE, related_name="photos"
    )
    # Both files are written by aftercare.images (resized, EXIF stripped) through the default storage.
    image = models.ImageField(_("image"), upload_to=photo_upload_to, blank=True)
    thumbnail = models.ImageField(_("thumbnail"), upload_to=photo_upload_to, blank=True, editable=False)
    caption = models.CharField(_("caption"), max_length=300)
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    is_public = models.BooleanField(
        _("public"), default=True, help_text=_("Unticked: only the occurrence's participants and staff see it.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_removed = models.BooleanField(_("removed"), default=False, editable=False)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["occurrence", "order", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self):
        return self.caption


class PhotoRemovalRequest(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        REMOVED = "removed", _("Photo removed")
        DECLINED = "declined", _("Declined")

    photo = models.ForeignKey(Photo, verbose_name=_("photo"), on_delete=models.CASCADE, related_name="removal_requests")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), on_delete=models.CASCADE, related_name="+"
    )
    reason = models.TextField(_("reason"), max_length=1000, blank=True)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["status", "-created_at"]
        verbose_name = _("photo removal request")
        verbose_name_plural = _("photo removal requests")
        constraints = [
            models.UniqueConstraint(
                fields=["photo", "requested_by"], condition=Q(status="open"), name="one_open_removal_request"
            )
        ]

    def __str__(self):
        return f"{self.photo} ({self.get_status_display()})"
