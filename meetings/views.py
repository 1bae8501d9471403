"""The focal point's schedule and request form, one page per meeting (where the requested side's
focal point or staff accept it with a slot and a room, decline, move or cancel it) and its .ics.
Times are read and written in the occurrence's time zone. A meeting of a delegation that is not
the user's, of an occurrence they do not manage, is a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from delegations.selectors import allocations_of_focal_point
from workshops.selectors import occurrences_visible_to

from .calendar import meeting_ical
from .errors import MeetingError
from .forms import DeclineForm, MeetingRequestForm, MeetingScheduleForm
from .models import Meeting, occurrence_time_zone
from .selectors import meeting_for, meetings_of_focal_point, occurrences_with_meetings_for_staff, user_manages_meetings
from .services import meeting_cancel, meeting_decline, meeting_request, meeting_schedule
from .times import slot_text


def _with_times(meetings):
    """Each meeting's slot written in its occurrence's time zone (`when`)."""
    zones = {}
    for meeting in meetings:
        if meeting.occurrence_id not in zones:
            zones[meeting.occurrence_id] = occurrence_time_zone(meeting.occurrence)
        zone = zones[meeting.occurrence_id]
        with timezone.override(zone):
            meeting.when = slot_text(meeting.starts_at, meeting.ends_at) if meeting.starts_at else ""
    return meetings


@login_required
def home(request):
    allocations = list(allocations_of_focal_point(request.user))
    own = {a.pk for a in allocations}
    meetings = _with_times(list(meetings_of_focal_point(request.user)))
    for meeting in meetings:
        meeting.ours_requested = meeting.requester_id in own
    return render(
        request,
        "meetings/home.html",
        {
            "allocations": allocations,
            "meetings": meetings,
            "staff_occurrences": list(occurrences_with_meetings_for_staff(request.user)),
        },
    )


@login_required
def request_meeting(request, allocation_pk):
    allocation = allocations_of_focal_point(request.user).filter(pk=allocation_pk).first()
    if allocation is None:
        raise Http404
    form = MeetingRequestForm(request.POST or None, allocation=allocation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting = meeting_request(
                requester=allocation,
                counterpart=data["counterpart"],
                topic=data["topic"],
                head_id=data["head"].pk,
                attendees=data["attendees"],
                wished_times=data["wished_times"],
                by=request.user,
            )
        except MeetingError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            messages.success(
                request,
                _("Your request for a meeting with %(party)s is sent.") % {"party": meeting.counterpart.party_name},
            )
            return redirect("meetings:detail", pk=meeting.pk)
    status = 400 if request.method == "POST" else 200
    context = {"allocation": allocation, "form": form, "no_nominees": not form.fields["head"].queryset.exists()}
    return render(request, "meetings/request.html", context, status=status)


@login_required
def occurrence_meetings(request, occurrence_pk):
    occurrence = get_object_or_404(occurrences_visible_to(request.user), pk=occurrence_pk)
    if not user_manages_meetings(request.user, occurrence):
        raise Http404
    meetings = _with_times(
        list(
            Meeting.objects.filter(occurrence=occurrence).select_related(
                "occurrence", "requester__organization", "counterpart__organization", "room"
            )
        )
    )
    return render(request, "meetings/occurrence.html", {"occurrence": occurrence, "meetings": meetings})


def _own_meeting(request, pk):
    meeting, roles = meeting_for(request.user, pk)
    if meeting is None:
        raise Http404
    return meeting, roles


def _detail(request, meeting, roles, *, schedule_form=None, decline_form=None, errors=(), status=200):
    zone = occurrence_time_zone(meeting.occurrence)
    with timezone.override(zone):
        can_decide = bool(roles & {"counterpart", "staff"})
        open_ = meeting.status in (Meeting.Status.REQUESTED, Meeting.Status.ACCEPTED)
        if schedule_form is None and can_decide and open_:
            initial = {
                "starts_at": meeting.starts_at and timezone.localtime(meeting.starts_at),
                "ends_at": meeting.ends_at and timezone.localtime(meeting.ends_at),
                "room": meeting.room_id,
                "counterpart_head": meeting.counterpart_head_id,
                "counterpart_attendees": meeting.counterpart_attendees,
            }
            schedule_form = MeetingScheduleForm(meeting=meeting, initial=initial)
        _with_times([meeting])
        return render(
            request,
            "meetings/detail.html",
            {
                "meeting": meeting,
                "roles": roles,
                "time_zone": str(zone),
                "can_decide": can_decide and open_,
                "can_decline": can_decide and meeting.status == Meeting.Status.REQUESTED,
                "can_cancel": open_,
                "schedule_form": schedule_form,
                "decline_form": decline_form or DeclineForm(),
                "errors": list(errors),
            },
            status=status,
        )


@login_required
def detail(request, pk):
    meeting, roles = _own_meeting(request, pk)
    return _detail(request, meeting, roles)


@login_required
@require_POST
def schedule(request, pk):
    meeting, roles = _own_meeting(request, pk)
    if not roles & {"counterpart", "staff"}:
        raise Http404
    with timezone.override(occurrence_time_zone(meeting.occurrence)):
        form = MeetingScheduleForm(request.POST, meeting=meeting)
        if form.is_valid():
            data = form.cleaned_data
            try:
                meeting_schedule(
                    meeting=meeting,
                    starts_at=data["starts_at"],
                    ends_at=data["ends_at"],
                    room=data["room"],
                    counterpart_head_id=data["counterpart_head"].pk,
                    counterpart_attendees=data["counterpart_attendees"],
                    by=request.user,
                )
            except MeetingError as exc:
                return _detail(request, meeting, roles, schedule_form=form, errors=exc.messages, status=409)
            messages.success(request, _("The meeting is scheduled; both delegations are notified."))
            return redirect("meetings:detail", pk=meeting.pk)
    return _detail(request, meeting, roles, schedule_form=form, status=400)


@login_required
@require_POST
def decline(request, pk):
    meeting, roles = _own_meeting(request, pk)
    if not roles & {"counterpart", "staff"}:
        raise Http404
    form = DeclineForm(request.POST)
    if form.is_valid():
        try:
            meeting_decline(meeting=meeting, reason=form.cleaned_data["reason"], by=request.user)
        except MeetingError as exc:
            return _detail(request, meeting, roles, decline_form=form, errors=exc.messages, status=409)
        messages.success(request, _("The meeting request is declined; both delegations are notified."))
        return redirect("meetings:detail", pk=meeting.pk)
    return _detail(request, meeting, roles, decline_form=form, status=400)


@login_required
@require_POST
def cancel(request, pk):
    meeting, roles = _own_meeting(request, pk)
    try:
        meeting_cancel(meeting=meeting, by=request.user)
    except MeetingError as exc:
        return _detail(request, meeting, roles, errors=exc.messages, status=409)
    messages.success(request, _("The meeting is cancelled; both delegations are notified."))
    return redirect("meetings:detail", pk=meeting.pk)


@login_required
def ics(request, pk):
    meeting, _roles = _own_meeting(request, pk)
    if meeting.status != Meeting.Status.ACCEPTED:
        raise Http404
    response = HttpResponse(meeting_ical(meeting), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.pk}.ics"'
    return response
