"""The official reaches their certificate of completion from their registration page too
(cohorts adds the link to the participants page through REGISTRATION_PAGE_EXTRAS)."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from participants.models import Registration
from tests.cohorts.factories import CertificateFactory
from tests.factories import ParticipantFactory, RegistrationFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def _completed(client):
    user = UserFactory(email_verified_at=timezone.now())
    registration = RegistrationFactory(
        participant=ParticipantFactory(user=user, email=user.email), status=Registration.Status.COMPLETED
    )
    client.force_login(user)
    return registration


def test_registration_page_links_the_built_certificate(client):
    registration = _completed(client)
    certificate = CertificateFactory(registration=registration, number="K2H-2026-007")
    certificate.file.save("K2H-2026-007.pdf", ContentFile(b"%PDF-1.4"), save=True)

    response = client.get(reverse("participants:registration_detail", args=[registration.pk]))

    page = response.content.decode()
    assert f'href="{reverse("cohorts:certificate_download", args=[certificate.pk])}"' in page
    assert "Download your certificate" in page


def test_registration_page_without_a_built_certificate_has_no_link(client):
    registration = _completed(client)
    CertificateFactory(registration=registration)

    response = client.get(reverse("participants:registration_detail", args=[registration.pk]))

    page = response.content.decode()
    assert "/certificates/" not in page
    assert "Download your certificate" not in page
