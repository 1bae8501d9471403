import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from participants.models import Participant, Registration
from programs.models import Agreement, Organization, Program
from workshops.models import AgendaItem, CountryQuota, Occurrence


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    password = factory.django.Password("correct-horse-battery-staple")


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name_en = factory.Sequence(lambda n: f"Organization {n}")
    slug = factory.Sequence(lambda n: f"organization-{n}")
    kind = Organization.Kind.PROVINCE
    country = "KR"


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Program

    name_en = factory.Sequence(lambda n: f"Program {n}")
    slug = factory.Sequence(lambda n: f"program-{n}")
    kind = Program.Kind.WORKSHOP


class OccurrenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Occurrence

    program = factory.SubFactory(ProgramFactory)
    title_en = factory.Sequence(lambda n: f"Occurrence {n}")
    slug = factory.Sequence(lambda n: f"occurrence-{n}")
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=60))
    end_date = factory.LazyAttribute(lambda o: o.start_date + datetime.timedelta(days=1))
    year = factory.LazyAttribute(lambda o: o.start_date.year)
    location_en = "Seoul, Korea"
    registration_opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    registration_closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    admission = Occurrence.Admission.AUTOMATIC


class CountryQuotaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CountryQuota

    occurrence = factory.SubFactory(OccurrenceFactory)
    country = "KR"
    seats = 10


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    occurrence = factory.SubFactory(OccurrenceFactory)
    kind = AgendaItem.Kind.LECTURE
    title_en = factory.Sequence(lambda n: f"Lecture {n}")
    order = factory.Sequence(lambda n: n + 1)


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    family_name = "Kim"
    given_name = factory.Sequence(lambda n: f"Official{n}")
    family_name_native = "김"
    given_name_native = "민수"
    country = "KR"
    email = factory.Sequence(lambda n: f"official{n}@example.org")
    admin_level = 6
    preferred_language = "en"


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A raw registration row; use participants.services to exercise the rules."""

    class Meta:
        model = Registration

    participant = factory.SubFactory(ParticipantFactory)
    occurrence = factory.SubFactory(OccurrenceFactory)
    country = factory.LazyAttribute(lambda r: r.participant.country)
    consent_given_at = factory.LazyFunction(timezone.now)


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement

    slug = factory.Sequence(lambda n: f"agreement-{n}")
    title_en = factory.Sequence(lambda n: f"Agreement {n}")
    kind = Agreement.Kind.MOU
