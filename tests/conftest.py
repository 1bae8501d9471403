import io

import pytest
from django.conf import settings
from django.core.cache import cache, caches
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation
from pytest_django.plugin import blocking_manager_key

from exchange_portal.celery import app as celery_app
from tests.support.smtp import CapturingSMTPServer
from tests.support.workers import WorkerProcess, purge_queue, restore_periodic_jobs


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")


@pytest.fixture(autouse=True)
def _default_language():
    """A page requested in Japanese leaves Japanese active in this thread: the next test starts in
    the default language again."""
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_default_cache():
    """Cached public fragments, sessions and sign-up counters must not leak from one test into the next."""
    for each in (cache, caches["throttle"]):
        each.clear()
    yield
    for each in (cache, caches["throttle"]):
        each.clear()


@pytest.fixture(scope="session")
def django_db_modify_db_settings_xdist_suffix():
    """pytest-django would add the xdist worker's name to the test database's name; settings_test already
    put it in TEST_DB_TAG, which names the database, the Celery queue and the files of that process."""


def _empties_the_tables(item):
    marker = item.get_closest_marker("django_db")
    transactional_marker = marker is not None and (marker.kwargs.get("transaction") or marker.args[:1] == (True,))
    return transactional_marker or {"transactional_db", "live_server"} & set(item.fixturenames)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test empties every table when it ends, the periodic jobs the migrations created
    too. The serial runner put those tests last; `make test` runs test files in any order in each
    xdist process, so the jobs go back (with the migrations' own code) before the next test runs."""
    result = yield
    if nextitem is not None and _empties_the_tables(item):  # after the last test the database is gone
        with item.config.stash[blocking_manager_key].unblock():
            restore_periodic_jobs()
    return result


PRODUCTION_STATIC = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """collectstatic as `make deploy-assets` runs it (hashed, compressed), once for the whole run."""
    root = tmp_path_factory.mktemp("collected_static")
    storages = {**settings.STORAGES, "staticfiles": PRODUCTION_STATIC}
    with override_settings(STATIC_ROOT=str(root), STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0, stdout=io.StringIO())
    return root


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


# Every test module says which layer of the suite it belongs to, once, at module level:
#   unit         no database, no processes: `PYTEST_ARGS="-m unit" make test` runs in seconds
#   integration  the database, Redis or a subprocess, in this process
#   worker       real Celery worker (and beat) processes
#   e2e          Chromium through Playwright
LAYER_MARKERS = ("unit", "integration", "worker", "e2e")
DATABASE_FIXTURES = {"db", "transactional_db", "django_db_setup", "live_server"}


def _module_layers(module):
    marks = getattr(module, "pytestmark", [])
    marks = marks if isinstance(marks, list) else [marks]
    return [mark.name for mark in marks if mark.name in LAYER_MARKERS]


def pytest_collection_modifyitems(config, items):
    problems = {}
    for item in items:
        module_layers = _module_layers(item.module)
        item_layers = {mark.name for mark in item.iter_markers() if mark.name in LAYER_MARKERS}
        where = item.module.__name__
        if len(module_layers) != 1:
            problems[where] = f"needs exactly one module-level layer marker of {LAYER_MARKERS}, has {module_layers}"
        elif item_layers != set(module_layers):
            problems[where] = f"{item.name} adds layer markers {sorted(item_layers - set(module_layers))}"
        elif module_layers == ["unit"] and (
            item.get_closest_marker("django_db") or DATABASE_FIXTURES & set(item.fixturenames)
        ):
            problems[where] = f"{item.name} is marked unit but uses the database"
    if problems:
        raise pytest.UsageError(
            "Test layer markers:\n" + "\n".join(f"  {module}: {why}" for module, why in sorted(problems.items()))
        )
