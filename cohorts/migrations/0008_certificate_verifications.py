"""Every certificate issued before verification existed gets its own verification link.
(The rights the new documents need are in the roles table, programs/roles.py.)"""

import secrets

from django.db import migrations


def forwards(apps, schema_editor):
    Certificate = apps.get_model("cohorts", "Certificate")
    Verification = apps.get_model("cohorts", "Verification")
    for certificate in Certificate.objects.filter(verification__isnull=True):
        certificate.verification = Verification.objects.create(kind="certificate", token=secrets.token_urlsafe(24))
        certificate.save(update_fields=["verification"])


class Migration(migrations.Migration):
    dependencies = [("cohorts", "0007_verifiable_documents")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
