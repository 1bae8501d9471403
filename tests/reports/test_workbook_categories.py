"""The statistics workbook counts registrations per participant category."""

import pytest

from participants.models import ParticipantCategory
from tests.factories import OccurrenceFactory, ProgramFactory, RegistrationFactory, UserFactory
from tests.reports.test_workbook import _build, _rows

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def test_workbook_counts_registrations_and_seat_holders_per_category():
    occurrence = OccurrenceFactory(program=ProgramFactory(name_en="ASEAN-ROK"), title_en="ASEAN-ROK 2019")
    minister = ParticipantCategory.objects.create(occurrence=occurrence, name_en="Minister", capacity=10, order=1)
    student = ParticipantCategory.objects.create(occurrence=occurrence, name_en="Student", order=2)
    for category, status in [
        (minister, "accepted"),
        (minister, "submitted"),
        (minister, "withdrawn"),
        (student, "accepted"),
        (student, "attended"),
        (student, "waitlisted"),
    ]:
        RegistrationFactory(occurrence=occurrence, category=category, status=status)
    RegistrationFactory(occurrence=occurrence, category=student, status="accepted", is_sample=True)

    _report, book = _build(UserFactory(is_staff=True, is_superuser=True))

    assert _rows(book["By participant category"]) == [
        ["Program", "Occurrence", "Category", "Seats", "Registered", "Seat holders"],
        ["ASEAN-ROK", "ASEAN-ROK 2019", "Minister", 10, 2, 1],
        ["ASEAN-ROK", "ASEAN-ROK 2019", "Student", None, 3, 2],
    ]
