"""Start-up checks of the Celery tasks' limits.

Celery refuses to publish a task whose soft time limit exceeds its hard one (ValueError at
`apply_async`), and beat only logs that as a SchedulingError every minute: a periodic job
would silently never run. These checks fail `manage.py check` (and so every deploy, migrate
and runserver) and stop a worker or beat at start-up instead, naming the task.
"""

from django.conf import settings
from django.core import checks
from django.utils.module_loading import autodiscover_modules

SEND_TASK = "notifications.send"


def _project_tasks(app):
    autodiscover_modules("tasks")  # every app's tasks.py, as a worker loads them
    return {name: app.tasks[name] for name in sorted(app.tasks) if not name.startswith("celery.")}


@checks.register("celery")
def celery_task_limits(app_configs=None, **kwargs):
    from .celery import app

    errors = []
    tasks = _project_tasks(app)
    for name, task in tasks.items():
        soft, hard = task.soft_time_limit, task.time_limit
        if not soft or not hard:
            errors.append(
                checks.Error(
                    f"Celery task {name} has no {'soft ' if not soft else ''}time limit "
                    f"(soft {soft or 'none'}, hard {hard or 'none'}): a stuck run would hold a worker forever.",
                    hint="Give the task soft_time_limit and time_limit in its @shared_task.",
                    id="exchange_portal.E001",
                )
            )
        elif soft >= hard:
            errors.append(
                checks.Error(
                    f"Celery task {name}: its soft time limit ({soft} s) is not below its hard time limit "
                    f"({hard} s), so Celery refuses to publish it and beat never runs it.",
                    hint="Give the task a soft_time_limit below its time_limit.",
                    id="exchange_portal.E002",
                )
            )
    send = tasks.get(SEND_TASK)
    if send is not None and send.soft_time_limit and send.soft_time_limit <= settings.EMAIL_TIMEOUT:
        errors.append(
            checks.Error(
                f"Celery task {SEND_TASK}: its soft time limit ({send.soft_time_limit} s) is not above "
                f"EMAIL_TIMEOUT ({settings.EMAIL_TIMEOUT} s), so a slow mail server is cut off before its own timeout.",
                hint="Lower EMAIL_TIMEOUT or raise the send task's limits.",
                id="exchange_portal.E003",
            )
        )
    stale = getattr(settings, "NOTIFICATION_SENDING_STALE_SECONDS", None)
    if send is not None and stale is not None and send.time_limit and stale <= send.time_limit:
        errors.append(
            checks.Warning(
                f"NOTIFICATION_SENDING_STALE_SECONDS ({stale:g}) is not above the time limit of {SEND_TASK} "
                f"({send.time_limit} s): the drain may send again a message a live worker is still sending.",
                id="exchange_portal.W001",
            )
        )
    return errors


def refuse_to_start(**kwargs):
    """A worker or beat with contradictory task limits stops at once, saying which task."""
    errors = [e for e in celery_task_limits() if e.is_serious()]
    if errors:
        raise SystemExit("Refusing to start:\n" + "\n".join(f"{e.id}: {e.msg}" for e in errors))
