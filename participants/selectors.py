"""Reads of participants and registrations that pages, admins, exports and reports share."""

from django.db import connection

from programs.models import Program
from workshops.selectors import occurrences_visible_to

from .models import Participant, ParticipantCategory, Registration

K = Program.Kind
# Programs whose accepted participants travel and must send their travel plans.
FOLLOWUP_KINDS = {K.WORKSHOP, K.CONFERENCE, K.EVENT, K.FORUM, K.TRAINING, K.EXCHANGE, K.OVERSEAS_TRAINING}


def asks_followup(program):
    return program.kind in FOLLOWUP_KINDS


def occurrence_categories(occurrence):
    """The occurrence's participant categories in their order, each with `seats_taken` as last counted."""
    return list(ParticipantCategory.objects.filter(occurrence=occurrence).order_by("order", "pk"))


def registrations_visible_to(user):
    """The registrations of the occurrences a staff member manages (programs.access)."""
    if user.is_superuser:
        return Registration.objects.all()
    return Registration.objects.filter(occurrence__in=occurrences_visible_to(user).values("pk"))


def registrations_missing_travel(queryset=None):
    """Accepted registrations, in programs that ask for travel details, whose official has not sent
    them yet: the one answer for the reminders and for staff overviews. Narrow it by passing a
    queryset (e.g. registrations_visible_to(user).filter(occurrence=...))."""
    queryset = Registration.objects.all() if queryset is None else queryset
    return queryset.filter(
        status=Registration.Status.ACCEPTED,
        followup_completed_at__isnull=True,
        occurrence__program__kind__in=sorted(FOLLOWUP_KINDS),
    )


def _skip_scan_countries(table, *, scope="", params=()):
    """The distinct `country` values of `table` (rows matching `scope`, an SQL condition), sorted,
    by walking its country index one probe per country found (a "skip scan"): PostgreSQL's
    DISTINCT would read every row, so this costs the same at 100 and at 100,000 rows."""
    sql = f"""
        WITH RECURSIVE found(country) AS (
            (SELECT country FROM {table} WHERE TRUE {scope} ORDER BY country LIMIT 1)
            UNION ALL
            SELECT (SELECT country FROM {table} WHERE country > found.country {scope} ORDER BY country LIMIT 1)
            FROM found WHERE found.country IS NOT NULL
        )
        SELECT country FROM found WHERE country IS NOT NULL
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *params])
        return [row[0] for row in cursor.fetchall()]


def participant_countries(queryset=None):
    """The country codes of officials' profiles (of `queryset` when given), sorted: the countries
    in use, for the participants' country filter.

    Every profile: a skip scan of the country index. A staff member's officials (a queryset): one
    DISTINCT over them, which the admin keeps in the cache for a few minutes."""
    if queryset is None and connection.vendor == "postgresql":
        return _skip_scan_countries(Participant._meta.db_table)
    queryset = Participant.objects.all() if queryset is None else queryset
    return sorted(set(queryset.order_by().values_list("country", flat=True).distinct()))


def registration_countries(*, occurrence_ids=None):
    """The country codes that occur among registrations (of `occurrence_ids` when given), sorted.

    A DISTINCT over the table reads every row; on PostgreSQL this walks the (country, occurrence)
    index instead, one probe per country found (a "skip scan"), so choosing a country in the admin
    costs the same at 100 and at 100,000 registrations."""
    if connection.vendor != "postgresql":
        queryset = Registration.objects.all()
        if occurrence_ids is not None:
            queryset = queryset.filter(occurrence_id__in=occurrence_ids)
        return sorted(set(queryset.order_by().values_list("country", flat=True)))
    if occurrence_ids is None:
        return _skip_scan_countries(Registration._meta.db_table)
    return _skip_scan_countries(
        Registration._meta.db_table, scope="AND occurrence_id = ANY(%s)", params=[list(occurrence_ids)]
    )
