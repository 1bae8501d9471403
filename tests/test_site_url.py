"""Links in emails follow the port `make run` serves on (scripts/run.sh derives SITE_URL from PORT
unless SITE_URL is set), and a start-up check warns when SITE_URL cannot reach this site."""

import email
import email.policy
import http.cookiejar
import os
import re
import shutil
import signal
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from exchange_portal.checks import site_url_matches_hosts
from tests.support.smtp import free_port

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.integration  # starts scripts/run.sh


def _ids(settings):
    return [warning.id for warning in site_url_matches_hosts()]


def test_no_warning_when_site_url_names_an_allowed_host_on_the_servers_port(settings, monkeypatch):
    monkeypatch.setenv("PORT", "8123")
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
    settings.SITE_URL = "http://127.0.0.1:8123"
    assert _ids(settings) == []
    settings.ALLOWED_HOSTS, settings.SITE_URL = [".example.org"], "https://portal.example.org"
    assert _ids(settings) == []


def test_a_site_url_host_outside_allowed_hosts_is_named(settings, monkeypatch):
    monkeypatch.delenv("PORT", raising=False)
    settings.ALLOWED_HOSTS = ["portal.example.org"]
    settings.SITE_URL = "http://127.0.0.1:8000"
    (warning,) = site_url_matches_hosts()
    assert warning.id == "exchange_portal.W011"
    assert warning.msg == (
        "SITE_URL's host '127.0.0.1' is not in ALLOWED_HOSTS (portal.example.org): "
        "the links in emails lead to a site that refuses them."
    )
    settings.SITE_URL = "portal.example.org"
    assert _ids(settings) == ["exchange_portal.W010"]


def test_a_local_site_url_on_another_port_than_the_server_is_named(settings, monkeypatch):
    monkeypatch.setenv("PORT", "8123")
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    settings.SITE_URL = "http://127.0.0.1:8000"
    (warning,) = site_url_matches_hosts()
    assert warning.id == "exchange_portal.W012"
    assert "listens on port 8123, but SITE_URL (http://127.0.0.1:8000) points at port 8000" in warning.msg


def _text(message):
    return "".join(part.get_content() for part in message.walk() if part.get_content_maintype() == "text")


def _copy_project(target):
    ignore = shutil.ignore_patterns(
        ".venv", "node_modules", ".git", "var", "db.sqlite3*", "staticfiles", "__pycache__", "media", ".env"
    )
    shutil.copytree(ROOT, target, ignore=ignore)
    (target / ".venv").symlink_to(ROOT / ".venv")
    (target / "node_modules").symlink_to(ROOT / "node_modules")


def _wait_for(url, process, timeout=180):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, "scripts/run.sh stopped"
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - the local server
                return response.status
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"{url} did not answer in {timeout} s")


@pytest.mark.parametrize("env_file", [None, "SITE_URL=http://localhost:{port}\n"])
def test_make_run_on_another_port_sends_links_to_that_port(tmp_path, env_file):
    project = tmp_path / "portal"
    _copy_project(project)
    port = free_port()
    expected = f"http://127.0.0.1:{port}"
    if env_file:
        # A SITE_URL in .env is kept as it is (here: another host name for the same server).
        (project / ".env").write_text(env_file.format(port=port))
        expected = f"http://localhost:{port}"
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "EMAIL_URL", "SITE_URL", "DEBUG"}
    }
    env.update({"PORT": str(port), "DJANGO_SETTINGS_MODULE": "exchange_portal.settings", "PYTHONUNBUFFERED": "1"})
    log = (tmp_path / "run.log").open("w")
    process = subprocess.Popen(
        ["bash", "scripts/run.sh"], cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        base = f"http://127.0.0.1:{port}"
        assert _wait_for(f"{base}/", process) == 200
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        form = opener.open(f"{base}/accounts/password/reset/").read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "email": "official@example.org"}).encode()
        request = urllib.request.Request(f"{base}/accounts/password/reset/", data=data, headers={"Referer": base})
        assert opener.open(request).status == 200
        # The password reset just asked for, and the demo's own emails (load_demo ran inside run.sh).
        mails = [
            email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            for path in (project / "var" / "mail").glob("*.eml")
        ]
        assert any("official@example.org" in str(m["To"]) and "/accounts/password/reset/" in _text(m) for m in mails)
        links = {origin for m in mails for origin in re.findall(r"https?://[^\s\"<>/]+", _text(m))}
        assert links == {expected}, links
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        log.close()
    output = (tmp_path / "run.log").read_text()
    assert f"Exchange Portal: http://127.0.0.1:{port}/" in output
    assert "exchange_portal.W01" not in output
