"""Reads for rosters. Every roster query starts from the staff access rule (programs.access)."""

from django.db import connection
from django.db.models import F, Func

from participants.models import Registration
from participants.selectors import registrations_visible_to

from .models import ColumnSet

FILTER_KEYS = ("occurrence", "program", "status", "pks")


def roster_registrations(*, user, filters):
    """The registrations `filters` selects, among those `user` may see (all of them for user=None, the command line)."""
    qs = Registration.objects.all() if user is None else registrations_visible_to(user)
    if filters.get("occurrence"):
        qs = qs.filter(occurrence_id=filters["occurrence"])
    if filters.get("program"):
        qs = qs.filter(occurrence__program_id=filters["program"])
    if filters.get("status"):
        qs = qs.filter(status__in=filters["status"])
    if filters.get("pks") is not None:
        qs = qs.filter(pk__in=filters["pks"])
    return qs


def roster_answer_keys(queryset):
    """The question keys that occur in the registrations' answers, sorted."""
    qs = queryset.order_by()
    if connection.vendor == "postgresql":
        keys = (
            qs.annotate(key=Func(F("answers"), function="jsonb_object_keys")).values_list("key", flat=True).distinct()
        )
        return sorted(keys)
    found = set()
    for answers in qs.values_list("answers", flat=True).iterator():
        found.update((answers or {}).keys())
    return sorted(found)


def column_set_for(*, program, owner):
    if program is None:
        return None
    return ColumnSet.objects.filter(program=program, owner=owner).first()
