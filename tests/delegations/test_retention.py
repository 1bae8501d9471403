"""The retention purge erases what a nomination holds about the person: name, email, letter."""

import datetime
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from delegations.models import Nomination, NominationEvent
from delegations.services import nomination_letter_attach, nomination_substitute, nominations_create
from reports.retention import participant_anonymise, participants_purge_expired
from tests.factories import CountryQuotaFactory, OccurrenceFactory, ParticipantFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def test_purge_erases_nominees_and_their_letters(django_capture_on_commit_callbacks):
    old = OccurrenceFactory(start_date=datetime.date(2015, 5, 1), end_date=datetime.date(2015, 5, 2))
    allocation = CountryQuotaFactory(
        occurrence=old, country="CN", seats=3, substitution_deadline=timezone.now() + datetime.timedelta(days=1)
    )
    focal = UserFactory(email_verified_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        (first,) = nominations_create(
            allocation=allocation,
            nominees=[{"family_name": "Gao", "given_name": "Yu", "email": "gao@gov.example.cn"}],
            by=focal,
            now=datetime.datetime(2015, 1, 1, tzinfo=datetime.UTC),
        )
        nomination_letter_attach(
            nomination=first,
            upload=SimpleUploadedFile("l.pdf", b"%PDF-1.4\n", content_type="application/pdf"),
            by=focal,
        )
        substitute = nomination_substitute(
            nomination=first,
            substitute={"family_name": "He", "given_name": "Jun", "email": "he@gov.example.cn"},
            by=focal,
        )
    path = Nomination.objects.get(pk=first.pk).letter.path
    assert os.path.exists(path)
    with django_capture_on_commit_callbacks(execute=True):
        participants_purge_expired()
    rows = list(Nomination.objects.order_by("pk").values_list("family_name", "email", "letter"))
    assert rows == [
        ("-", f"nominee-{first.pk}@anonymised.invalid", ""),
        ("-", f"nominee-{substitute.pk}@anonymised.invalid", ""),
    ]
    assert set(NominationEvent.objects.values_list("note", flat=True)) == {""}
    assert not os.path.exists(path)
    allocation.refresh_from_db()
    assert allocation.seats_nominated == 1  # the counts stay


def test_anonymising_a_participant_erases_their_nomination():
    allocation = CountryQuotaFactory(occurrence=OccurrenceFactory(), country="CN", seats=3)
    (nomination,) = nominations_create(
        allocation=allocation,
        nominees=[{"family_name": "Gao", "given_name": "Yu", "email": "gao@gov.example.cn"}],
        by=UserFactory(),
    )
    participant = ParticipantFactory(email="gao@gov.example.cn", country="CN")
    participant_anonymise(participant=participant)
    nomination.refresh_from_db()
    assert (nomination.family_name, nomination.email) == ("-", f"nominee-{nomination.pk}@anonymised.invalid")
