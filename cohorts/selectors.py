"""Reads shared by the admin dashboard, the check-in page and the contest results."""

import datetime

from django.db.models import Avg, Count
from django.urls import reverse

from participants.models import HOLDS_SEAT, Registration
from participants.names import name_fold

from .models import AttendanceDay, Certificate, SpeechEntry

S = Registration.Status


def occurrence_dashboard(*, occurrence):
    """Capacity, counts by status, seats per country against quota, and attendance per day."""
    counts = dict(
        Registration.objects.filter(occurrence=occurrence)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    by_status = [{"status": s, "label": s.label, "count": counts.get(s.value, 0)} for s in S]
    held = Registration.objects.filter(occurrence=occurrence).holding_seat().values("country").annotate(n=Count("pk"))
    held = {row["country"]: row["n"] for row in held}
    waiting = dict(
        Registration.objects.filter(occurrence=occurrence, status=S.WAITLISTED)
        .values("country")
        .annotate(n=Count("pk"))
        .values_list("country", "n")
    )
    quotas = {str(q.country): q for q in occurrence.quotas.all() if not q.organization_id}
    countries = []
    for code in sorted(set(held) | set(quotas) | set(waiting)):
        quota = quotas.get(code)
        taken = held.get(code, 0)
        seats = quota.seats if quota else None
        countries.append(
            {
                "code": code,
                "name": quota.country.name if quota else Registration(country=code).country.name,
                "taken": taken,
                "seats": seats,
                "waitlisted": waiting.get(code, 0),
                "percent": min(100, round(100 * taken / seats)) if seats else None,
            }
        )
    days = (
        AttendanceDay.objects.filter(registration__occurrence=occurrence)
        .values("day")
        .annotate(n=Count("pk"))
        .order_by("day")
    )
    expected = sum(counts.get(s, 0) for s in HOLDS_SEAT)
    capacity = occurrence.capacity
    return {
        "capacity": capacity,
        "seats_taken": occurrence.seats_taken,
        "seats_percent": min(100, round(100 * occurrence.seats_taken / capacity)) if capacity else None,
        "by_status": by_status,
        "max_status": max([row["count"] for row in by_status] + [1]),
        "countries": countries,
        "attendance": [
            {"day": row["day"], "count": row["n"], "percent": round(100 * row["n"] / expected) if expected else 0}
            for row in days
        ],
        "expected": expected,
    }


EXPECTED_AT_VENUE = (S.ACCEPTED, S.ATTENDED, S.NO_SHOW)


def _expected(occurrence):
    return (
        Registration.objects.filter(occurrence=occurrence, status__in=EXPECTED_AT_VENUE)
        .select_related("participant__organization")
        .prefetch_related("attendance_days")
    )


def checkin_search(*, occurrence, query):
    """Registrations of people expected at the venue whose full name (either order, native script
    or romanized, spaces and diacritics ignored) or email contains `query` (participants.names)."""
    folded = name_fold(query)
    if not folded:
        return Registration.objects.none()
    return (
        _expected(occurrence)
        .filter(participant__search_key__contains=folded)
        .order_by("participant__family_name", "participant__given_name")[:30]
    )


def checkin_scanned(*, occurrence, registration):
    """The registration a QR code named, if it is expected at this occurrence."""
    if registration is None:
        return Registration.objects.none()
    return _expected(occurrence).filter(pk=registration.pk)


def checkin_head_count(*, occurrence, day):
    """How many of the people expected at the venue have checked in on `day`."""
    return {
        "day": day.isoformat(),
        "checked_in": AttendanceDay.objects.filter(registration__occurrence=occurrence, day=day).count(),
        "expected": Registration.objects.filter(occurrence=occurrence, status__in=EXPECTED_AT_VENUE).count(),
    }


def occurrence_days(occurrence):
    """The days check-in is open for: every day from the first to the last (the first alone when no end is set)."""
    if occurrence.start_date is None or occurrence.date_precision != "day":
        return []
    end = occurrence.end_date or occurrence.start_date
    return [occurrence.start_date + datetime.timedelta(days=n) for n in range((end - occurrence.start_date).days + 1)]


def speech_round_results(*, round):
    """Contestants ranked by mean judge score, best first (unscored last)."""
    entries = (
        SpeechEntry.objects.filter(round=round)
        .select_related("registration__participant")
        .annotate(mean=Avg("scores__score"), judges_scored=Count("scores"))
    )
    rows = [
        {"entry": e, "participant": e.registration.participant, "mean": e.mean, "judges": e.judges_scored}
        for e in entries
    ]
    rows.sort(key=lambda row: (row["mean"] is None, -(row["mean"] or 0), row["entry"].order or 0, row["entry"].pk))
    for rank, row in enumerate(rows, start=1):
        row["rank"] = rank
    return rows


def registration_certificate_link(registration):
    """The official's registration page offers the certificate once its PDF is built."""
    certificate = Certificate.objects.filter(registration=registration).exclude(file="").first()
    if certificate is None:
        return {}
    return {"certificate_url": reverse("cohorts:certificate_download", args=[certificate.pk])}
