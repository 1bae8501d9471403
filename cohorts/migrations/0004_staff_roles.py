"""The four staff roles as groups (programs/roles.py): Program staff, Program reviewers,
Check-in desk and Judges, each with exactly its permissions.

Permissions of apps not yet migrated are added by programs.roles' post_migrate handler,
which keeps the groups equal to the table after every later migrate as well.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from programs.roles import roles_sync


def forwards(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    roles_sync(
        group_model=apps.get_model("auth", "Group"), permission_model=apps.get_model("auth", "Permission"), strict=False
    )


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Check-in desk", "Judges"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cohorts", "0003_exchange_cohort_from_programs"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
