"""The certification ceremony through a real Celery worker: the PDF is built and the official is told once."""

import io

import pytest
from pypdf import PdfReader

from cohorts.models import Certificate
from cohorts.services import certification_ceremony_hold
from participants.models import Registration
from tests.cohorts.factories import hosted_occurrence, registration_in
from tests.factories import OrganizationFactory, ProgramFactory
from tests.support.workers import wait_until

pytestmark = pytest.mark.worker


def test_ceremony_certificate_is_built_by_the_worker_and_announced_by_email(celery_worker_process, smtp_server):
    host = OrganizationFactory()
    occurrence = hosted_occurrence(host, program=ProgramFactory(slug="k2h"), title_en="K2H Worker Cohort", year=2026)
    registration = registration_in(
        occurrence,
        Registration.Status.ATTENDED,
        family_name="Yamada",
        given_name="Hanako",
        family_name_native="山田",
        given_name_native="花子",
        country="JP",
        email="yamada@example.org",
    )

    [certificate] = certification_ceremony_hold(occurrence=occurrence)

    messages = wait_until(lambda: smtp_server.received_by("yamada@example.org"), timeout=60)
    assert [m["Subject"] for m in messages] == ["Your certificate of completion for K2H Worker Cohort"]
    certificate = Certificate.objects.get(pk=certificate.pk)
    assert certificate.number == "K2H-2026-001"
    with certificate.file.open("rb") as handle:
        text = PdfReader(io.BytesIO(handle.read())).pages[0].extract_text()
    assert "山田花子" in text and "K2H-2026-001" in text
    registration.refresh_from_db()
    assert registration.status == Registration.Status.COMPLETED
