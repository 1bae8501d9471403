"""Bilateral meetings between two delegations (seat allocations, workshops.CountryQuota) of one
occurrence, the rooms they are held in, and the bookings that keep a delegation, a room and a
head of delegation out of two overlapping meetings.

Each accepted meeting holds one `MeetingBooking` row per thing it occupies (each delegation, its
room, each head of delegation, keyed by email). On PostgreSQL an exclusion constraint (btree_gist,
migration 0002) refuses two overlapping rows with the same key, so two staff members scheduling
at the same moment cannot double-book; the service also locks the occurrence row and names the
conflict before writing."""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from delegations.models import Nomination
from workshops.models import CountryQuota, Occurrence


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("Give a time zone such as Asia/Seoul."))


class MeetingSettings(models.Model):
    """Where an occurrence's meetings happen in time: the time zone their times are written in."""

    occurrence = models.OneToOneField(
        Occurrence, verbose_name=_("occurrence"), on_delete=models.CASCADE, related_name="meeting_settings"
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, default=settings.TIME_ZONE, validators=[validate_time_zone]
    )

    class Meta:
        verbose_name = _("meeting time zone")
        verbose_name_plural = _("meeting time zones")

    def __str__(self):
        return f"{self.occurrence}: {self.time_zone}"


def occurrence_time_zone(occurrence):
    row = MeetingSettings.objects.filter(occurrence_id=occurrence.pk).first()
    return zoneinfo.ZoneInfo(row.time_zone if row else settings.TIME_ZONE)


class Room(models.Model):
    occurrence = models.ForeignKey(
        Occurrence, verbose_name=_("occurrence"), on_delete=models.CASCADE, related_name="meeting_rooms"
    )
    name = models.CharField(_("name"), max_length=200)
    capacity = models.PositiveIntegerField(_("seats"), null=True, blank=True)

    class Meta:
        ordering = ["occurrence", "name", "pk"]
        verbose_name = _("meeting room")
        verbose_name_plural = _("meeting rooms")

    def __str__(self):
        return self.name


class Meeting(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")

    occurrence = models.ForeignKey(
        Occurrence, verbose_name=_("occurrence"), on_delete=models.CASCADE, related_name="meetings"
    )
    requester = models.ForeignKey(
        CountryQuota, verbose_name=_("requesting delegation"), on_delete=models.PROTECT, related_name="+"
    )
    counterpart = models.ForeignKey(
        CountryQuota, verbose_name=_("requested delegation"), on_delete=models.PROTECT, related_name="+"
    )
    topic = models.CharField(_("topic"), max_length=300)
    wished_times = models.TextField(_("wished times"), blank=True)
    requester_head = models.ForeignKey(
        Nomination,
        verbose_name=_("head of the requesting delegation"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    requester_attendees = models.TextField(_("other attendees of the requesting delegation"), blank=True)
    counterpart_head = models.ForeignKey(
        Nomination,
        verbose_name=_("head of the requested delegation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    counterpart_attendees = models.TextField(_("other attendees of the requested delegation"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED)
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    room = models.ForeignKey(
        Room, verbose_name=_("room"), null=True, blank=True, on_delete=models.PROTECT, related_name="meetings"
    )
    decline_reason = models.CharField(_("reason"), max_length=500, blank=True)
    # Each change adds one: the notices of a change are keyed by it, so each is sent once.
    version = models.PositiveIntegerField(default=1, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last changed by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    is_sample = models.BooleanField(_("sample"), default=False)

    class Meta:
        ordering = ["starts_at", "created_at", "pk"]
        verbose_name = _("bilateral meeting")
        verbose_name_plural = _("bilateral meetings")
        constraints = [
            models.CheckConstraint(condition=~Q(requester=F("counterpart")), name="meeting_two_delegations"),
            models.CheckConstraint(
                condition=Q(starts_at__isnull=True, ends_at__isnull=True) | Q(ends_at__gt=F("starts_at")),
                name="meeting_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(status="accepted")
                | Q(starts_at__isnull=False, room__isnull=False, counterpart_head__isnull=False),
                name="meeting_accepted_has_slot_room_heads",
            ),
        ]

    def __str__(self):
        return f"{self.requester.party_name} – {self.counterpart.party_name}: {self.topic}"


class MeetingBooking(models.Model):
    """One thing an accepted meeting occupies for its slot: a delegation, a room or a person."""

    class Kind(models.TextChoices):
        DELEGATION = "delegation", _("delegation")
        ROOM = "room", _("room")
        HEAD = "head", _("head of delegation")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="bookings")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    key = models.CharField(max_length=300, db_index=True)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "key"], name="meeting_booking_once_per_key"),
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="meeting_booking_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.key}: {self.starts_at:%Y-%m-%d %H:%M} – {self.ends_at:%H:%M}"
