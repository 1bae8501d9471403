"""Applications by organizations: submit (by a verified official of the organization), then
staff accept or decline with a reason. Every status change is an ApplicationEvent and a notice
to the applicant, written in the same transaction (the outbox sends it after commit).

Until staff decide, the local government may withdraw its application (an official verified
for it, not only the one who sent it): the place is free at once and it may apply again.

Places: a submitted or accepted application holds one. The 13th application to a call of 12
places is refused, not waitlisted: a local government that is refused can ask the staff to add
places (the seed: "flexible depending on the demand").
"""

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.services import user_email_language
from bureau.selectors import organizations_represented_by
from notifications.services import notification_queue
from programs.models import Organization

from .models import ApplicationEvent, OrganizationApplication, OrganizationCall

S = OrganizationApplication.Status

# Staff decide once on a submitted application; an accepted one may still be declined (the
# local government cancels, or the lecture cannot take place), which frees its place.
# Withdrawing is the applicant's own step (application_withdraw), never a staff decision.
TRANSITIONS = {S.SUBMITTED: {S.ACCEPTED, S.DECLINED}, S.ACCEPTED: {S.DECLINED}, S.DECLINED: set(), S.WITHDRAWN: set()}

NOTICES = {
    S.SUBMITTED: "organization_application_received",
    S.ACCEPTED: "organization_application_accepted",
    S.DECLINED: "organization_application_declined",
    S.WITHDRAWN: "organization_application_withdrawn",
}


class ApplicationError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _notify(application, status):
    user = application.submitted_by
    if user is None:
        return
    notification_queue(
        key=f"organization_application:{application.pk}:{status}",
        template=NOTICES[status],
        recipient=user.email,
        language=user_email_language(user),
        context={"organization_application_id": application.pk},
    )


def _record(application, *, from_status, by, note=""):
    ApplicationEvent.objects.create(
        application=application, from_status=from_status, to_status=application.status, by=by, note=note
    )
    _notify(application, application.status)


def application_refusal(*, call, user, organization, now=None):
    """Why `user` may not apply for `organization` to `call` now, or None. The one rule, read by
    the form page (to say it before anything is typed) and checked again under the lock."""
    if not call.is_open(now):
        return _("Applications for this occurrence are not open.")
    if not organizations_represented_by(user).filter(pk=organization.pk).exists():
        return _(
            "You are not verified to act for %(organization)s. Ask for it on the Online Bureau's page; "
            "staff confirm it."
        ) % {"organization": organization}
    if call.cities_only and organization.kind != Organization.Kind.CITY:
        return _("Only cities, counties and districts may apply for this program.")
    if (
        OrganizationApplication.objects.filter(call=call, organization=organization)
        .exclude(status=S.WITHDRAWN)
        .exists()
    ):
        return _("%(organization)s has already applied for this occurrence.") % {"organization": organization}
    if call.places_taken >= call.places:
        return _(
            "All %(places)s places are taken: %(organization)s cannot apply any more. "
            "Write to the organizers if you would like them to add places."
        ) % {"places": call.places, "organization": organization}
    return None


@transaction.atomic
def application_submit(*, call, user, organization, contact_name, contact_email, needs, attendees, **fields):
    # The call row's lock serializes every application to it: the place count and the
    # one-per-organization check below cannot both pass for two parallel requests.
    call = OrganizationCall.objects.select_for_update().select_related("occurrence").get(pk=call.pk)
    refusal = application_refusal(call=call, user=user, organization=organization)
    if refusal:
        raise ApplicationError(refusal)
    application = OrganizationApplication.objects.create(
        call=call,
        organization=organization,
        submitted_by=user,
        contact_name=contact_name,
        contact_email=contact_email,
        needs=needs,
        attendees=attendees,
        contact_phone=fields.get("contact_phone", ""),
        preferred_dates=fields.get("preferred_dates", ""),
    )
    call.places_taken += 1
    call.save(update_fields=["places_taken"])
    _record(application, from_status="", by=user)
    return application


@transaction.atomic
def application_decide(*, application, to_status, by, reason=""):
    """Staff accept or decline. Declining needs a reason, which the applicant reads in the email."""
    call = OrganizationCall.objects.select_for_update().get(pk=application.call_id)
    application = OrganizationApplication.objects.select_for_update().get(pk=application.pk)
    if to_status not in TRANSITIONS[application.status]:
        raise ApplicationError(
            _("An application that is %(status)s cannot become %(to)s.")
            % {"status": application.get_status_display(), "to": S(to_status).label}
        )
    reason = reason.strip()
    if to_status == S.DECLINED and not reason:
        raise ApplicationError(_("Give the reason for declining; the local government reads it."))
    from_status = application.status
    application.status = to_status
    application.decision_reason = reason
    application.save(update_fields=["status", "decision_reason"])
    if from_status in OrganizationApplication.HOLDING_PLACE and to_status not in OrganizationApplication.HOLDING_PLACE:
        _count_places(call)
    _record(application, from_status=from_status, by=by, note=reason)
    return application


def _count_places(call):
    """Under the call's lock: the places taken are the applications holding one (the saved call
    replaces the public pages' version, so the occurrence page shows the places left at once)."""
    call.places_taken = OrganizationApplication.objects.filter(
        call=call, status__in=OrganizationApplication.HOLDING_PLACE
    ).count()
    call.save(update_fields=["places_taken"])


def withdrawal_refusal(*, application, user):
    """Why `user` may not withdraw `application`, or None: read by the application's page (to
    offer the button or not) and checked again under the lock."""
    if not organizations_represented_by(user).filter(pk=application.organization_id).exists():
        return _(
            "You are not verified to act for %(organization)s. Ask for it on the Online Bureau's page; "
            "staff confirm it."
        ) % {"organization": application.organization}
    if application.status == S.WITHDRAWN:
        return _("This application is already withdrawn.")
    if application.status == S.ACCEPTED:
        return _(
            "GAOK's staff have already accepted this application: it can no longer be withdrawn here. "
            "If %(organization)s cannot take part, write to the organizers."
        ) % {"organization": application.organization}
    if application.status != S.SUBMITTED:
        return _("GAOK's staff have already decided on this application: it can no longer be withdrawn.")
    return None


@transaction.atomic
def application_withdraw(*, application, by):
    """The local government withdraws an application staff have not decided on yet; its place is
    free at once. Locks in application_decide's order (the call, then the application), so a
    withdrawal and a decision arriving together are applied one after the other."""
    call = OrganizationCall.objects.select_for_update().get(pk=application.call_id)
    application = (
        OrganizationApplication.objects.select_for_update(of=("self",))
        .select_related("organization")
        .get(pk=application.pk)
    )
    refusal = withdrawal_refusal(application=application, user=by)
    if refusal:
        raise ApplicationError(refusal)
    from_status = application.status
    application.status = S.WITHDRAWN
    application.save(update_fields=["status"])
    _count_places(call)
    _record(application, from_status=from_status, by=by)
    return application
