"""Reads shared by the admin dashboard and the check-in page (the contest's are in speech_selectors)."""

import datetime

from django.db.models import Count, Q
from django.urls import reverse

from participants.models import HOLDS_SEAT, ParticipantCategory, Registration, holding_seat_q
from participants.names import name_fold

from .models import AttendanceDay, Certificate

S = Registration.Status


def occurrence_dashboard(*, occurrence):
    """Capacity, counts by status, seats per country against quota, seats per participant category,
    and attendance per day."""
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
        "categories": _categories(occurrence),
        "attendance": [
            {"day": row["day"], "count": row["n"], "percent": round(100 * row["n"] / expected) if expected else 0}
            for row in days
        ],
        "expected": expected,
    }


def _categories(occurrence):
    """Each participant category with its seats, seat holders, registrations awaiting a decision and waitlist."""
    categories = (
        ParticipantCategory.objects.filter(occurrence=occurrence)
        .annotate(
            held=Count("registrations", filter=holding_seat_q("registrations")),
            pending=Count("registrations", filter=Q(registrations__status__in=[S.SUBMITTED, S.UNDER_REVIEW])),
            waitlisted=Count("registrations", filter=Q(registrations__status=S.WAITLISTED)),
        )
        .order_by("order", "pk")
    )
    return [
        {
            "name": c.name,
            "colour": c.badge_colour,
            "taken": c.held,
            "seats": c.capacity,
            "pending": c.pending,
            "waitlisted": c.waitlisted,
            "needs_review": c.needs_review,
        }
        for c in categories
    ]


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


def registration_certificate_link(registration):
    """The official's registration page offers the certificate once its PDF is built."""
    certificate = (
        Certificate.objects.filter(registration=registration, verification__revoked_at__isnull=True)
        .exclude(file="")
        .first()
    )
    if certificate is None:
        return {}
    return {"certificate_url": reverse("cohorts:certificate_download", args=[certificate.pk])}


def occurrence_host_country_name(occurrence):
    from django_countries.fields import Country

    from participants.self_service import occurrence_host_country

    code = occurrence_host_country(occurrence)
    return str(Country(code).name) if code else ""


def verification_facts(token):
    """What the public verification page shows of a document: nothing beyond number, name,
    program and dates, and whether it was revoked. None for an unknown token."""
    from .models import Verification

    verification = (
        Verification.objects.select_related(
            "certificate__registration__participant",
            "certificate__registration__occurrence__program",
            "invitation_letter__registration__participant",
            "invitation_letter__registration__occurrence__program",
        )
        .filter(token=token)
        .first()
    )
    if verification is None:
        return None
    is_certificate = verification.kind == Verification.Kind.CERTIFICATE
    document = verification.certificate if is_certificate else verification.invitation_letter
    registration = document.registration
    return {
        "kind": verification.kind,
        "kind_label": verification.get_kind_display(),
        "number": document.number if is_certificate else document.reference,
        "name": registration.participant.display_name,
        "program": registration.occurrence.program.name,
        "occurrence": registration.occurrence.title,
        "dates": registration.occurrence.date_display,
        "issued_on": document.issued_on,
        "revoked_at": verification.revoked_at,
    }


def registration_documents(registration):
    """The official's registration page: the certificate and visa letters, each with its state."""
    from .models import InvitationLetter

    context = {}
    certificate = Certificate.objects.filter(registration=registration).select_related("verification").first()
    if certificate is not None:
        context["certificate_revoked"] = certificate.verification.is_revoked
    letters = list(
        InvitationLetter.objects.filter(registration=registration).select_related("verification").order_by("-pk")
    )
    context["invitation_letters"] = [
        {
            "reference": letter.reference,
            "issued_on": letter.issued_on,
            "revoked": letter.verification.is_revoked,
            "url": reverse("cohorts:letter_download", args=[letter.pk]) if letter.file else None,
        }
        for letter in letters
    ]
    return context
