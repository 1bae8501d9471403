"""Program staff (cohorts 0002) may write to their cohorts and read the messages they sent."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["add_cohortmessage", "view_cohortmessage", "view_cohortmessagerecipient"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("mailings")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    group = apps.get_model("auth", "Group").objects.filter(name="Program staff").first()
    if group is not None:
        Permission = apps.get_model("auth", "Permission")
        group.permissions.add(*Permission.objects.filter(content_type__app_label="mailings", codename__in=CODENAMES))


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name="Program staff").first()
    if group is not None:
        Permission = apps.get_model("auth", "Permission")
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="mailings", codename__in=CODENAMES))


class Migration(migrations.Migration):
    dependencies = [
        ("mailings", "0001_cohort_messages"),
        ("cohorts", "0002_staff_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
