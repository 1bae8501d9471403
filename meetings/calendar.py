"""An iCalendar file for one accepted meeting, built with the icalendar package."""

import datetime

import icalendar
from django.conf import settings
from django.utils import timezone


def meeting_ical(meeting, *, now=None):
    now = now or timezone.now()
    site = settings.SITE_URL.rstrip("/")
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Exchange Portal//Bilateral meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = icalendar.Event()
    event.add("uid", f"meeting-{meeting.pk}@{site.split('://', 1)[-1]}")
    event.add("dtstamp", now.astimezone(datetime.UTC))
    event.add("sequence", meeting.version)
    event.add("dtstart", meeting.starts_at.astimezone(datetime.UTC))
    event.add("dtend", meeting.ends_at.astimezone(datetime.UTC))
    event.add("summary", f"{meeting.requester.party_name} – {meeting.counterpart.party_name}: {meeting.topic}")
    location = ", ".join(part for part in (meeting.room.name if meeting.room else "", meeting.occurrence.venue) if part)
    if location:
        event.add("location", location)
    heads = [h.display_name for h in (meeting.requester_head, meeting.counterpart_head) if h]
    event.add("description", "\n".join([str(meeting.occurrence.title), *heads]))
    event.add("status", "CONFIRMED" if meeting.status == "accepted" else "CANCELLED")
    calendar.add_component(event)
    return calendar.to_ical()
