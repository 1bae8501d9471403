"""Staff and cohort fixtures shared by tests/cohorts and tests/admin."""

import factory
from django.contrib.auth.models import Group

from cohorts.models import Certificate, Placement, Verification
from participants.models import Registration
from programs.models import Agreement
from tests.factories import (
    AgreementFactory,
    OccurrenceFactory,
    OrganizationFactory,
    ProgramFactory,
    RegistrationFactory,
    UserFactory,
)


def staff_user(organization, *, group="Program staff", **extra):
    user = UserFactory(is_staff=True, organization=organization, **extra)
    user.groups.add(Group.objects.get(name=group))
    return user


def taipei_gyeonggi_agreement(*, taipei=None, gyeonggi=None, program=None):
    """The Taipei-Gyeonggi civil-servant exchange MOU of the seeds: 15 officials for 14 days,
    direction alternating yearly from Taipei to Gyeonggi in 2017."""
    taipei = taipei or OrganizationFactory(name_en="Taipei DCSD", country="TW")
    gyeonggi = gyeonggi or OrganizationFactory(name_en="Gyeonggi HRDI")
    agreement = AgreementFactory(
        kind=Agreement.Kind.EXCHANGE_MOU,
        program=program or ProgramFactory(kind="exchange"),
        cohort_size=15,
        cohort_duration_days=14,
        alternates_yearly=True,
        first_sending_party=taipei,
        first_receiving_party=gyeonggi,
        first_exchange_year=2017,
    )
    agreement.parties.set([taipei, gyeonggi])
    return agreement


def hosted_occurrence(organization, **extra):
    program = extra.pop("program", None) or ProgramFactory()
    program.hosts.add(organization)
    return OccurrenceFactory(program=program, **extra)


def registration_in(occurrence, status=Registration.Status.SUBMITTED, **participant):
    return RegistrationFactory(
        occurrence=occurrence, status=status, **{f"participant__{k}": v for k, v in participant.items()}
    )


class PlacementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Placement

    registration = factory.SubFactory(RegistrationFactory)
    host = factory.SubFactory(OrganizationFactory, kind="city")
    training_start = factory.Faker("date_object")
    training_end = factory.LazyAttribute(lambda p: p.training_start)


class CertificateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certificate

    registration = factory.SubFactory(RegistrationFactory, status=Registration.Status.COMPLETED)
    number = factory.Sequence(lambda n: f"TEST-{n:03d}")
    issued_on = factory.Faker("date_object")
    verification = factory.LazyFunction(lambda: Verification.objects.create(kind=Verification.Kind.CERTIFICATE))
