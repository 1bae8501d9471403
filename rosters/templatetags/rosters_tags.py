from django import template
from django.utils.translation import gettext_lazy as _

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
