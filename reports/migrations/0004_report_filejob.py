"""Report becomes a jobs.FileJob, like roster exports: one lifecycle, one owner check, one expiry.

requested_by is renamed owner and created_at created (the columns are renamed, the data stays);
the job fields Report lacked (progress, total, expires_at) are added; "pending" becomes the shared
"queued". A workbook already built expires 30 days after it was requested, as the old clean-up
(reports older than 30 days) had it.
"""

import datetime

import django.db.models.deletion
import jobs.models
from django.conf import settings
from django.db import migrations, models
from django.db.models import F

TTL = datetime.timedelta(days=30)


def forward(apps, schema_editor):
    Report = apps.get_model("reports", "Report")
    Report.objects.filter(status="pending").update(status="queued")
    Report.objects.filter(status="done").update(expires_at=F("created") + TTL, progress=F("rows"), total=F("rows"))


def backward(apps, schema_editor):
    Report = apps.get_model("reports", "Report")
    Report.objects.filter(status="queued").update(status="pending")
    # The old statuses have no "expired": a report whose file is gone shows as done, without a download.
    Report.objects.filter(status="expired").update(status="done")


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0003_alter_report_file"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField(model_name="report", old_name="requested_by", new_name="owner"),
        migrations.RenameField(model_name="report", old_name="created_at", new_name="created"),
        migrations.AlterField(
            model_name="report",
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
            model_name="report",
            name="created",
            field=models.DateTimeField(auto_now_add=True, verbose_name="created"),
        ),
        migrations.AddField(
            model_name="report",
            name="progress",
            field=models.PositiveIntegerField(default=0, verbose_name="rows written"),
        ),
        migrations.AddField(
            model_name="report",
            name="total",
            field=models.PositiveIntegerField(default=0, verbose_name="rows to write"),
        ),
        migrations.AddField(
            model_name="report",
            name="expires_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="expires"),
        ),
        migrations.AlterField(
            model_name="report",
            name="status",
            field=models.CharField(
                choices=[
                    ("queued", "Queued"),
                    ("running", "Running"),
                    ("done", "Ready"),
                    ("delivered", "Downloaded at once"),
                    ("failed", "Failed"),
                    ("expired", "Expired"),
                ],
                db_index=True,
                default="queued",
                max_length=10,
                verbose_name="status",
            ),
        ),
        migrations.AlterField(
            model_name="report",
            name="file",
            field=models.FileField(blank=True, upload_to=jobs.models.job_upload_to, verbose_name="file"),
        ),
        migrations.RunPython(forward, backward),
        migrations.AlterModelOptions(
            name="report",
            options={"ordering": ["-created"], "verbose_name": "report", "verbose_name_plural": "reports"},
        ),
    ]
