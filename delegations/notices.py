"""The notices delegations sends: the focal point's invitation, the nominee's invitation link, reminders."""

from notifications.registry import context_loader, notice_kinds

notice_kinds(
    "focal_point_invitation",
    "nomination_invitation",
    "delegation_reminder_focal_point",
    "delegation_reminder_nominee",
    app="delegations",
)


@context_loader("focal_point_id")
def _focal_point(focal_point_id):
    from .models import FocalPoint

    focal_point = FocalPoint.objects.select_related("occurrence", "program", "organization").get(pk=focal_point_id)
    return {"focal_point": focal_point}


@context_loader("nomination_id")
def _nomination(nomination_id):
    from .models import Nomination

    nomination = Nomination.objects.select_related(
        "allocation__occurrence__program", "allocation__organization", "nominated_by"
    ).get(pk=nomination_id)
    return {
        "nomination": nomination,
        "allocation": nomination.allocation,
        "occurrence": nomination.allocation.occurrence,
    }


@context_loader("allocation_id")
def _allocation(allocation_id):
    from workshops.models import CountryQuota

    allocation = CountryQuota.objects.select_related("occurrence__program", "organization").get(pk=allocation_id)
    return {"allocation": allocation, "occurrence": allocation.occurrence}
