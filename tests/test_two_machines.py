"""More than one machine: two web processes (gunicorn) in different working folders, two Celery
workers and a beat, all on one S3-compatible object storage (moto in server mode), one Redis and
the test database, nothing shared through a local disk.

The demo's people do it over HTTP: the official registers on web 1; the program staff sees the
registration on web 2, checks them in and holds the certification ceremony there; a worker builds
the certificate into the object storage and the official downloads it through web 2 (redirected to
a one-minute signed link) and through web 1 (streamed); the staff member's roster export, asked for
on web 2, is built by a worker and downloaded through web 1. The emails arrive at the test SMTP
server. The official's one sign-in (on web 1) holds on web 2: sessions live in Redis and the database.
"""

import io
import os
import re
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import boto3
import openpyxl
import pytest
import redis
import requests
from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from cohorts.models import Certificate
from demo.samples import DEMO_PASSWORD
from participants.models import Registration
from programs.roles import PROGRAM_STAFF
from rosters.models import ExportJob
from tests.cohorts.factories import hosted_occurrence
from tests.factories import OrganizationFactory, ProgramFactory, UserFactory
from tests.support.smtp import free_port
from tests.support.workers import (
    PROJECT_ROOT,
    BeatProcess,
    WorkerProcess,
    database_url,
    purge_queue,
    restore_periodic_jobs,
    wait_until,
)

pytestmark = pytest.mark.worker

BUCKET = "exchange-portal-files"
KEYS = {"AWS_ACCESS_KEY_ID": "two-machines-test", "AWS_SECRET_ACCESS_KEY": "two-machines-test-secret"}


def _wait_http(url, process, what, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited during start-up")
        try:
            requests.get(url, timeout=10)
            return
        except (requests.ConnectionError, requests.Timeout):
            time.sleep(0.2)
    raise RuntimeError(f"{what} did not answer within {timeout}s")


def _stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def object_storage(tmp_path):
    """A local S3-compatible server (moto in server mode) with the portal's bucket."""
    port = free_port()
    log = open(tmp_path / "moto.log", "w")  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
        cwd=tmp_path,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        _wait_http(endpoint, process, "moto_server")
        client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name="us-east-1",
            aws_access_key_id=KEYS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=KEYS["AWS_SECRET_ACCESS_KEY"],
        )
        client.create_bucket(Bucket=BUCKET)
        yield endpoint, client
    finally:
        _stop(process)
        log.close()


@pytest.fixture
def machines(transactional_db, broker_mode, smtp_server, object_storage, tmp_path):
    """web 1 and web 2 (gunicorn, each in its own folder), two workers and a beat, each process in
    a folder of its own, with the object storage's settings as an operator gives them."""
    endpoint, _client = object_storage
    prefix = f"two-machines-{uuid.uuid4().hex[:8]}"
    common = {
        "DJANGO_SETTINGS_MODULE": "tests.support.settings_machines",
        "DEBUG": "0",
        "SECRET_KEY": "two-machines-test-secret-key-with-enough-length-and-variety-0123456789",
        "DATABASE_URL": database_url(),
        "REDIS_URL": settings.CELERY_BROKER_URL,
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "CELERY_TASK_ALWAYS_EAGER": "0",
        "EMAIL_URL": smtp_server.url,
        "MACHINES_CACHE_PREFIX": prefix,
        "STORAGE_S3_BUCKET": BUCKET,
        "AWS_S3_ENDPOINT_URL": endpoint,
        "AWS_S3_REGION_NAME": "us-east-1",
        "AWS_S3_ADDRESSING_STYLE": "path",
        **KEYS,
        "ROSTERS_SYNC_MAX_ROWS": "0",  # every export is a job for the workers
        "TEST_DB_TAG": os.environ.get("TEST_DB_TAG", "main"),
        "PYTHONPATH": str(PROJECT_ROOT),
        "LOG_LEVEL": "WARNING",
    }
    folders = {}
    for name in ("web1", "web2", "worker1", "worker2", "beat"):
        folder = tmp_path / name
        folder.mkdir()
        # A local MEDIA_ROOT and PRIVATE_MEDIA_ROOT of its own: what reaches them is a finding.
        folders[name] = folder
    restore_periodic_jobs()
    purge_queue()
    webs, logs, celery = {}, [], []
    try:
        # Every process boots at once (the machine's cores are shared; one after the other takes minutes).
        for name, redirect in (("web1", "0"), ("web2", "1")):  # web 2 answers with signed links
            port = free_port()
            env = {
                **os.environ,
                **common,
                "MEDIA_ROOT": str(folders[name] / "media"),
                "PRIVATE_MEDIA_ROOT": str(folders[name] / "private"),
                "PRIVATE_MEDIA_S3_REDIRECT": redirect,
            }
            logs.append(open(folders[name] / "gunicorn.log", "w"))  # noqa: SIM115 - closed below
            webs[name] = (
                f"http://127.0.0.1:{port}",
                subprocess.Popen(
                    [
                        str(Path(sys.executable).parent / "gunicorn"),
                        "exchange_portal.wsgi",
                        f"--bind=127.0.0.1:{port}",
                        "--workers=1",
                        "--timeout=60",
                        f"--chdir={folders[name]}",
                        f"--pythonpath={PROJECT_ROOT}",
                    ],
                    cwd=folders[name],
                    env=env,
                    stdout=logs[-1],
                    stderr=subprocess.STDOUT,
                ),
            )
        for name in ("worker1", "worker2"):
            extra = {
                **common,
                "MEDIA_ROOT": str(folders[name] / "media"),
                "PRIVATE_MEDIA_ROOT": str(folders[name] / "private"),
            }
            celery.append(WorkerProcess(email_url=smtp_server.url, concurrency=1, extra_env=extra, cwd=folders[name]))
        extra = {**common, "MEDIA_ROOT": str(folders["beat"] / "media")}
        celery.append(BeatProcess(extra_env=extra, cwd=folders["beat"]))
        with ThreadPoolExecutor(max_workers=len(celery) + len(webs)) as pool:
            waits = [pool.submit(process.start, timeout=90) for process in celery]
            waits += [pool.submit(_wait_http, f"{url}/", process, name, 90) for name, (url, process) in webs.items()]
            for wait in waits:
                wait.result()
        yield {name: url for name, (url, _process) in webs.items()}, folders
    finally:
        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(lambda p: p.stop(), celery))
            list(pool.map(_stop, [process for _url, process in webs.values()]))
        for log in logs:
            log.close()
        purge_queue()
        client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
        for key in client.scan_iter(match=f"*{prefix}*", count=1000):
            client.delete(key)


def _csrf(session, url):
    page = session.get(url, timeout=30)
    assert page.status_code == 200, (url, page.status_code)
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1), page.text


def _post(session, url, data, *, form_url=None):
    token, _page = _csrf(session, form_url or url)
    return session.post(url, data={"csrfmiddlewaretoken": token, **data}, timeout=60, allow_redirects=False)


def _log_in(base, email):
    session = requests.Session()
    response = _post(session, f"{base}/accounts/login/", {"username": email, "password": DEMO_PASSWORD})
    assert response.status_code == 302, response.text[:2000]
    assert settings.SESSION_COOKIE_NAME in session.cookies
    return session


def _demo_people():
    """The demo's program staff (GAOK) and official, with the demo's password, and an occurrence
    of a program GAOK hosts, open for registration."""
    gaok = OrganizationFactory(slug="gaok", name_en="Gyeonggi Academy of Korea", country="KR")
    staff = UserFactory(
        email="staff@example.org", password=DEMO_PASSWORD, is_staff=True, organization=gaok, preferred_language="en"
    )
    staff.groups.add(Group.objects.get(name=PROGRAM_STAFF))
    UserFactory(email="official@example.org", password=DEMO_PASSWORD, email_verified_at=timezone.now())
    occurrence = hosted_occurrence(
        gaok, program=ProgramFactory(slug="k2h"), title_en="Two Machines Workshop", capacity=20
    )
    return occurrence


def _files_under(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() and not p.name.endswith(".log"))


def test_a_registration_on_one_web_process_is_seen_emailed_certified_and_exported_through_the_others(
    machines, object_storage, smtp_server
):
    webs, folders = machines
    _endpoint, s3 = object_storage
    web1, web2 = webs["web1"], webs["web2"]
    occurrence = _demo_people()
    began = time.monotonic()

    # Each web process's /health/ writes, reads and deletes a file in both storages: the bucket.
    for web in (web1, web2):
        checks = requests.get(f"{web}/health/?format=json", timeout=30).json()
        storages = {name: state for name, state in checks.items() if name.startswith("Storage")}
        assert len(storages) == 2 and set(storages.values()) == {"OK"}, checks
        assert {checks[name] for name in checks if name.startswith(("Database", "Cache", "Redis"))} == {"OK"}, checks

    # The official registers on web 1.
    official = _log_in(web1, "official@example.org")
    register = f"{web1}{reverse('participants:register', kwargs={'slug': occurrence.slug})}"
    profile = {
        "family_name_native": "김",
        "given_name_native": "민지",
        "family_name": "Kim",
        "given_name": "Minji",
        "country": "KR",
        "department": "International Cooperation",
        "position": "Officer",
        "admin_level": "6",
        "languages": ["ko", "en"],
        "phone": "+82 31 123 4567",
        "preferred_language": "en",
    }
    response = _post(
        official,
        register,
        {
            **{f"profile-{k}": v for k, v in profile.items()},
            "arrival_date": occurrence.start_date.isoformat(),
            "consent": "on",
        },
    )
    assert response.status_code == 302, response.text[:3000]
    registration = Registration.objects.get(occurrence=occurrence)
    assert response.headers["Location"] == reverse("participants:registration_detail", args=[registration.pk])
    assert registration.status == Registration.Status.ACCEPTED

    # The same sign-in holds on web 2: the session is in Redis and the database, not in web 1.
    detail = official.get(f"{web2}{response.headers['Location']}", timeout=30, allow_redirects=False)
    assert detail.status_code == 200 and "You are registered: your place is confirmed." in detail.text

    # A worker sends the confirmation.
    [confirmation] = wait_until(lambda: smtp_server.received_by("official@example.org"), timeout=60)
    assert confirmation["Subject"] == "Your registration for Two Machines Workshop is accepted"

    # The program staff sees it on web 2.
    staff = _log_in(web2, "staff@example.org")
    changelist = staff.get(f"{web2}/admin/participants/registration/?q=Minji", timeout=30)
    assert changelist.status_code == 200
    assert f"/admin/participants/registration/{registration.pk}/change/" in changelist.text

    # The workshop takes place (its one day is today); the staff checks her in and holds the ceremony on web 2.
    today = timezone.localdate()
    type(occurrence).objects.filter(pk=occurrence.pk).update(start_date=today, end_date=today)
    checkin = f"{web2}{reverse('cohorts:checkin', args=[occurrence.pk])}"
    response = _post(
        staff,
        f"{web2}{reverse('cohorts:checkin_mark', args=[registration.pk])}",
        {"day": today.isoformat()},
        form_url=checkin,
    )
    assert response.status_code in (200, 302), response.text[:2000]
    registration.refresh_from_db()
    assert registration.status == Registration.Status.ATTENDED
    ceremony = f"{web2}{reverse('admin:workshops_occurrence_ceremony', args=[occurrence.pk])}"
    response = _post(staff, ceremony, {"completing": [str(registration.pk)]})
    assert response.status_code == 302, response.text[:2000]
    certificate = Certificate.objects.get(registration=registration)

    # A worker builds the PDF into the object storage and tells the official.
    wait_until(lambda: len(smtp_server.received_by("official@example.org")) == 2, timeout=90)
    subjects = [m["Subject"] for m in smtp_server.received_by("official@example.org")]
    assert subjects[1] == "Your certificate of completion for Two Machines Workshop"
    certificate.refresh_from_db()
    key = f"private/{certificate.file.name}"
    stored = s3.get_object(Bucket=BUCKET, Key=key)["Body"].read()
    assert stored.startswith(b"%PDF")

    # Downloaded through web 2: checked, then a one-minute signed link to the object storage ...
    download = reverse("cohorts:certificate_download", args=[certificate.pk])
    answer = official.get(f"{web2}{download}", timeout=30, allow_redirects=False)
    assert answer.status_code == 302
    signed = answer.headers["Location"]
    assert signed.startswith(object_storage[0]) and "X-Amz-Expires=60" in signed and "X-Amz-Signature=" in signed
    fetched = requests.get(signed, timeout=30)
    assert fetched.status_code == 200 and fetched.content == stored
    assert fetched.headers["Content-Disposition"] == f"attachment; filename*=UTF-8''{certificate.number}.pdf"
    assert fetched.headers["Content-Type"] == "application/pdf"
    # ... which the bucket refuses without its signature, and a stranger does not get at all.
    assert requests.get(signed.split("?")[0], timeout=30).status_code == 403
    assert requests.get(f"{web2}{download}", timeout=30, allow_redirects=False).status_code == 302  # to login
    # Through web 1 the same file is streamed by the web process.
    streamed = official.get(f"{web1}{download}", timeout=30, allow_redirects=False)
    assert streamed.status_code == 200 and streamed.content == stored
    assert streamed.headers["Cache-Control"] == "private, no-store"
    text = PdfReader(io.BytesIO(stored)).pages[0].extract_text()
    assert "김민지" in text and certificate.number in text

    # The roster export asked for on web 2 is built by a worker and downloaded through web 1.
    export = f"{web2}{reverse('rosters:export_occurrence', args=[occurrence.pk])}"
    response = _post(staff, export, {"format": "xlsx", "columns": ["email", "family_name_native"]})
    assert response.status_code == 302, response.text[:2000]
    job = ExportJob.objects.get()
    assert response.headers["Location"] == reverse("rosters:job_detail", args=[job.pk])
    job = wait_until(lambda: ExportJob.objects.filter(pk=job.pk, status__in=("done", "failed")).first(), timeout=60)
    assert job.status == "done", job.error
    staff_on_web1 = requests.Session()
    staff_on_web1.cookies.update(staff.cookies)  # the same browser, now answered by the other process
    workbook = staff_on_web1.get(f"{web1}{reverse('rosters:job_download', args=[job.pk])}", timeout=30)
    assert workbook.status_code == 200
    rows = list(openpyxl.load_workbook(io.BytesIO(workbook.content)).active.values)
    assert rows == [("Family name (native script)", "Email"), ("김", "official@example.org")]
    assert s3.head_object(Bucket=BUCKET, Key=f"private/{job.file.name}")["ContentLength"] == len(workbook.content)
    [ready] = wait_until(lambda: smtp_server.received_by("staff@example.org"), timeout=60)
    assert ready["Subject"] == "Your roster export is ready (1 rows)"

    # Every file went to the object storage; no process wrote one into its own folder.
    assert {name: _files_under(folder) for name, folder in folders.items()} == {name: [] for name in folders}
    keys = sorted(o["Key"] for o in s3.list_objects_v2(Bucket=BUCKET)["Contents"])
    assert keys == sorted([key, f"private/{job.file.name}"])
    assert time.monotonic() - began < 90


def test_media_links_are_signed_and_private_files_have_only_the_checking_view(object_storage, tmp_path):
    """settings.py as an operator configures it: a logo saved to the default storage gets a link
    signed for a day (the bucket refuses it unsigned); a private document's URL is the checking view."""
    endpoint, s3 = object_storage
    script = (
        "from django.core.files.base import ContentFile\n"
        "from django.core.files.storage import default_storage, storages\n"
        "public = default_storage.save('logos/gaok.png', ContentFile(b'logo-bytes'))\n"
        "private = storages['private'].save('certificates/x/K2H-2026-001.pdf', ContentFile(b'%PDF-1.4'))\n"
        "print(default_storage.url(public)); print(storages['private'].url(private)); print(private)\n"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "exchange_portal.settings_test",
        "STORAGE_S3_BUCKET": BUCKET,
        "AWS_S3_ENDPOINT_URL": endpoint,
        "AWS_S3_REGION_NAME": "us-east-1",
        "AWS_S3_ADDRESSING_STYLE": "path",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "private"),
        "LOG_LEVEL": "WARNING",
        **KEYS,
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    public_url, private_url, private_name = result.stdout.split()[-3:]
    assert public_url.startswith(f"{endpoint}/{BUCKET}/media/logos/gaok.png?")
    assert "X-Amz-Expires=86400" in public_url
    assert requests.get(public_url, timeout=30).content == b"logo-bytes"
    assert requests.get(public_url.split("?")[0], timeout=30).status_code == 403
    assert private_url == f"/files/{private_name}"
    assert s3.get_object(Bucket=BUCKET, Key=f"private/{private_name}")["Body"].read() == b"%PDF-1.4"
    assert not (tmp_path / "media").exists() and not (tmp_path / "private").exists()
