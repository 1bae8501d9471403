"""Program staff grant focal points; reviewers see them. The groups are those of cohorts 0002
(created here too if this runs first: get_or_create on both sides)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = {
    "Program staff": ["view_focalpoint", "add_focalpoint", "change_focalpoint"],
    "Program reviewers": ["view_focalpoint"],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("delegations")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*Permission.objects.filter(content_type__app_label="delegations", codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("delegations", "0001_focal_points_nominations"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
