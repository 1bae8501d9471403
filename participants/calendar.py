"""An iCalendar (RFC 5545) file for an accepted registration, written by hand: one all-day event."""

import datetime

from django.conf import settings
from django.utils import timezone

from programs.models import DatePrecision


def occurrence_has_calendar_dates(occurrence):
    return not occurrence.is_tbd and occurrence.date_precision == DatePrecision.DAY


def _escape(text):
    return (
        str(text)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\r", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line):
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1)."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        piece = char.encode("utf-8")
        if len(current) + len(piece) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += piece
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def registration_ical(registration, *, now=None):
    occurrence = registration.occurrence
    now = now or timezone.now()
    end = (occurrence.end_date or occurrence.start_date) + datetime.timedelta(days=1)  # DTEND is exclusive
    site = settings.SITE_URL.rstrip("/")
    location = ", ".join(part for part in (occurrence.venue, occurrence.location) if part)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Exchange Portal//Registrations//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:registration-{registration.pk}@{site.split('://', 1)[-1]}",
        f"DTSTAMP:{now.astimezone(datetime.UTC):%Y%m%dT%H%M%SZ}",
        f"DTSTART;VALUE=DATE:{occurrence.start_date:%Y%m%d}",
        f"DTEND;VALUE=DATE:{end:%Y%m%d}",
        f"SUMMARY:{_escape(occurrence.title)}",
        f"LOCATION:{_escape(location)}" if location else "",
        f"DESCRIPTION:{_escape(occurrence.program.name)}",
        f"URL:{site}{occurrence.get_absolute_url()}",
        "STATUS:CONFIRMED",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(_fold(line) for line in lines if line) + "\r\n"
