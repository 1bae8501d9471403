"""Start-up checks of the Celery tasks' limits.

Celery refuses to publish a task whose soft time limit exceeds its hard one (ValueError at
`apply_async`), and beat only logs that as a SchedulingError every minute: a periodic job
would silently never run. These checks fail `manage.py check` (and so every deploy, migrate
and runserver) and stop a worker or beat at start-up instead, naming the task.
"""

import os

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


@checks.register()
def site_url_matches_hosts(app_configs=None, **kwargs):
    """Every link in an email starts with SITE_URL: warn at start-up when it cannot reach this site.

    `make run` derives SITE_URL from PORT unless it is set; one set by hand (or left in .env from
    .env.example) easily names a host the site does not answer to, or another port.
    """
    from urllib.parse import urlsplit

    from django.http.request import validate_host

    warnings = []
    url = urlsplit(settings.SITE_URL)
    host = url.hostname or ""
    allowed = settings.ALLOWED_HOSTS or (["localhost", "127.0.0.1", "[::1]"] if settings.DEBUG else [])
    if url.scheme not in ("http", "https") or not host:
        warnings.append(
            checks.Warning(
                f"SITE_URL ({settings.SITE_URL!r}) is not an http(s) address: links in emails will not open.",
                hint="Set SITE_URL to the address people open the portal at, e.g. https://portal.example.org.",
                id="exchange_portal.W010",
            )
        )
    elif not validate_host(host, allowed):
        warnings.append(
            checks.Warning(
                f"SITE_URL's host {host!r} is not in ALLOWED_HOSTS ({', '.join(allowed) or 'empty'}): "
                "the links in emails lead to a site that refuses them.",
                hint="Make SITE_URL name this site, or add its host to ALLOWED_HOSTS.",
                id="exchange_portal.W011",
            )
        )
    port = os.environ.get("PORT")
    if port and host in ("127.0.0.1", "localhost") and str(url.port or "") != port:
        warnings.append(
            checks.Warning(
                f"This server listens on port {port}, but SITE_URL ({settings.SITE_URL}) points at "
                f"{'port ' + str(url.port) if url.port else 'the default port'}: links in emails lead elsewhere.",
                hint="Unset SITE_URL (make run derives it from PORT) or give it this port.",
                id="exchange_portal.W012",
            )
        )
    return warnings
