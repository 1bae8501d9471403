"""Certificates are private documents (issue 15): stored where no URL serves them, read only by
their holder and the occurrence's staff, through Django or nginx's X-Accel-Redirect; files stored
before under MEDIA_ROOT are moved, and their old /media/ address answers 404."""

import io
import os

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase
from django.urls import path, reverse
from django.views.static import serve

from cohorts.models import Certificate
from cohorts.services import ceremony_plan, certification_ceremony_hold
from exchange_portal.urls import urlpatterns as project_urls
from jobs.storage import move_to_private
from tests.factories import UserFactory
from workshops.models import Occurrence

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def _serve_media(request, name):
    """What `make run` (DEBUG on) and a web server's /media/ location serve: MEDIA_ROOT as it is."""
    return serve(request, name, document_root=settings.MEDIA_ROOT)


# The project's URLs plus a /media/ route that serves MEDIA_ROOT, as DEBUG=1 adds one.
urlpatterns = [path("media/<path:name>", _serve_media), *project_urls]


@pytest.fixture
def certificate(settings):
    settings.ROOT_URLCONF = __name__
    call_command("load_demo", stdout=io.StringIO())
    occurrence = Occurrence.objects.get(slug="sample-cjk-workshop-past")
    plan = ceremony_plan(occurrence=occurrence)
    with TestCase.captureOnCommitCallbacks(execute=True):
        certification_ceremony_hold(
            occurrence=occurrence, expected={row["registration"].pk for row in plan["completing"]}
        )
    certificate = Certificate.objects.select_related("registration__participant").get(
        registration__participant__email="wang.fang@example.org"
    )
    participant = certificate.registration.participant
    participant.user = UserFactory(email=participant.email)
    participant.save()
    return certificate


def _as(client, email):
    client.logout()
    if email:
        client.force_login(get_user_model().objects.get(email=email))
    return client


def test_a_certificate_is_stored_privately_under_an_unguessable_name(certificate):
    name = certificate.file.name
    assert os.path.exists(os.path.join(settings.PRIVATE_MEDIA_ROOT, name))
    assert not os.path.exists(os.path.join(settings.MEDIA_ROOT, name))
    occurrence_folder, token, filename = name.split("/")[1:]
    assert filename == f"{certificate.number}.pdf" and len(token) >= 20


def test_only_the_holder_and_the_occurrences_staff_download_a_certificate(certificate, client):
    holder = certificate.registration.participant.user.email
    download = reverse("cohorts:certificate_download", args=[certificate.pk])
    private_url = certificate.file.url
    assert private_url.startswith("/files/certificates/")

    for email, expected in [
        (None, 404),
        ("official@example.org", 404),  # another official of the demo
        ("checkin@example.org", 404),  # staff, but the check-in desk has no right to certificates
        (holder, 200),
        ("staff@example.org", 200),  # the program's staff
    ]:
        response = _as(client, email).get(private_url)
        assert response.status_code == expected, (email, private_url)
        if expected == 200:
            assert b"".join(response.streaming_content).startswith(b"%PDF")
            assert response["Cache-Control"] == "private, no-store"
        response = _as(client, email).get(download)
        assert response.status_code == (302 if email is None else expected), (email, download)


def test_anonymous_requests_for_the_old_media_address_get_404(certificate, client):
    old_address = f"/media/certificates/{certificate.registration.occurrence_id}/{certificate.number}.pdf"
    assert client.get(old_address).status_code == 404
    assert client.get(f"/media/{certificate.file.name}").status_code == 404


def test_with_nginx_the_view_checks_and_nginx_sends_the_file(certificate, client, settings):
    settings.PRIVATE_MEDIA_ACCEL_REDIRECT = "/internal-private/"
    _as(client, certificate.registration.participant.user.email)
    response = client.get(reverse("cohorts:certificate_download", args=[certificate.pk]))
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/internal-private/{certificate.file.name}"
    assert response.content == b""
    assert f"{certificate.number}.pdf" in response["Content-Disposition"]
    assert _as(client, "official@example.org").get(certificate.file.url).status_code == 404


def test_the_data_migration_moves_files_stored_under_media(certificate, client):
    """A certificate issued before this change: its PDF under MEDIA_ROOT, at the old, guessable name."""
    old_name = f"certificates/{certificate.registration.occurrence_id}/{certificate.number}.pdf"
    pdf = certificate.file.read()
    os.makedirs(os.path.join(settings.MEDIA_ROOT, os.path.dirname(old_name)))
    with open(os.path.join(settings.MEDIA_ROOT, old_name), "wb") as handle:
        handle.write(pdf)
    Certificate.objects.filter(pk=certificate.pk).update(file=old_name)
    assert client.get(f"/media/{old_name}").status_code == 200  # what an anonymous visitor could fetch

    assert move_to_private(Certificate, "file") == 1
    assert move_to_private(Certificate, "file") == 0  # a re-run moves nothing

    assert client.get(f"/media/{old_name}").status_code == 404
    certificate.refresh_from_db()
    _as(client, certificate.registration.participant.user.email)
    response = client.get(reverse("cohorts:certificate_download", args=[certificate.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == pdf


def test_staff_open_the_certificate_in_the_admin_and_its_file_link_works(certificate, client):
    _as(client, "staff@example.org")
    page = client.get(reverse("admin:cohorts_certificate_change", args=[certificate.pk]))
    assert page.status_code == 200
    assert certificate.file.url in page.content.decode()
    assert client.get(certificate.file.url).status_code == 200
