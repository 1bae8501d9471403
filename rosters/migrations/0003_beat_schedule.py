"""Schedule rosters.expire_exports as a django-celery-beat row, like every other periodic job.

It was scheduled through CELERY_BEAT_SCHEDULE, which the database scheduler copies into the
table on every start and so resets any change made in the admin; now every periodic job is a
row created by a migration, and editable in one place.
"""

from django.db import migrations

OLD_NAME = "rosters-expire-exports"
NAME = "rosters: delete expired exports"


def create(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask.objects.filter(name=OLD_NAME).delete()
    hourly, _ = IntervalSchedule.objects.get_or_create(every=1, period="hours")
    PeriodicTask.objects.update_or_create(
        name=NAME,
        defaults={
            "task": "rosters.expire_exports",
            "interval": hourly,
            "enabled": True,
            "description": "Deletes roster export files past ROSTERS_EXPORT_TTL_HOURS.",
        },
    )


def remove(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("rosters", "0002_alter_exportjob_file"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create, remove)]
