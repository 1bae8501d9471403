"""Online Bureau use cases: a local government's request moves through GAOK's six steps.

request -> registered -> assigned to a department -> assigned to a staff member ->
(mid-response, when the request cannot be answered at once) -> final response.

Registration and both assignments happen at once when the request is filed, by the first
matching AssignmentRule; without one the request waits, registered, for staff to assign it.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.services import user_email_language
from notifications.services import notification_queue
from programs.models import Organization

from . import selectors
from .attachments import AttachmentError, attachments_check
from .models import (
    AssignmentRule,
    Attachment,
    Message,
    OrganizationDomain,
    Requester,
    ServiceRequest,
    ServiceRequestEvent,
)

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


# --- Requesters ------------------------------------------------------------------------


def _domain_of(email):
    return email.rsplit("@", 1)[-1].lower() if "@" in email else ""


@transaction.atomic
def requester_ask(*, user, organization):
    """Ask to act for a local government: verified at once when the organization lists the
    account's (verified) email domain, otherwise when staff confirm it in the admin."""
    if organization.country != "KR" or organization.kind not in (Organization.Kind.PROVINCE, Organization.Kind.CITY):
        raise ServiceRequestError(_("Choose a Korean local government."))
    link, _created = Requester.objects.get_or_create(user=user, organization=organization)
    domain_listed = OrganizationDomain.objects.filter(organization=organization, domain=_domain_of(user.email))
    if not link.is_verified and user.email_verified_at is not None and domain_listed.exists():
        link.verified_at, link.verified_via = timezone.now(), Requester.Via.DOMAIN
        link.save(update_fields=["verified_at", "verified_via"])
    return link


@transaction.atomic
def requester_confirm(*, requester, by):
    requester = Requester.objects.select_for_update().get(pk=requester.pk)
    if not requester.is_verified:
        requester.verified_at, requester.verified_via, requester.verified_by = timezone.now(), Requester.Via.STAFF, by
        requester.save(update_fields=["verified_at", "verified_via", "verified_by"])
    return requester


# --- Requests --------------------------------------------------------------------------


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


def _notify_message(request, message):
    """A Bureau message (not an internal note) reaches the requester by email too, in their language."""
    language = user_email_language(request.requested_by) if request.requested_by else settings.LANGUAGE_CODE
    notification_queue(
        key=f"service_request:{request.pk}:message:{message.pk}",
        template="service_request_message",
        recipient=request.contact_email,
        language=language,
        context={"service_request_id": request.pk, "bureau_message_id": message.pk},
    )


def _notify_staff_of_message(request, message):
    """A requester's message reaches the staff of the department handling the request, each in their language."""
    for user in selectors.staff_to_alert(request):
        notification_queue(
            key=f"service_request:{request.pk}:message:{message.pk}:{user.pk}",
            template="service_request_requester_message",
            recipient=user.email,
            language=user_email_language(user),
            context={"service_request_id": request.pk, "bureau_message_id": message.pk, "recipient_user_id": user.pk},
        )


def _save_attachments(request, checked, *, by, saved, message=None):
    """Store each file; `saved` collects the stored names so a failed transaction can remove them."""
    for upload, content_type in checked:
        attachment = Attachment(
            request=request,
            message=message,
            name=(upload.name or "file")[:200],
            content_type=content_type,
            size=upload.size,
            uploaded_by=by,
        )
        attachment.file.save("file", upload, save=False)
        saved.append((attachment.file.storage, attachment.file.name))
        attachment.save()


def _delete_files(saved):
    for storage, name in saved:
        storage.delete(name)


def _check_uploads(uploads):
    try:
        return attachments_check(uploads)
    except AttachmentError as exc:
        raise ServiceRequestError(exc.message) from exc


def service_request_submit(
    *,
    organization,
    contact_email,
    service,
    subject,
    body,
    requested_by,
    source_language="",
    target_language="",
    starts_on=None,
    ends_on=None,
    desired_deadline=None,
    uploads=(),
):
    """A verified requester files for their local government; it is registered and assigned at once."""
    if not selectors.organizations_represented_by(requested_by).filter(pk=organization.pk).exists():
        raise ServiceRequestError(
            _("You are not verified to act for %(organization)s.") % {"organization": organization}
        )
    if not subject.strip() or not body.strip():
        raise ServiceRequestError(_("Write a subject and the details of the request."))
    if starts_on and ends_on and ends_on < starts_on:
        raise ServiceRequestError(_("The end date is before the start date."))
    if desired_deadline and desired_deadline < timezone.localdate():
        raise ServiceRequestError(_("The desired deadline has already passed."))
    checked, saved = _check_uploads(uploads), []
    try:
        request = _submit(
            checked,
            saved,
            fields={
                "requesting_organization": organization,
                "requested_by": requested_by,
                "contact_email": contact_email,
                "service": service,
                "subject": subject.strip(),
                "body": body.strip(),
                "source_language": source_language,
                "target_language": target_language,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "desired_deadline": desired_deadline,
            },
        )
    except BaseException:
        _delete_files(saved)  # nothing half-saved: no row, no file
        raise
    return request


@transaction.atomic
def _submit(checked, saved, *, fields):
    request = ServiceRequest.objects.create(reference=_next_reference(), **fields)
    ServiceRequestEvent.objects.create(request=request, to_status=S.REQUESTED, by=request.requested_by)
    _save_attachments(request, checked, by=request.requested_by, saved=saved)
    return service_request_route(request=request)


def assignment_rule_for(request):
    for rule in AssignmentRule.objects.filter(active=True).select_related("department"):
        if rule.service in ("", request.service) and rule.language in ("", request.language):
            return rule
    return None


def service_request_route(*, request):
    """Register the request and assign it by the first matching rule (the "immediately assigned" steps)."""
    request = service_request_advance(request=request, to_status=S.REGISTERED)
    rule = assignment_rule_for(request)
    if rule is None:
        return request
    request = service_request_advance(request=request, to_status=S.ASSIGNED_DEPARTMENT, department=rule.department)
    # One pick at a time per department, so two requests filed together go to two people.
    Organization.objects.select_for_update().filter(pk=rule.department_id).first()
    pick = (
        selectors.staff_by_round_robin
        if rule.strategy == AssignmentRule.Strategy.ROUND_ROBIN
        else selectors.staff_by_least_loaded
    )
    assignee = pick(rule.department)
    if assignee is not None:
        request = service_request_advance(request=request, to_status=S.ASSIGNED_STAFF, assignee=assignee)
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
    now = timezone.now()
    if to_status == S.REGISTERED:
        request.registered_at = now
    if to_status == S.ASSIGNED_DEPARTMENT:
        if department is None:
            raise ServiceRequestError(_("Choose the department that will handle the request."))
        request.department = department
    if to_status == S.ASSIGNED_STAFF:
        if assignee is None:
            raise ServiceRequestError(_("Choose the staff member who will handle the request."))
        if request.department_id and assignee.organization_id != request.department_id:
            raise ServiceRequestError(_("Choose a staff member of the request's department."))
        request.assignee, request.assigned_at = assignee, now
    if to_status in (S.MID_RESPONSE, S.FINAL_RESPONSE):
        if not response.strip():
            raise ServiceRequestError(_("Write the response the local government will receive."))
        if to_status == S.MID_RESPONSE:
            request.mid_response = response
        else:
            request.final_response, request.closed_at = response, now
        request.responded_at = request.responded_at or now
        Message.objects.create(request=request, author=by, from_staff=True, body=response)
    from_status = request.status
    request.status = to_status
    if to_status == S.FINAL_RESPONSE:
        request.overdue_since, request.overdue_step = None, ""
    request.save()
    ServiceRequestEvent.objects.create(request=request, from_status=from_status, to_status=to_status, by=by, note=note)
    if to_status in NOTICES:
        _notify(request, to_status)
    return request


@transaction.atomic
def service_request_reassign(*, request, by, department, assignee=None):
    """Staff move a request to another department or staff member; its step stays, the change is recorded."""
    request = ServiceRequest.objects.select_for_update().get(pk=request.pk)
    if request.status in (S.REQUESTED, S.REGISTERED, S.FINAL_RESPONSE):
        raise ServiceRequestError(_("Only a request being handled can be reassigned; use the next step instead."))
    if assignee is not None and assignee.organization_id != department.pk:
        raise ServiceRequestError(_("Choose a staff member of the request's department."))
    if assignee is None and request.status != S.ASSIGNED_DEPARTMENT:
        raise ServiceRequestError(_("Choose the staff member who will handle the request."))
    request.department = department
    if assignee is not None:
        request.assignee, request.assigned_at = assignee, timezone.now()
    request.save()
    ServiceRequestEvent.objects.create(
        request=request,
        from_status=request.status,
        to_status=request.status,
        by=by,
        note=_("Reassigned to %(who)s") % {"who": f"{department}" + (f" · {assignee}" if assignee else "")},
    )
    return request


def service_request_message(*, request, author, body, uploads=(), from_staff=False, internal=False):
    """One turn of the conversation: the requester answers and adds files, staff ask or note."""
    if internal and not from_staff:
        raise ServiceRequestError(_("Only Bureau staff write internal notes."))
    if not from_staff and not selectors.requests_visible_to_requester(author).filter(pk=request.pk).exists():
        raise ServiceRequestError(_("You are not verified to act for this request's local government."))
    if not body.strip() and not uploads:
        raise ServiceRequestError(_("Write a message or attach a file."))
    checked, saved = _check_uploads(uploads), []
    try:
        with transaction.atomic():
            message = Message.objects.create(
                request=request, author=author, from_staff=from_staff, internal=internal, body=body.strip()
            )
            _save_attachments(request, checked, by=author, saved=saved, message=message)
            if from_staff and not internal:
                _notify_message(request, message)
            elif not from_staff:
                _notify_staff_of_message(request, message)
    except BaseException:
        _delete_files(saved)
        raise
    return message
