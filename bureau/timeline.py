"""The six steps of a request as the tracking page draws them: done (when, by whom), current, to come."""

from django.utils.translation import gettext_lazy as _

from .models import ServiceRequest

S = ServiceRequest.Status
STEPS = [
    (S.REQUESTED, _("Request")),
    (S.REGISTERED, _("Registered")),
    (S.ASSIGNED_DEPARTMENT, _("Assigned to a department")),
    (S.ASSIGNED_STAFF, _("Assigned to a staff member")),
    (S.MID_RESPONSE, _("Mid-response")),
    (S.FINAL_RESPONSE, _("Final response")),
]


def who(user):
    if user is None:
        return _("Online Bureau (automatic)")
    return user.get_full_name() or user.email


def timeline(request):
    """[{number, label, state: done|current|skipped|todo, at, by}] from the request's recorded events."""
    reached = {}
    for event in request.events.all():  # prefetched, in order; a reassignment keeps its step
        if event.to_status != event.from_status:
            reached.setdefault(event.to_status, event)
    order = [status for status, _label in STEPS]
    current = order.index(request.status)
    rows = []
    for number, (status, label) in enumerate(STEPS, start=1):
        event = reached.get(status)
        if event is not None:
            state = "current" if status == request.status and status != S.FINAL_RESPONSE else "done"
        elif status == S.MID_RESPONSE and current > order.index(S.MID_RESPONSE):
            state = "skipped"
        else:
            state = "todo"
        rows.append(
            {
                "number": number,
                "status": status.value,
                "label": label,
                "state": state,
                "at": event.at if event else None,
                "by": who(event.by) if event else "",
            }
        )
    return rows
