"""Evaluation surveys go out from beat: a django-celery-beat row, editable in the admin."""

from django.db import migrations

NAME = "aftercare: send evaluation surveys and their reminder"


def create(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    hourly, _ = CrontabSchedule.objects.get_or_create(
        minute="5", hour="*", day_of_week="*", day_of_month="*", month_of_year="*", timezone="Asia/Seoul"
    )
    PeriodicTask.objects.update_or_create(
        name=NAME,
        defaults={
            "task": "aftercare.send_surveys",
            "crontab": hourly,
            "enabled": True,
            "description": "Surveys of occurrences that ended before today, then one reminder 4 days later.",
        },
    )


def remove(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("aftercare", "0002_evaluation_surveys"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create, remove)]
