"""Staff pages outside the admin (check-in at the venue), certificate and letter downloads, and the
public verification page of both."""

import datetime

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jobs.storage import private_file_response
from participants.selectors import registrations_visible_to
from workshops.selectors import occurrences_visible_to

from .models import Certificate, InvitationLetter
from .private_files import may_download
from .selectors import checkin_head_count, checkin_scanned, checkin_search, occurrence_days, verification_facts
from .services import (
    CohortError,
    attendance_mark,
    attendance_undo,
    checkin_token_in,
    registration_checkin_qr_png,
    registration_from_checkin_token,
)


def _may_look_up(request):
    # Being staff is not enough: the participant list is for the cohort groups (view attendance).
    if not request.user.has_perm("cohorts.view_attendanceday"):
        raise PermissionDenied


def _managed_occurrence(request, occurrence_id):
    return get_object_or_404(occurrences_visible_to(request.user), pk=occurrence_id)


def _requested_day(request):
    """The day asked for, None when none is given, or False when it is not a date."""
    raw = request.POST.get("day") or request.GET.get("day")
    if not raw:
        return None
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError:
        return False


def _default_day(occurrence, days):
    """Today while the occurrence runs; its first day before or after it."""
    today = timezone.localdate()
    if not days or today in days:
        return today
    return days[0]


def _checkin_page(occurrence_id, *, query, day):
    params = {key: value for key, value in (("q", query), ("day", day and day.isoformat())) if value}
    return redirect(f"{reverse('cohorts:checkin', args=[occurrence_id])}?{urlencode(params)}")


@staff_member_required
def checkin(request, occurrence_id):
    _may_look_up(request)
    occurrence = _managed_occurrence(request, occurrence_id)
    query = request.GET.get("q", "").strip()
    days = occurrence_days(occurrence)
    day = _requested_day(request)
    if not day or (days and day not in days):
        day = _default_day(occurrence, days)
    token = checkin_token_in(query)
    if token is not None:
        try:
            scanned = registration_from_checkin_token(token)
        except CohortError as error:
            messages.error(request, error.message)
            scanned = None
        results = checkin_scanned(occurrence=occurrence, registration=scanned)
    else:
        results = checkin_search(occurrence=occurrence, query=query)
    rows = [{"registration": r, "today": any(a.day == day for a in r.attendance_days.all())} for r in results]
    return render(
        request,
        "cohorts/checkin.html",
        {
            "occurrence": occurrence,
            "query": query,
            "rows": rows,
            "day": day,
            "days": days,
            "count": checkin_head_count(occurrence=occurrence, day=day),
            "may_check_in": request.user.has_perm("cohorts.add_attendanceday"),
            "may_undo": request.user.has_perm("cohorts.delete_attendanceday"),
        },
    )


@staff_member_required
def checkin_count(request, occurrence_id):
    """The head-count of one day, which the check-in page polls (cohorts/checkin.js)."""
    _may_look_up(request)
    occurrence = _managed_occurrence(request, occurrence_id)
    day = _requested_day(request)
    if not day:
        return JsonResponse({"error": _("Give the day as YYYY-MM-DD.")}, status=400)
    return JsonResponse(checkin_head_count(occurrence=occurrence, day=day))


@staff_member_required
def checkin_token(request, token):
    """The page a phone camera opens from the QR code on the confirmation email."""
    _may_look_up(request)
    try:
        registration = registration_from_checkin_token(token)
    except CohortError as error:
        return render(request, "cohorts/checkin_token.html", {"error": error.message}, status=400)
    if registration is None or not registrations_visible_to(request.user).filter(pk=registration.pk).exists():
        raise Http404
    day = _default_day(registration.occurrence, occurrence_days(registration.occurrence))
    checked_in = registration.attendance_days.filter(day=day).exists()
    return render(
        request,
        "cohorts/checkin_token.html",
        {
            "registration": registration,
            "occurrence": registration.occurrence,
            "day": day,
            "checked_in": checked_in,
        },
    )


def _registration_for_attendance(request, registration_id, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied
    return get_object_or_404(
        registrations_visible_to(request.user).select_related("participant", "occurrence"), pk=registration_id
    )


@staff_member_required
@require_POST
def checkin_mark(request, registration_id):
    registration = _registration_for_attendance(request, registration_id, "cohorts.add_attendanceday")
    day = _requested_day(request)
    query = request.POST.get("q", "")
    if not day:
        messages.error(request, _("“%(day)s” is not a date; nobody was checked in.") % {"day": request.POST.get("day")})
        return _checkin_page(registration.occurrence_id, query=query, day=None)
    try:
        attendance_mark(registration=registration, day=day, by=request.user)
    except CohortError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("%(name)s checked in for %(day)s.") % {"name": registration.participant, "day": day}
        )
    return _checkin_page(registration.occurrence_id, query=query, day=day)


@staff_member_required
@require_POST
def checkin_undo(request, registration_id):
    registration = _registration_for_attendance(request, registration_id, "cohorts.delete_attendanceday")
    day = _requested_day(request)
    query = request.POST.get("q", "")
    if not day:
        messages.error(request, _("“%(day)s” is not a date; nothing was undone.") % {"day": request.POST.get("day")})
        return _checkin_page(registration.occurrence_id, query=query, day=None)
    try:
        attendance_undo(registration=registration, day=day, by=request.user)
    except CohortError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("The check-in of %(name)s for %(day)s is undone.") % {"name": registration.participant, "day": day},
        )
    return _checkin_page(registration.occurrence_id, query=query, day=day)


@staff_member_required
def checkin_qr(request, registration_id):
    _may_look_up(request)
    registration = get_object_or_404(registrations_visible_to(request.user), pk=registration_id)
    return HttpResponse(registration_checkin_qr_png(registration), content_type="image/png")


@login_required
def certificate_download(request, certificate_id):
    certificate = get_object_or_404(
        Certificate.objects.select_related("registration__participant", "verification"), pk=certificate_id
    )
    if not may_download(request.user, certificate, "cohorts.view_certificate"):
        raise Http404
    return private_file_response(
        certificate.file.name, filename=f"{certificate.number}.pdf", content_type="application/pdf"
    )


@login_required
def letter_download(request, letter_id):
    letter = get_object_or_404(
        InvitationLetter.objects.select_related("registration__participant", "verification"), pk=letter_id
    )
    if not may_download(request.user, letter, "cohorts.view_invitationletter"):
        raise Http404
    return private_file_response(letter.file.name, filename=f"{letter.reference}.pdf", content_type="application/pdf")


def verify(request, token):
    """Public: anyone holding the link (a consulate, an employer) sees whether the document is genuine."""
    facts = verification_facts(token)
    response = render(request, "cohorts/verify.html", {"facts": facts}, status=200 if facts else 404)
    # Never cached by a shared proxy, and never indexed: a revocation must show at once.
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
