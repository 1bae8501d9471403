"""ExportJob becomes a jobs.FileJob: its fields were already the shared ones, so only the owner's
reverse name and help text and the file's placement function (same folders) change; no column does."""

import django.db.models.deletion
import jobs.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("rosters", "0003_beat_schedule"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="exportjob",
            name="owner",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="%(app_label)s_%(class)s_set",
                to=settings.AUTH_USER_MODEL,
                verbose_name="owner",
            ),
        ),
        migrations.AlterField(
            model_name="exportjob",
            name="file",
            field=models.FileField(blank=True, upload_to=jobs.models.job_upload_to, verbose_name="file"),
        ),
    ]
