"""Move the travel follow-up from the JSON field Registration.followup into TravelDetails rows.

The old form stored arrival_date, arrival_flight, departure_date, departure_flight,
accommodation ("host"/"own") and accommodation_notes. Each known key goes to its field; a value
that does not fit (an unreadable date, an unknown choice) and any unknown key are kept word for
word in TravelDetails.notes, so nothing is lost. Backwards, the rows become JSON again with the
old keys; the notes go back to accommodation_notes, followed by the fields the old form never had
as "name: value" lines.
"""

import datetime

from django.db import migrations

TEXT_KEYS = {"arrival_flight": "arrival_number", "departure_flight": "departure_number"}
DATE_KEYS = ("arrival_date", "departure_date")
ACCOMMODATION = ("host", "own")
NEW_ONLY = (
    "arrival_time",
    "arrival_place",
    "pickup_needed",
    "departure_time",
    "departure_place",
    "emergency_name",
    "emergency_relation",
    "emergency_phone",
    "diet",
    "diet_notes",
    "accessibility_needs",
    "room_id",
)


def _date(value):
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return None


def _travel_fields(followup):
    fields, leftovers = {}, []
    for key, value in followup.items():
        if value in (None, ""):
            continue
        if key in DATE_KEYS and _date(value) is not None:
            fields[key] = _date(value)
        elif key in TEXT_KEYS and len(str(value)) <= 40:
            fields[TEXT_KEYS[key]] = str(value)
        elif key == "accommodation" and value in ACCOMMODATION:
            fields["accommodation"] = value
        elif key == "accommodation_notes":
            fields["notes"] = str(value)
        else:
            leftovers.append(f"{key}: {value}")
    arrival, departure = fields.get("arrival_date"), fields.get("departure_date")
    if arrival and departure and departure < arrival:
        # The database refuses such a row; keep both dates as text instead.
        leftovers += [f"arrival_date: {fields.pop('arrival_date')}", f"departure_date: {fields.pop('departure_date')}"]
    if leftovers:
        fields["notes"] = "\n".join([fields["notes"], *leftovers] if "notes" in fields else leftovers)
    return fields


def forwards(apps, schema_editor):
    Registration = apps.get_model("participants", "Registration")
    TravelDetails = apps.get_model("participants", "TravelDetails")
    rows = Registration.objects.exclude(followup={}).exclude(followup__isnull=True).only("pk", "followup")
    for registration in rows.iterator():
        if isinstance(registration.followup, dict):
            fields = _travel_fields(registration.followup)
        else:
            fields = {"notes": str(registration.followup)}
        TravelDetails.objects.update_or_create(registration_id=registration.pk, defaults=fields)


def backwards(apps, schema_editor):
    Registration = apps.get_model("participants", "Registration")
    TravelDetails = apps.get_model("participants", "TravelDetails")
    for travel in TravelDetails.objects.iterator():
        followup = {}
        for key in DATE_KEYS:
            if getattr(travel, key):
                followup[key] = getattr(travel, key).isoformat()
        for key, field in TEXT_KEYS.items():
            if getattr(travel, field):
                followup[key] = getattr(travel, field)
        if travel.accommodation:
            followup["accommodation"] = travel.accommodation
        extra = [
            f"{name}: {getattr(travel, name)}" for name in NEW_ONLY if getattr(travel, name) not in ("", None, False)
        ]
        notes = "\n".join(part for part in [travel.notes, *extra] if part)
        if notes:
            followup["accommodation_notes"] = notes
        Registration.objects.filter(pk=travel.registration_id).update(followup=followup)
    TravelDetails.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("participants", "0005_travel_details")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
