"""Form fields drawn in Python with crispy-bootstrap5's markup (participants/widgets.py)."""

from django import template

from participants.widgets import render_field, render_form

register = template.Library()

register.filter("form_field", render_field)
register.filter("form_fields", render_form)


@register.filter
def get_item(mapping, key):
    """mapping[key] in a template (a form's question by its field name), or None."""
    return (mapping or {}).get(key)
