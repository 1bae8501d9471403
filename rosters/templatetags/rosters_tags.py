import datetime

from django import template
from django.utils.translation import gettext_lazy as _

from formats.dates import date_long, datetime_tz

from ..resources import dry_run_report

register = template.Library()

ACTIONS = {
    "new": _("will be created"),
    "update": _("will be updated"),
    "unchanged": _("no change"),
    "refused": _("refused"),
}


@register.simple_tag
def rosters_dry_run_report(result):
    """Row by row: the result, the delegate's name, and the values written or the changes made."""
    rows = getattr(result, "delegate_rows", {})
    return [
        {
            "number": number,
            "action": action,
            "label": ACTIONS.get(action, action),
            "reasons": reasons,
            **rows.get(number, {"name": "", "email": "", "values": [], "changes": []}),
        }
        for number, action, reasons in dry_run_report(result)
    ]


@register.filter
def roster_cell(value):
    """A roster value as the page shows it: dates in the page's language, nothing for empty."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return datetime_tz(value)
    if isinstance(value, datetime.date):
        return date_long(value)
    return value
