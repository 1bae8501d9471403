"""The periodic jobs of notifications and reports, as django-celery-beat rows editable in the admin.

rosters.expire_exports is scheduled the same way by rosters 0003.
"""

from django.db import migrations

TIME_ZONE = "Asia/Seoul"

# name: (task, every minute | crontab(minute, hour, day_of_week), description)
JOBS = {
    "notifications: drain the outbox": (
        "notifications.drain_outbox",
        None,
        "Re-publishes notifications that never reached a worker (broker down, lost retry, dead worker).",
    ),
    "notifications: daily reminders": (
        "notifications.send_reminders",
        ("0", "8", "*"),
        "Occurrence starting in 7 days / 1 day, registration deadline, missing follow-up form.",
    ),
    "reports: weekly staff digest": (
        "reports.send_staff_digest",
        ("0", "8", "1"),
        "New registrations, waitlists and occurrences starting soon, per staff member's programs.",
    ),
    "reports: delete old report files": (
        "reports.expire_reports",
        ("30", "3", "*"),
        "Report files older than 30 days.",
    ),
    "reports: purge personal data past retention": (
        "reports.purge_personal_data",
        ("0", "4", "*"),
        "Anonymises participants whose registrations all ended more than PERSONAL_DATA_RETENTION_DAYS ago.",
    ),
}


def create(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    for name, (task, when, description) in JOBS.items():
        schedule = {}
        if when is None:
            schedule["interval"], _ = IntervalSchedule.objects.get_or_create(every=1, period="minutes")
        else:
            minute, hour, day_of_week = when
            schedule["crontab"], _ = CrontabSchedule.objects.get_or_create(
                minute=minute,
                hour=hour,
                day_of_week=day_of_week,
                day_of_month="*",
                month_of_year="*",
                timezone=TIME_ZONE,
            )
        PeriodicTask.objects.update_or_create(
            name=name, defaults={"task": task, "description": description, "enabled": True, **schedule}
        )


def remove(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name__in=list(JOBS)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create, remove)]
