"""Program staff run the travel logistics of their occurrences: hotels and rooms, and the travel
details officials send (corrected and given a room by staff; officials add them themselves)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = {
    "hotel": "view add change delete",
    "room": "view add change delete",
    "traveldetails": "view change",
}


def _permissions(apps):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return [
        Permission.objects.get(content_type__app_label="participants", codename=f"{action}_{model}")
        for model, actions in PERMISSIONS.items()
        for action in actions.split()
    ]


def grant(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name="Program staff").first()
    if group is not None:
        group.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name="Program staff").first()
    if group is not None:
        group.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("cohorts", "0003_exchange_cohort_from_programs"),
        ("participants", "0006_remove_registration_followup"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
