"""Service levels: which open requests are late, and for which step, as the periodic task sees them.

A request is late for registration, for its first response (mid or final) or for its final
response when the hours its type allows (ServiceLevel; the model's defaults without a row) have
passed since it was filed. The flag follows the request: it moves to the next missed step, and
clears when nothing is missed any more (a late first response once answered, the final response).
Each newly missed step alerts the department's staff (or the Bureau's managers while no department
holds it) through the outbox, once per step and person.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from accounts.services import user_email_language
from notifications.services import notification_queue

from . import selectors
from .models import ServiceLevel, ServiceRequest

S = ServiceRequest.Status


def missed_step(request, level, now):
    elapsed = now - request.created_at
    if request.status == S.REQUESTED and elapsed > timedelta(hours=level.hours_to_register):
        return S.REGISTERED
    if request.responded_at is None and elapsed > timedelta(hours=level.hours_to_mid_response):
        return S.MID_RESPONSE
    if request.status != S.FINAL_RESPONSE and elapsed > timedelta(hours=level.hours_to_final_response):
        return S.FINAL_RESPONSE
    return None


def _alert(request, step):
    for user in selectors.staff_to_alert(request):
        notification_queue(
            key=f"service_request:{request.pk}:late:{step}:{user.pk}",
            template="service_request_late",
            recipient=user.email,
            language=user_email_language(user),
            context={"service_request_id": request.pk, "recipient_user_id": user.pk},
        )


def service_requests_flag_late(*, now=None):
    """Flag, move or clear each open request's lateness; returns how many were newly flagged."""
    now = now or timezone.now()
    levels = {level.service: level for level in ServiceLevel.objects.all()}
    flagged = 0
    candidates = ServiceRequest.objects.exclude(status=S.FINAL_RESPONSE, overdue_since__isnull=True)
    for pk in candidates.values_list("pk", flat=True):
        with transaction.atomic():
            request = ServiceRequest.objects.select_for_update().get(pk=pk)
            step = missed_step(request, levels.get(request.service) or ServiceLevel(service=request.service), now)
            if (step or "") == request.overdue_step:
                continue
            request.overdue_step = step or ""
            request.overdue_since = now if step else None
            request.save(update_fields=["overdue_step", "overdue_since", "updated_at"])
            if step:
                flagged += 1
                _alert(request, step)
    return flagged
