import pytest
from django.conf import settings

from exchange_portal.celery import app as celery_app
from tests.support.smtp import CapturingSMTPServer
from tests.support.workers import WorkerProcess, purge_queue


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def smtp_server():
    server = CapturingSMTPServer().start()
    yield server
    server.stop()


@pytest.fixture
def broker_mode():
    """Publish tasks to the real Redis broker instead of running them in-process."""
    celery_app.conf.task_always_eager = False
    yield settings.CELERY_BROKER_URL
    celery_app.conf.task_always_eager = True


@pytest.fixture
def celery_worker_process(transactional_db, broker_mode, smtp_server, settings):
    """A real worker process on the real Redis broker, sending mail to `smtp_server`.

    The worker shares the files directory with the test (MEDIA_ROOT) and reads the test database,
    so the test must commit what the worker needs to see (transactional_db).
    """
    purge_queue()
    worker = WorkerProcess(email_url=smtp_server.url, extra_env={"MEDIA_ROOT": str(settings.MEDIA_ROOT)}).start()
    yield worker
    worker.stop()
    purge_queue()
