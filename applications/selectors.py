"""Who sees which applications: an official those of the local governments the Online Bureau
verified them for; staff those of the occurrences they manage (workshops.selectors)."""

from django.db import models
from django.db.models import Q
from django.utils import timezone

from bureau.selectors import organizations_represented_by
from workshops.selectors import occurrences_visible_to

from .models import OrganizationApplication, OrganizationCall


def applications_of_user_organizations(user):
    return (
        OrganizationApplication.objects.filter(organization__in=organizations_represented_by(user))
        .select_related("organization", "call__occurrence__program", "submitted_by")
        .order_by("-created_at")
    )


def application_for_user(user, pk):
    return applications_of_user_organizations(user).prefetch_related("events").filter(pk=pk).first()


def calls_open(*, now=None):
    """The calls local governments may apply to now, the soonest to close first."""
    now = now or timezone.now()
    return (
        OrganizationCall.objects.filter(opens_at__lte=now, occurrence__is_cancelled=False)
        .filter(Q(closes_at__isnull=True) | Q(closes_at__gt=now))
        .select_related("occurrence__program")
        .order_by(models.F("closes_at").asc(nulls_last=True), "occurrence__start_date", "pk")
    )


def next_call_change(*, now=None):
    """When some call next opens or closes (None: nothing scheduled): the occurrence page, cached
    whole for visitors, lives no longer (workshops.public_cache.OCCURRENCE_PAGE_MOMENTS)."""
    now = now or timezone.now()
    bounds = OrganizationCall.objects.filter(occurrence__is_cancelled=False).aggregate(
        opens=models.Min("opens_at", filter=Q(opens_at__gt=now)),
        closes=models.Min("closes_at", filter=Q(closes_at__gt=now)),
    )
    upcoming = [moment for moment in bounds.values() if moment is not None]
    return min(upcoming) if upcoming else None


def applications_visible_to_staff(user):
    if user.is_superuser:
        return OrganizationApplication.objects.all()
    if not user.is_staff:
        return OrganizationApplication.objects.none()
    return OrganizationApplication.objects.filter(call__occurrence__in=occurrences_visible_to(user))


def export_rows(queryset):
    """The header and rows of the Excel export, one application a row (the same columns staff see)."""
    from django.utils.translation import gettext as _

    header = [
        _("Occurrence"),
        _("Local government"),
        _("Native name"),
        _("Status"),
        _("Contact person"),
        _("Contact email"),
        _("Contact telephone"),
        _("Topic and needs"),
        _("Preferred dates"),
        _("Expected attendees"),
        _("Submitted"),
        _("Reason given"),
    ]
    rows = (
        [
            str(a.call.occurrence),
            str(a.organization),
            a.organization.name_native,
            a.get_status_display(),
            a.contact_name,
            a.contact_email,
            a.contact_phone,
            a.needs,
            a.preferred_dates,
            a.attendees,
            a.created_at.replace(tzinfo=None),
            a.decision_reason,
        ]
        for a in queryset.select_related("call__occurrence", "organization").order_by("call_id", "created_at")
    )
    return header, rows
