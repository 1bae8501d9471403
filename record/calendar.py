"""iCalendar feeds of the public occurrences, written with the icalendar library in the reader's
language. Only occurrences dated to the day become events: "May 2019" or "2022 (TBD)" would be
a wrong day in a calendar."""

import datetime

import icalendar
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from programs.models import DatePrecision
from workshops.models import Occurrence

PRODID = "-//Exchange Portal//Public record//EN"


def calendar_occurrences(*, program=None, country=None, today=None):
    """Upcoming (or running) occurrences dated to the day, not cancelled; for `country`, only those
    whose program admits officials from it."""
    today = today or timezone.localdate()
    occurrences = (
        Occurrence.objects.filter(is_cancelled=False, date_precision=DatePrecision.DAY, start_date__isnull=False)
        .filter(Q(end_date__gte=today) | Q(end_date__isnull=True, start_date__gte=today))
        .select_related("program")
        .order_by("start_date", "pk")
    )
    if program is not None:
        occurrences = occurrences.filter(program=program)
    if country:
        occurrences = [o for o in occurrences if o.program.admits_country(country)]
    return list(occurrences)


def _event(occurrence, *, site, host, stamp):
    event = icalendar.Event()
    event.add("uid", f"occurrence-{occurrence.pk}@{host}")
    event.add("dtstamp", stamp)
    event.add("dtstart", occurrence.start_date)
    # DTEND of an all-day event is the day after the last one.
    event.add("dtend", (occurrence.end_date or occurrence.start_date) + datetime.timedelta(days=1))
    title = occurrence.title
    if occurrence.is_sample:
        title = f"{title} ({_('sample')})"
    event.add("summary", title)
    location = ", ".join(part for part in (occurrence.venue, occurrence.location) if part)
    if location:
        event.add("location", location)
    event.add("description", occurrence.program.name)
    event.add("url", f"{site}{occurrence.get_absolute_url()}")
    event.add("status", "CANCELLED" if occurrence.is_cancelled else "CONFIRMED")
    return event


def calendar_bytes(occurrences, *, name, now=None):
    """A VCALENDAR with one all-day VEVENT per occurrence; `name` titles the feed in calendar apps."""
    site = settings.SITE_URL.rstrip("/")
    host = site.split("://", 1)[-1]
    stamp = (now or timezone.now()).astimezone(datetime.UTC)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    # Clients that honour it check back twice a day.
    calendar.add("refresh-interval", datetime.timedelta(hours=12), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT12H")
    for occurrence in occurrences:
        calendar.add_component(_event(occurrence, site=site, host=host, stamp=stamp))
    return calendar.to_ical()
