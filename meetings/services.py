"""Requesting, scheduling (accepting or moving), declining and cancelling a bilateral meeting.

Scheduling takes the occurrence row lock (as every seat decision does) so two staff members
deciding at once go one after the other; the bookings it writes are checked again by the
database's exclusion constraint on PostgreSQL. Every change notifies the focal points of both
delegations through the outbox, each in their language."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from delegations.models import Nomination
from delegations.selectors import focal_points_for_allocation
from notifications.services import notification_queue
from workshops.models import Occurrence

from .errors import MeetingError
from .models import Meeting, MeetingBooking
from .times import slot_text

S = Meeting.Status


def _absolute(path):
    return settings.SITE_URL.rstrip("/") + path


def _notify(meeting, event):
    """Tell the focal points of both delegations what changed (once per change and person)."""
    url = _absolute(reverse("meetings:detail", kwargs={"pk": meeting.pk}))
    for allocation in (meeting.requester, meeting.counterpart):
        for focal_point in focal_points_for_allocation(allocation):
            notification_queue(
                key=f"meetings:{meeting.pk}:{meeting.version}:{event}:{focal_point.pk}",
                template="meeting_changed",
                recipient=focal_point.email,
                language=focal_point.language,
                context={"meeting_id": meeting.pk, "focal_point_id": focal_point.pk, "event": event, "page_url": url},
            )


def _head_of(allocation, nomination_id):
    head = Nomination.objects.filter(pk=nomination_id, allocation=allocation, status=Nomination.Status.ACTIVE).first()
    if head is None:
        raise MeetingError(
            _("The head of delegation must be one of the current nominees of %(party)s.")
            % {"party": allocation.party_name}
        )
    return head


def meeting_request(*, requester, counterpart, topic, head_id, attendees="", wished_times="", by):
    """A delegation's focal point asks another delegation of the same occurrence for a meeting."""
    if counterpart is None or counterpart.occurrence_id != requester.occurrence_id:
        raise MeetingError(_("Choose a delegation of the same occurrence."))
    if counterpart.pk == requester.pk:
        raise MeetingError(_("A delegation cannot request a meeting with itself."))
    if not (topic or "").strip():
        raise MeetingError(_("Give the topic of the meeting."))
    with transaction.atomic():
        head = _head_of(requester, head_id)
        meeting = Meeting.objects.create(
            occurrence_id=requester.occurrence_id,
            requester=requester,
            counterpart=counterpart,
            topic=topic.strip()[:300],
            wished_times=(wished_times or "").strip(),
            requester_head=head,
            requester_attendees=(attendees or "").strip(),
            requested_by=by,
            changed_by=by,
        )
        _notify(meeting, "requested")
    return meeting


def _keys(meeting, room, heads):
    keys = {
        f"delegation:{meeting.requester_id}": (MeetingBooking.Kind.DELEGATION, meeting.requester),
        f"delegation:{meeting.counterpart_id}": (MeetingBooking.Kind.DELEGATION, meeting.counterpart),
        f"room:{room.pk}": (MeetingBooking.Kind.ROOM, room),
    }
    for head in heads:
        keys.setdefault(f"person:{head.email.strip().lower()}", (MeetingBooking.Kind.HEAD, head))
    return keys


def _conflict_message(kind, thing, other):
    when = slot_text(other.starts_at, other.ends_at)
    between = f"{other.requester.party_name} – {other.counterpart.party_name}"
    if kind == MeetingBooking.Kind.HEAD:
        return _("The head of delegation %(name)s is already in another meeting then (%(between)s, %(when)s).") % {
            "name": thing.display_name,
            "between": between,
            "when": when,
        }
    if kind == MeetingBooking.Kind.ROOM:
        return _("The room %(room)s is already booked then (%(between)s, %(when)s).") % {
            "room": thing.name,
            "between": between,
            "when": when,
        }
    return _("The delegation %(party)s already has a meeting then (%(between)s, %(when)s).") % {
        "party": thing.party_name,
        "between": between,
        "when": when,
    }


def meeting_conflicts(*, meeting, starts_at, ends_at, room, heads):
    """Why this slot would double-book a delegation, the room or a head of delegation (messages)."""
    keys = _keys(meeting, room, heads)
    clashes = (
        MeetingBooking.objects.filter(key__in=keys, starts_at__lt=ends_at, ends_at__gt=starts_at)
        .exclude(meeting=meeting)
        .select_related("meeting__requester__organization", "meeting__counterpart__organization")
        .order_by("kind", "starts_at", "pk")
    )
    messages = []
    for booking in clashes:
        kind, thing = keys[booking.key]
        message = _conflict_message(kind, thing, booking.meeting)
        if message not in messages:
            messages.append(message)
    return messages


def meeting_schedule(*, meeting, starts_at, ends_at, room, counterpart_head_id, counterpart_attendees=None, by):
    """Accept a requested meeting, or move an accepted one, to a slot and a room."""
    if starts_at is None or ends_at is None or ends_at <= starts_at:
        raise MeetingError(_("The meeting must end after it starts."))
    if room is None or room.occurrence_id != meeting.occurrence_id:
        raise MeetingError(_("Choose a room of this occurrence."))
    with transaction.atomic():
        Occurrence.objects.select_for_update().filter(pk=meeting.occurrence_id).first()
        meeting = (
            Meeting.objects.select_for_update(of=("self",))
            .select_related("requester__organization", "counterpart__organization", "requester_head")
            .get(pk=meeting.pk)
        )
        if meeting.status not in (S.REQUESTED, S.ACCEPTED):
            raise MeetingError(_("This meeting was declined or cancelled; it cannot be scheduled."))
        head = _head_of(meeting.counterpart, counterpart_head_id)
        heads = [meeting.requester_head, head]
        messages = meeting_conflicts(meeting=meeting, starts_at=starts_at, ends_at=ends_at, room=room, heads=heads)
        if messages:
            raise MeetingError(*messages)
        event = "moved" if meeting.status == S.ACCEPTED else "accepted"
        try:
            with transaction.atomic():
                MeetingBooking.objects.filter(meeting=meeting).delete()
                MeetingBooking.objects.bulk_create(
                    MeetingBooking(meeting=meeting, kind=kind, key=key, starts_at=starts_at, ends_at=ends_at)
                    for key, (kind, _thing) in _keys(meeting, room, heads).items()
                )
        except IntegrityError:
            # Another decision committed in between (the exclusion constraint caught it).
            raise MeetingError(
                _("Someone else has just booked this slot for one of these delegations, people or rooms. Try again.")
            ) from None
        meeting.status = S.ACCEPTED
        meeting.starts_at, meeting.ends_at, meeting.room = starts_at, ends_at, room
        meeting.counterpart_head = head
        if counterpart_attendees is not None:
            meeting.counterpart_attendees = counterpart_attendees.strip()
        meeting.version += 1
        meeting.changed_by = by
        meeting.save()
        _notify(meeting, event)
    return meeting


def meeting_decline(*, meeting, reason="", by):
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update(of=("self",)).get(pk=meeting.pk)
        if meeting.status != S.REQUESTED:
            raise MeetingError(_("Only a requested meeting can be declined."))
        meeting.status = S.DECLINED
        meeting.decline_reason = (reason or "").strip()[:500]
        meeting.version += 1
        meeting.changed_by = by
        meeting.save()
        _notify(meeting, "declined")
    return meeting


def meeting_cancel(*, meeting, by):
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update(of=("self",)).get(pk=meeting.pk)
        if meeting.status not in (S.REQUESTED, S.ACCEPTED):
            raise MeetingError(_("This meeting is already declined or cancelled."))
        MeetingBooking.objects.filter(meeting=meeting).delete()
        meeting.status = S.CANCELLED
        meeting.version += 1
        meeting.changed_by = by
        meeting.save()
        _notify(meeting, "cancelled")
    return meeting
