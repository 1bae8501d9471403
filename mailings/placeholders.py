"""The placeholders a message to officials may use, filled per recipient in their language."""

import re

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from formats.names import display_name

PLACEHOLDER_RE = re.compile(r"\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}")

PLACEHOLDERS = {
    "name": _("the official's name"),
    "occurrence": _("the occurrence's title"),
    "dates": _("the occurrence's dates"),
    "location": _("the occurrence's location"),
    "link": _("the link to the registration under “My registrations”"),
}


def unknown_placeholders(text):
    """The names in {braces} that are not placeholders, in the order they appear, once each."""
    found = []
    for name in PLACEHOLDER_RE.findall(text or ""):
        if name not in PLACEHOLDERS and name not in found:
            found.append(name)
    return found


def recipient_values(registration, language):
    """What each placeholder stands for, for this registration; call inside translation.override(language)."""
    participant, occurrence = registration.participant, registration.occurrence
    return {
        # The full name as a reader of `language` writes it (formats.names): the native script
        # when that language writes it, else the romanized name in the culture's order.
        "name": display_name(participant, language),
        "occurrence": occurrence.title,
        "dates": occurrence.date_display,
        "location": occurrence.location_display,
        "link": settings.SITE_URL.rstrip("/")
        + reverse("participants:registration_detail", kwargs={"pk": registration.pk}),
    }


def fill(text, values):
    return PLACEHOLDER_RE.sub(lambda match: str(values.get(match.group(1), match.group(0))), text)
