"""Every certificate issued before verification existed gets its own verification link, and the
groups get the rights the new documents need: program staff design certificates and letters,
issue and revoke them; reviewers may look at them."""

import secrets

from django.contrib.auth.management import create_permissions
from django.db import migrations

RIGHTS = {
    "Program staff": {
        "certificate": "view change",
        "verification": "view",
        "signatory": "view add change delete",
        "certificatedesign": "view add change delete",
        "invitationlettertemplate": "view add change delete",
        "invitationletter": "view add change",
    },
    "Program reviewers": {"invitationletter": "view", "verification": "view"},
}


def forwards(apps, schema_editor):
    Certificate = apps.get_model("cohorts", "Certificate")
    Verification = apps.get_model("cohorts", "Verification")
    for certificate in Certificate.objects.filter(verification__isnull=True):
        certificate.verification = Verification.objects.create(kind="certificate", token=secrets.token_urlsafe(24))
        certificate.save(update_fields=["verification"])
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, models in RIGHTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for model, actions in models.items():
            for action in actions.split():
                group.permissions.add(
                    Permission.objects.get(content_type__app_label="cohorts", codename=f"{action}_{model}")
                )


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, models in RIGHTS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        codenames = [f"{action}_{model}" for model, actions in models.items() for action in actions.split()]
        codenames.remove("view_certificate") if "view_certificate" in codenames else None
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="cohorts", codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("cohorts", "0004_verifiable_documents"),
        ("cohorts", "0002_staff_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
