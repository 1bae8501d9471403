"""The QR code the README promises: in the acceptance email as the SMTP server receives it (an
inline image plus a link), on the official's registration page, and on every name badge; each
one, read as a phone camera would (zxing-cpp), opens the staff check-in page of that person."""

import io

import pytest
import zxingcpp
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader

from cohorts.pdf import badges_pdf
from cohorts.services import registration_checkin_url
from notifications.models import Notification
from notifications.services import notification_send
from participants.models import Registration
from participants.services import registration_transition
from tests.cohorts.factories import hosted_occurrence, registration_in
from tests.factories import OrganizationFactory, UserFactory

S = Registration.Status
pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def _read_qr(png_or_image):
    image = png_or_image if isinstance(png_or_image, Image.Image) else Image.open(io.BytesIO(png_or_image))
    return [result.text for result in zxingcpp.read_barcodes(image.convert("L"))]


@pytest.fixture
def accepted(settings, smtp_server, django_capture_on_commit_callbacks):
    settings.SITE_URL = "https://portal.example.org"
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", smtp_server.port
    occurrence = hosted_occurrence(OrganizationFactory(), admission="review")
    registration = registration_in(
        occurrence, S.SUBMITTED, family_name="Li", given_name="Na", family_name_native="李", given_name_native="娜"
    )
    registration.participant.email = "li.na@example.org"
    registration.participant.save()
    with django_capture_on_commit_callbacks(execute=True):
        registration_transition(registration=registration, to_status=S.ACCEPTED)
    notification = Notification.objects.get(template="registration_accepted")
    notification_send(notification_id=notification.pk)
    return registration, smtp_server.received_by("li.na@example.org")


def test_the_acceptance_email_shows_the_qr_code_inline_and_links_to_it(accepted):
    registration, received = accepted
    assert len(received) == 1
    message = received[0]
    # multipart/related: mail clients show the image where the HTML names its Content-ID,
    # without asking to load remote images.
    assert message.get_content_type() == "multipart/related"
    html = message.get_body(preferencelist=("html",)).get_content()
    assert '<img src="cid:checkin-qr"' in html
    assert f'href="https://portal.example.org/registrations/{registration.pk}/"' in html
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert f"https://portal.example.org/registrations/{registration.pk}/" in text
    (image,) = [part for part in message.walk() if part.get_content_type() == "image/png"]
    assert image["Content-ID"] == "<checkin-qr>"
    assert image.get_content_disposition() == "inline"
    assert _read_qr(image.get_content()) == [registration_checkin_url(registration)]


def test_the_officials_registration_page_shows_their_code_and_nobody_elses(client, accepted):
    registration, _received = accepted
    participant = registration.participant
    participant.user = UserFactory(email=participant.email)
    participant.save()
    client.force_login(participant.user)

    page = client.get(reverse("participants:registration_detail", args=[registration.pk]))
    code_url = reverse("participants:checkin_code", args=[registration.pk])
    assert code_url in page.content.decode()
    assert _read_qr(client.get(code_url).content) == [registration_checkin_url(registration)]

    other = registration_in(registration.occurrence, S.ACCEPTED)
    assert client.get(reverse("participants:checkin_code", args=[other.pk])).status_code == 404


def test_every_badge_carries_its_own_qr_code(settings):
    settings.SITE_URL = "https://portal.example.org"
    occurrence = hosted_occurrence(OrganizationFactory())
    people = [
        registration_in(occurrence, S.ACCEPTED, family_name="Yamada", given_name="Taro", country="JP"),
        registration_in(occurrence, S.ACCEPTED, family_name="Tran", given_name="Thi Lan", country="VN"),
    ]

    pdf = PdfReader(io.BytesIO(badges_pdf(occurrence=occurrence, registrations=people)))

    images = [image.image for image in pdf.pages[0].images]
    found = sorted(text for image in images for text in _read_qr(image.resize((400, 400))))
    assert found == sorted(registration_checkin_url(r) for r in people)
