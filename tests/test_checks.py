"""The start-up check of the Celery tasks' limits (exchange_portal/checks.py)."""

import pytest

from exchange_portal.celery import app as celery_app
from exchange_portal.checks import celery_task_limits

pytestmark = pytest.mark.unit


def test_the_projects_tasks_pass():
    assert [f"{e.id}: {e.msg}" for e in celery_task_limits() if e.is_serious()] == []


def test_a_task_with_a_hard_limit_under_the_global_soft_limit_is_named(settings):
    # The bug that stopped the outbox drain: time_limit=300 under the global soft limit of 840.
    @celery_app.task(name="tests.only_a_hard_limit", time_limit=300)
    def only_a_hard_limit():
        return None

    try:
        errors = celery_task_limits()
    finally:
        celery_app.tasks.pop("tests.only_a_hard_limit")
    assert [(e.id, e.msg) for e in errors if "tests.only_a_hard_limit" in e.msg] == [
        (
            "exchange_portal.E002",
            "Celery task tests.only_a_hard_limit: its soft time limit (840 s) is not below its hard time limit "
            "(300 s), so Celery refuses to publish it and beat never runs it.",
        )
    ]


def test_a_task_with_no_limit_at_all_is_named():
    @celery_app.task(name="tests.no_limit", time_limit=None, soft_time_limit=None)
    def no_limit():
        return None

    celery_app.tasks["tests.no_limit"].time_limit = None
    celery_app.tasks["tests.no_limit"].soft_time_limit = None
    try:
        errors = celery_task_limits()
    finally:
        celery_app.tasks.pop("tests.no_limit")
    assert [e.id for e in errors if "tests.no_limit" in e.msg] == ["exchange_portal.E001"]


def test_a_mail_timeout_above_the_send_tasks_soft_limit_is_refused(settings):
    settings.EMAIL_TIMEOUT = 61
    errors = celery_task_limits()
    assert [e.id for e in errors] == ["exchange_portal.E003"]
    assert "EMAIL_TIMEOUT (61 s)" in errors[0].msg
