"""The Bureau's periodic job as a django-celery-beat row editable in the admin: every 5 minutes,
flag the requests past their service level and alert their department."""

from django.db import migrations

JOBS = {
    "bureau: flag late requests": (
        "bureau.flag_late_requests",
        5,
        "Flags Online Bureau requests past their service level and alerts the department.",
    ),
}


def create(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    for name, (task, minutes, description) in JOBS.items():
        interval, _ = IntervalSchedule.objects.get_or_create(every=minutes, period="minutes")
        PeriodicTask.objects.update_or_create(
            name=name, defaults={"task": task, "description": description, "enabled": True, "interval": interval}
        )


def remove(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name__in=list(JOBS)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("bureau", "0003_requesters_attachments_conversation_rules_levels"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create, remove)]
