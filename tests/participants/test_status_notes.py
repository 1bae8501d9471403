"""The notes the portal writes into a registration's history read in the reader's language,
whatever language was active when they were written (issue 12: "Withdrawn by the participant"
stayed English on a Chinese page)."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from participants.models import Registration
from participants.services import registration_submit, registration_withdraw
from tests.factories import ParticipantFactory
from tests.support.english import main_text
from workshops.models import Occurrence

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


@pytest.fixture
def official(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())
    client.force_login(get_user_model().objects.get(email="official@example.org"))
    return client


def test_withdrawn_note_reads_in_the_page_language(official, django_capture_on_commit_callbacks):
    registration = Registration.objects.get(
        participant__email="official@example.org", occurrence__slug="sample-cjk-workshop"
    )
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        registration_withdraw(registration=registration, by=registration.participant.user)
    change = registration.status_changes.latest("id")
    assert (change.note, change.note_message) == ("Withdrawn by the participant", "Withdrawn by the participant")

    url = reverse("participants:registration_detail", args=[registration.pk])
    for language, note in {
        "en": "Withdrawn by the participant",
        "ko": "참가자가 철회함",
        "zh-hans": "参与者已撤回",
        "zh-hant": "參與者已撤回",
        "ja": "参加者が取り下げ",
    }.items():
        text = main_text(official.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode())
        assert note in text, language
        if language != "en":
            assert "Withdrawn by the participant" not in text


def test_a_waitlist_reason_written_in_korean_reads_in_japanese(official, django_capture_on_commit_callbacks):
    occurrence = Occurrence.objects.get(slug="sample-cjk-workshop")
    Occurrence.objects.filter(pk=occurrence.pk).update(capacity=occurrence.seats_taken)
    occurrence.refresh_from_db()
    newcomer = ParticipantFactory(country="JP")
    with translation.override("ko"), django_capture_on_commit_callbacks(execute=True):
        registration = registration_submit(participant=newcomer, occurrence=occurrence, consent=True)
    assert registration.status == Registration.Status.WAITLISTED
    change = registration.status_changes.latest("id")
    assert change.note == f"All {occurrence.capacity} seats of {occurrence.title_en} are taken."
    with translation.override("ja"):
        assert change.note_display == f"{occurrence.title_ja} の {occurrence.capacity} 席はすべて埋まっています。"
    with translation.override("zh-hant"):
        assert occurrence.title_zh_hant in change.note_display
