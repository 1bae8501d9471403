"""Online Bureau use cases: a local government's request moves through GAOK's six steps.

request -> registered -> assigned to a department -> assigned to a staff member ->
(mid-response, when the request cannot be answered at once) -> final response.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.services import user_email_language
from notifications.services import notification_queue

from .models import ServiceRequest, ServiceRequestEvent

S = ServiceRequest.Status

# Each step may only follow the one before it; the mid-response is optional.
NEXT_STEPS = {
    S.REQUESTED: {S.REGISTERED},
    S.REGISTERED: {S.ASSIGNED_DEPARTMENT},
    S.ASSIGNED_DEPARTMENT: {S.ASSIGNED_STAFF},
    S.ASSIGNED_STAFF: {S.MID_RESPONSE, S.FINAL_RESPONSE},
    S.MID_RESPONSE: {S.FINAL_RESPONSE},
    S.FINAL_RESPONSE: set(),
}

NOTICES = {
    S.REGISTERED: "service_request_registered",
    S.MID_RESPONSE: "service_request_mid_response",
    S.FINAL_RESPONSE: "service_request_final_response",
}


class ServiceRequestError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _next_reference():
    year = timezone.localdate().year
    prefix = f"OB-{year}-"
    last = (
        ServiceRequest.objects.select_for_update()
        .filter(reference__startswith=prefix)
        .order_by("-reference")
        .values_list("reference", flat=True)
        .first()
    )
    number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{number:06d}"


def _notify(request, status):
    language = user_email_language(request.requested_by) if request.requested_by else settings.LANGUAGE_CODE
    notification_queue(
        key=f"service_request:{request.pk}:{status}",
        template=NOTICES[status],
        recipient=request.contact_email,
        language=language,
        context={"service_request_id": request.pk},
    )


@transaction.atomic
def service_request_submit(*, organization, contact_email, service, subject, body, requested_by=None):
    """A local government files a request; it waits to be registered by GAOK."""
    request = ServiceRequest.objects.create(
        reference=_next_reference(),
        requesting_organization=organization,
        requested_by=requested_by,
        contact_email=contact_email,
        service=service,
        subject=subject,
        body=body,
    )
    ServiceRequestEvent.objects.create(request=request, to_status=S.REQUESTED, by=requested_by)
    return request


@transaction.atomic
def service_request_advance(*, request, to_status, by=None, department=None, assignee=None, response="", note=""):
    """Move a request one step on; refuse with a clear message when the step or its data is missing."""
    request = ServiceRequest.objects.select_for_update().get(pk=request.pk)
    if to_status not in NEXT_STEPS[request.status]:
        raise ServiceRequestError(
            _("A request that is “%(from)s” cannot move to “%(to)s”.")
            % {"from": S(request.status).label, "to": S(to_status).label}
        )
    if to_status == S.ASSIGNED_DEPARTMENT:
        if department is None:
            raise ServiceRequestError(_("Choose the department that will handle the request."))
        request.department = department
    if to_status == S.ASSIGNED_STAFF:
        if assignee is None:
            raise ServiceRequestError(_("Choose the staff member who will handle the request."))
        request.assignee = assignee
    if to_status in (S.MID_RESPONSE, S.FINAL_RESPONSE):
        if not response.strip():
            raise ServiceRequestError(_("Write the response the local government will receive."))
        if to_status == S.MID_RESPONSE:
            request.mid_response = response
        else:
            request.final_response = response
    from_status = request.status
    request.status = to_status
    request.save()
    ServiceRequestEvent.objects.create(request=request, from_status=from_status, to_status=to_status, by=by, note=note)
    if to_status in NOTICES:
        _notify(request, to_status)
    return request
