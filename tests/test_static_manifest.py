"""Pages under the static files production serves: collected once per run, hashed and compressed
(the manifest storage), with DEBUG off, so a file missing from the manifest is a failing test
here instead of a 500 after a deploy."""

import io
import json
import shutil
import subprocess

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command

from exchange_portal.static_checks import static_manifest_complete
from tests.conftest import PRODUCTION_STATIC
from workshops.models import Occurrence

pytestmark = [pytest.mark.integration]


@pytest.fixture
def production_static(settings, collected_static):
    settings.STATIC_ROOT = str(collected_static)
    settings.STORAGES = {**settings.STORAGES, "staticfiles": PRODUCTION_STATIC}
    settings.WHITENOISE_USE_FINDERS = False
    settings.DEBUG = False
    return collected_static


@pytest.fixture
def demo(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())


def _hashed(root, name):
    return json.loads((root / "staticfiles.json").read_text())["paths"][name]


@pytest.mark.django_db
def test_pages_render_with_the_collected_hashed_files(production_static, demo, client):
    bootstrap = _hashed(production_static, "vendor/bootstrap/css/bootstrap.min.css")
    assert bootstrap != "vendor/bootstrap/css/bootstrap.min.css"
    for url in ["/", "/accounts/login/", "/accounts/signup/", "/accounts/password/reset/", "/record/"]:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="ko")
        assert response.status_code == 200, url
        assert f"/static/{bootstrap}" in response.content.decode(), url
    # The hashed file itself is served, compressed beside it, as a browser would fetch it.
    served = client.get(f"/static/{bootstrap}", HTTP_ACCEPT_ENCODING="gzip")
    assert served.status_code == 200
    assert served["Content-Encoding"] == "gzip"

    client.force_login(get_user_model().objects.get(email="checkin@example.org"))
    occurrence = Occurrence.objects.filter(registrations__isnull=False).distinct().order_by("-start_date").first()
    page = client.get(f"/staff/occurrences/{occurrence.pk}/checkin/")
    assert page.status_code == 200
    assert f"/static/{_hashed(production_static, 'cohorts/checkin.js')}" in page.content.decode()
    client.force_login(get_user_model().objects.get(email="staff@example.org"))
    admin = client.get("/admin/")
    assert admin.status_code == 200
    assert f"/static/{_hashed(production_static, 'admin/css/base.css')}" in admin.content.decode()


def test_the_manifest_check_passes_on_a_complete_collection(production_static):
    assert static_manifest_complete() == []


def test_the_manifest_check_names_a_file_the_collection_misses(settings, production_static, tmp_path):
    """What a deploy without `npm install` collected: everything but Bootstrap."""
    partial = tmp_path / "static"
    shutil.copytree(production_static, partial)
    manifest = json.loads((partial / "staticfiles.json").read_text())
    del manifest["paths"]["vendor/bootstrap/css/bootstrap.min.css"]
    (partial / "staticfiles.json").write_text(json.dumps(manifest))
    settings.STATIC_ROOT = str(partial)

    errors = static_manifest_complete()
    assert [error.id for error in errors] == ["exchange_portal.E011"]
    assert "vendor/bootstrap/css/bootstrap.min.css" in errors[0].msg
    assert "make deploy-assets" in errors[0].hint


def test_the_manifest_check_refuses_a_deploy_that_collected_nothing(settings, production_static, tmp_path):
    settings.STATIC_ROOT = str(tmp_path)
    assert [error.id for error in static_manifest_complete()] == ["exchange_portal.E010"]


def test_the_check_is_silent_under_runserver_storage(settings, tmp_path):
    settings.STATIC_ROOT = str(tmp_path)
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    assert static_manifest_complete() == []


def test_make_deploy_assets_installs_npm_packages_compiles_and_collects():
    """The README's deploy step: `make deploy-assets` with package.json changed runs npm first."""
    plan = subprocess.run(
        ["make", "-n", "-W", "package.json", "-W", "locale/ko/LC_MESSAGES/django.po", "deploy-assets"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    steps = [line for line in plan.splitlines() if line.strip()]
    npm = next(i for i, line in enumerate(steps) if line.startswith("npm install"))
    msgfmt = next(i for i, line in enumerate(steps) if line.startswith("msgfmt") and "locale/ko/" in line)
    collect = next(i for i, line in enumerate(steps) if "manage.py collectstatic" in line)
    check = next(i for i, line in enumerate(steps) if "manage.py check --deploy --tag staticfiles" in line)
    assert npm < collect and msgfmt < collect < check
    assert "STATIC_FROM_APPS=0" in steps[collect]
