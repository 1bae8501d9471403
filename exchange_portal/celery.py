"""The project's Celery application.

Settings come from Django's settings under the CELERY_ namespace. With no broker
configured (no REDIS_URL / CELERY_BROKER_URL) settings turn on task_always_eager, so
the embedded default runs every task in-process.
"""

import os

from celery import Celery, signals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "exchange_portal.settings")

app = Celery("exchange_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@signals.worker_init.connect
@signals.beat_init.connect
def _check_task_limits(**kwargs):
    from .checks import refuse_to_start

    refuse_to_start()
