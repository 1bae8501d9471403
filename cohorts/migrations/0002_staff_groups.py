"""Groups staff are put in. (Exchange cohorts moved from programs to cohorts: their
permissions are granted by cohorts 0003.) Which programs they reach is decided by their organization
(programs.access); these groups decide what they may do there."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = {
    # Run cohorts: review, place, certify, check in, score.
    "Program staff": {
        "participants": {
            "participant": "view add change",
            "registration": "view change",
            "registrationstatuschange": "view",
        },
        "workshops": {
            "occurrence": "view change",
            "countryquota": "view add change delete",
            "agendaitem": "view add change delete",
        },
        "programs": {
            "program": "view change",
            "costshare": "view add change",
            "agreement": "view change",
            "organization": "view",
        },
        "cohorts": {
            "placement": "view add change delete",
            "allowancepayment": "view add change delete",
            "certificate": "view",
            "attendanceday": "view add delete",
            "speechround": "view add change delete",
            "speechentry": "view add change delete",
            "speechscore": "view add change delete",
        },
    },
    # Decide on applications and see the cohort; nothing else.
    "Program reviewers": {
        "participants": {"participant": "view", "registration": "view change", "registrationstatuschange": "view"},
        "workshops": {"occurrence": "view", "countryquota": "view"},
        "programs": {"program": "view", "organization": "view"},
        "cohorts": {"placement": "view", "certificate": "view", "attendanceday": "view"},
    },
}


def create_groups(apps, schema_editor):
    # Permissions are normally created after migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, by_app in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        codenames = [
            (app, f"{action}_{model}")
            for app, models in by_app.items()
            for model, actions in models.items()
            for action in actions.split()
        ]
        permissions = [
            Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in codenames
        ]
        group.permissions.set(permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cohorts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("participants", "0002_initial"),
        ("programs", "0001_without_exchange_cohort"),
        ("workshops", "0002_alter_agendaitem_options_alter_countryquota_options_and_more"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
