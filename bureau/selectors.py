"""Who sees which requests: a requester those of the organizations they are verified for, Bureau
staff those of their departments (and, where they run the Online Bureau program, the ones no
department holds yet); superusers all."""

from django.contrib.auth import get_user_model
from django.db.models import Case, Count, IntegerField, Max, Q, Value, When

from programs.access import organizations_of, programs_visible_to
from programs.models import Organization, Program

from .apps import BUREAU_PROGRAM_SLUG
from .models import Requester, ServiceRequest


def organizations_represented_by(user):
    """The local governments the account is verified to act for."""
    if not user.is_authenticated:
        return Organization.objects.none()
    return Organization.objects.filter(
        bureau_requesters__user=user, bureau_requesters__verified_at__isnull=False
    ).order_by("name")


def requester_links(user):
    return Requester.objects.filter(user=user).select_related("organization")


def requests_visible_to_requester(user):
    return ServiceRequest.objects.filter(requesting_organization__in=organizations_represented_by(user))


def requests_visible_to_staff(user):
    if user.is_superuser:
        return ServiceRequest.objects.all()
    if not user.is_staff:
        return ServiceRequest.objects.none()
    reach = Q(department__in=organizations_of(user))
    if programs_visible_to(user).filter(slug=BUREAU_PROGRAM_SLUG).exists():
        reach |= Q(department__isnull=True)
    return ServiceRequest.objects.filter(reach)


def request_for_requester(user, reference):
    return (
        requests_visible_to_requester(user)
        .select_related("requesting_organization", "department", "assignee", "requested_by")
        .prefetch_related("events__by")
        .filter(reference=reference)
        .first()
    )


def conversation(request, *, staff):
    messages = request.messages.select_related("author").prefetch_related("attachments")
    return messages if staff else messages.filter(internal=False)


def department_staff(department):
    return get_user_model().objects.filter(organization=department, is_staff=True, is_active=True)


def staff_to_alert(request):
    """Who hears of a request's news: its department's staff, or the Bureau's managers while no department holds it."""
    if request.department_id:
        return department_staff(request.department_id)
    program = Program.objects.filter(slug=BUREAU_PROGRAM_SLUG).first()
    if program is None:
        return get_user_model().objects.none()
    return get_user_model().objects.filter(is_active=True, is_staff=True, organization__in=program.hosts.all())


def staff_by_round_robin(department):
    """The staff member who was given a request longest ago (never first)."""
    return (
        department_staff(department)
        .annotate(last=Max("assigned_service_requests__assigned_at"))
        .order_by(
            Case(When(last__isnull=True, then=Value(0)), default=Value(1), output_field=IntegerField()), "last", "id"
        )
        .first()
    )


def staff_by_least_loaded(department):
    """The staff member with the fewest requests not yet finally answered."""
    open_requests = ~Q(assigned_service_requests__status=ServiceRequest.Status.FINAL_RESPONSE) & Q(
        assigned_service_requests__isnull=False
    )
    return (
        department_staff(department)
        .annotate(load=Count("assigned_service_requests", filter=open_requests))
        .order_by("load", "id")
        .first()
    )


def is_bureau_manager(user):
    """Staff who run the Online Bureau program (confirm requesters, edit rules and service levels)."""
    return user.is_superuser or (user.is_staff and programs_visible_to(user).filter(slug=BUREAU_PROGRAM_SLUG).exists())
