"""The daily reminders moved from notifications to participants (the app that owns the data
they read): the beat row created by reports 0002 follows the task's new name."""

from django.db import migrations

OLD = ("notifications: daily reminders", "notifications.send_reminders")
NEW = ("participants: daily reminders", "participants.send_reminders")


def rename(apps, schema_editor, old=OLD, new=NEW):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(name=old[0], task=old[1]).update(name=new[0], task=new[1])


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, old=NEW, new=OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0004_report_filejob"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(rename, rename_back)]
