from django import template
from django.utils.translation import gettext_lazy as _

from ..resources import dry_run_report

register = template.Library()

ACTIONS = {"new": _("will be created"), "update": _("will be updated"), "refused": _("refused")}


@register.simple_tag
def rosters_dry_run_report(result):
    return [
        {"number": number, "action": action, "label": ACTIONS.get(action, action), "reasons": reasons}
        for number, action, reasons in dry_run_report(result)
    ]
