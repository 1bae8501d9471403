"""The admin answers a form error, never a 500, for ids that cannot be ids.

When a change form comes back with an error, Django's autocomplete widget draws the posted
value again by filtering the related table with it (`AutocompleteMixin.optgroups`): a posted
"abc" or a NUL byte for an integer key raises ValueError there, after the form has already
said the value is invalid. Values the related key cannot hold are left out of that redraw, so
the page shows the form's own error ("Select a valid choice").
"""

from django.contrib.admin.widgets import AutocompleteMixin
from django.core.exceptions import ValidationError


def _readable(widget, values):
    remote = widget.field.remote_field
    target = remote.model._meta.get_field(getattr(remote, "field_name", None) or remote.model._meta.pk.name)
    kept = []
    for value in values:
        if "\x00" in str(value):
            continue
        try:
            target.get_prep_value(target.to_python(value))
        except (ValidationError, ValueError, TypeError):
            continue
        kept.append(value)
    return kept


def autocomplete_ignores_unreadable_ids():
    if getattr(AutocompleteMixin.optgroups, "ignores_unreadable_ids", False):
        return
    original = AutocompleteMixin.optgroups

    def optgroups(self, name, value, attr=None):
        return original(self, name, _readable(self, value), attr)

    optgroups.ignores_unreadable_ids = True
    AutocompleteMixin.optgroups = optgroups
