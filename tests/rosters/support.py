from participants.models import Registration
from tests.factories import ParticipantFactory


def bulk_roster(occurrence, count):
    """`count` registrations for one occurrence, written in one statement (fast to set up)."""
    people = ParticipantFactory.create_batch(count)
    Registration.objects.bulk_create([Registration(participant=p, occurrence=occurrence, country="KR") for p in people])
