"""The Bureau's monthly report: volumes per type and per organization, median and 90th-percentile
hours from filing to each step, and late counts, for the requests filed in one month that the staff
member reaches. The admin page draws it with charts; the XLSX goes through jobs.xlsx."""

import math
import statistics
from collections import Counter
from datetime import date, datetime, time, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from jobs.xlsx import Sheet, write_workbook

from .models import ServiceLevel, ServiceRequest

# (label, the request's time of that step)
STEP_TIMES = [
    ("registered_at", ServiceRequest.Status.REGISTERED),
    ("assigned_at", ServiceRequest.Status.ASSIGNED_STAFF),
    ("responded_at", ServiceRequest.Status.MID_RESPONSE),
    ("closed_at", ServiceRequest.Status.FINAL_RESPONSE),
]


def month_bounds(year, month):
    tz = timezone.get_current_timezone()
    start = datetime.combine(date(year, month, 1), time.min, tzinfo=tz)
    following = date(year + (month == 12), month % 12 + 1, 1)
    return start, datetime.combine(following, time.min, tzinfo=tz)


def p90(values):
    """Nearest-rank 90th percentile: the smallest value at or above 90% of them."""
    ordered = sorted(values)
    return ordered[math.ceil(0.9 * len(ordered)) - 1]


def was_late(request, level, now):
    if request.overdue_since is not None:
        return True
    first = request.responded_at or now
    final = request.closed_at or now
    return first - request.created_at > timedelta(hours=level.hours_to_mid_response) or (
        final - request.created_at > timedelta(hours=level.hours_to_final_response)
    )


def monthly_figures(requests, *, year, month, now=None):
    now = now or timezone.now()
    start, end = month_bounds(year, month)
    rows = list(requests.filter(created_at__gte=start, created_at__lt=end).select_related("requesting_organization"))
    levels = {level.service: level for level in ServiceLevel.objects.all()}
    late = [r for r in rows if was_late(r, levels.get(r.service) or ServiceLevel(service=r.service), now)]
    per_type = Counter(r.service for r in rows)
    late_per_type = Counter(r.service for r in late)
    types = [
        {"label": label, "count": per_type[value], "late": late_per_type[value]}
        for value, label in ServiceRequest.Service.choices
    ]
    organizations = Counter(r.requesting_organization.name for r in rows).most_common()
    steps = []
    for field, status in STEP_TIMES:
        hours = [(getattr(r, field) - r.created_at).total_seconds() / 3600 for r in rows if getattr(r, field)]
        steps.append(
            {
                "label": status.label,
                "count": len(hours),
                "median": round(statistics.median(hours), 1) if hours else None,
                "p90": round(p90(hours), 1) if hours else None,
            }
        )
    top = max([t["count"] for t in types] + [1])
    for index, row in enumerate(types):
        # The chart's geometry (server-drawn SVG): one 24-unit band per type, bars up to 300 wide.
        row.update(bar=round(300 * row["count"] / top), y=index * 24 + 4, text_y=index * 24 + 16)
        row["count_x"] = row["bar"] + 206
    return {
        "total": len(rows),
        "late": len(late),
        "types": types,
        "chart_height": 24 * len(types) + 8,
        "organizations": organizations,
        "steps": steps,
    }


def monthly_workbook(fileobj, figures, *, year, month):
    title = _("Online Bureau, %(year)s-%(month)02d") % {"year": year, "month": month}
    write_workbook(
        fileobj,
        [
            Sheet(
                _("Per type"),
                [_("Service"), _("Requests"), _("Late")],
                [[t["label"], t["count"], t["late"]] for t in figures["types"]],
                (36, 12, 12),
            ),
            Sheet(_("Per organization"), [_("Local government"), _("Requests")], figures["organizations"], (48, 12)),
            Sheet(
                _("Times"),
                [_("Step"), _("Requests"), _("Median hours"), _("90th percentile hours")],
                [[s["label"], s["count"], s["median"], s["p90"]] for s in figures["steps"]],
                (36, 12, 16, 22),
            ),
        ],
        title=title,
    )
