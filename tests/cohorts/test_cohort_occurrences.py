"""Generating an MOU's cohorts creates each cohort's occurrence in the same transaction: linked both
ways, hosted by the receiving side, seats from the terms allocated to the sending side; a re-run
duplicates nothing and a refusal for one year leaves nothing half-made."""

import pytest

from cohorts.models import ExchangeCohort
from cohorts.services import CohortError, agreement_generate_cohorts
from tests.cohorts.factories import taipei_gyeonggi_agreement
from tests.factories import OccurrenceFactory, OrganizationFactory, ProgramFactory
from workshops.models import CountryQuota, Occurrence, RegistrationState

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


@pytest.fixture
def agreement():
    taipei = OrganizationFactory(name_en="Taipei DCSD", name_ko="타이베이시 공무원훈련처", country="TW")
    gyeonggi = OrganizationFactory(name_en="Gyeonggi HRDI", name_ko="경기도인재개발원", country="KR")
    program = ProgramFactory(kind="exchange", slug="tg-exchange", name_en="Taipei-Gyeonggi exchange")
    return taipei_gyeonggi_agreement(taipei=taipei, gyeonggi=gyeonggi, program=program)


def test_each_cohort_gets_its_occurrence_linked_both_ways(agreement):
    created = agreement_generate_cohorts(agreement=agreement, until_year=2018)

    first, second = created
    occurrence = first.occurrence
    assert occurrence.exchange_cohort == first
    assert occurrence.slug == "tg-exchange-2017"
    assert occurrence.program == agreement.program
    assert occurrence.date_display == "2017"
    assert occurrence.location == "Gyeonggi HRDI"
    assert occurrence.title == "Taipei-Gyeonggi exchange 2017: Taipei DCSD to Gyeonggi HRDI"
    assert occurrence.location_ko == "경기도인재개발원"
    assert occurrence.country == "KR"
    assert occurrence.capacity == 15
    assert [h.name for h in occurrence.hosts.all()] == ["Gyeonggi HRDI"]
    assert [(q.organization.name, q.seats) for q in occurrence.quotas.all()] == [("Taipei DCSD", 15)]
    # The other direction the next year.
    assert second.occurrence.location == "Taipei DCSD"
    assert second.occurrence.country == "TW"
    assert [q.organization.name for q in second.occurrence.quotas.all()] == ["Gyeonggi HRDI"]
    # Open for registration only once staff set the window.
    assert occurrence.registration_state() is RegistrationState.NOT_SCHEDULED


def test_regenerating_duplicates_nothing_and_completes_cohorts_without_occurrence(agreement):
    agreement_generate_cohorts(agreement=agreement, until_year=2018)
    lone = ExchangeCohort.objects.create(
        agreement=agreement, year=2019, sending=agreement.first_sending_party, receiving=agreement.first_receiving_party
    )

    assert agreement_generate_cohorts(agreement=agreement, until_year=2019) == []
    assert agreement_generate_cohorts(agreement=agreement, until_year=2019) == []

    assert Occurrence.objects.filter(program=agreement.program).count() == 3
    assert ExchangeCohort.objects.filter(agreement=agreement).count() == 3
    lone.refresh_from_db()
    assert lone.occurrence.slug == "tg-exchange-2019"
    assert lone.occurrence.capacity is None  # the cohort states no size: no limit, no allocation
    assert CountryQuota.objects.filter(occurrence=lone.occurrence).count() == 0


def test_a_refused_year_leaves_nothing_half_made(agreement):
    OccurrenceFactory(slug="tg-exchange-2019", title_en="Someone else's event")

    with pytest.raises(CohortError) as refused:
        agreement_generate_cohorts(agreement=agreement, until_year=2020)

    assert refused.value.message == (
        "2019: the address tg-exchange-2019 is taken by another occurrence; nothing was generated."
    )
    assert ExchangeCohort.objects.filter(agreement=agreement).count() == 0
    assert Occurrence.objects.filter(program=agreement.program).count() == 0
    assert CountryQuota.objects.count() == 0


def test_an_agreement_without_program_is_refused(agreement):
    agreement.program = None
    agreement.save()

    with pytest.raises(CohortError) as refused:
        agreement_generate_cohorts(agreement=agreement, until_year=2018)

    assert "runs no program" in refused.value.message
    assert ExchangeCohort.objects.count() == 0
