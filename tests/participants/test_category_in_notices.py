"""The official is told which participant category they registered in: in their registration emails,
as the SMTP server receives them, in their own language, and on My registrations."""

import pytest
from django.urls import reverse
from django.utils import timezone

from participants.models import ParticipantCategory, Registration
from participants.services import registration_submit, registration_transition
from tests.factories import OccurrenceFactory, ParticipantFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]
S = Registration.Status

HEAD_OF_MISSION = {
    "name_en": "Head of mission",
    "name_ko": "재외공관장",
    "name_ja": "在外公館長",
    "name_zh_hans": "驻外使领馆馆长",
    "name_zh_hant": "駐外使領館館長",
}


@pytest.fixture
def smtp(settings, smtp_server):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", smtp_server.port
    return smtp_server


def _bodies(message):
    plain = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    return plain, html


def test_received_and_accepted_emails_name_the_category_in_korean(smtp, django_capture_on_commit_callbacks):
    occurrence = OccurrenceFactory(capacity=10, admission="review")
    category = ParticipantCategory.objects.create(
        occurrence=occurrence, capacity=5, needs_review=True, **HEAD_OF_MISSION
    )
    participant = ParticipantFactory(preferred_language="ko", country="KR")
    with django_capture_on_commit_callbacks(execute=True):
        registration = registration_submit(
            participant=participant, occurrence=occurrence, consent=True, category=category
        )
    with django_capture_on_commit_callbacks(execute=True):
        registration_transition(registration=registration, to_status=S.ACCEPTED)

    received = smtp.received_by(participant.email)
    assert len(received) == 2
    for message in received:
        plain, html = _bodies(message)
        assert "구분: 재외공관장" in plain
        assert "<th" in html and ">구분</th><td>재외공관장</td>" in html
        assert "Head of mission" not in plain + html


def test_the_waitlisted_email_names_the_category_in_japanese(smtp, django_capture_on_commit_callbacks):
    occurrence = OccurrenceFactory(capacity=1)
    category = ParticipantCategory.objects.create(
        occurrence=occurrence, capacity=None, needs_review=False, **HEAD_OF_MISSION
    )
    registration_submit(participant=ParticipantFactory(), occurrence=occurrence, consent=True, category=category)
    waiting = ParticipantFactory(preferred_language="ja", country="JP")
    with django_capture_on_commit_callbacks(execute=True):
        registration = registration_submit(participant=waiting, occurrence=occurrence, consent=True, category=category)
    assert registration.status == S.WAITLISTED
    (message,) = smtp.received_by(waiting.email)
    plain, html = _bodies(message)
    assert "区分: 在外公館長" in plain
    assert "在外公館長" in html and "Head of mission" not in plain + html


def test_an_email_of_a_registration_without_category_has_no_category_line(smtp, django_capture_on_commit_callbacks):
    participant = ParticipantFactory(preferred_language="ko")
    with django_capture_on_commit_callbacks(execute=True):
        registration_submit(participant=participant, occurrence=OccurrenceFactory(capacity=5), consent=True)
    (message,) = smtp.received_by(participant.email)
    plain, html = _bodies(message)
    assert "구분" not in plain + html


def test_my_registrations_names_the_category_in_the_official_language(client):
    user = UserFactory(email_verified_at=timezone.now())
    participant = ParticipantFactory(user=user, email=user.email)
    with_category = OccurrenceFactory(title_en="Heads of Missions", capacity=10)
    category = ParticipantCategory.objects.create(occurrence=with_category, needs_review=True, **HEAD_OF_MISSION)
    registration_submit(participant=participant, occurrence=with_category, consent=True, category=category)
    registration_submit(participant=participant, occurrence=OccurrenceFactory(title_en="No categories"), consent=True)
    client.force_login(user)
    client.cookies["django_language"] = "zh-hans"
    page = client.get(reverse("participants:my_registrations")).content.decode()
    assert page.count("registration-category") == 1
    assert '<p class="c-txt registration-category">类别: 驻外使领馆馆长</p>' in page
