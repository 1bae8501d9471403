import datetime

import pytest
from django.db import IntegrityError, transaction

from tests.factories import CountryQuotaFactory, OccurrenceFactory
from workshops.models import Occurrence

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def test_occurrence_end_before_start_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        OccurrenceFactory(start_date=datetime.date(2019, 5, 2), end_date=datetime.date(2019, 5, 1))


def test_occurrence_tbd_with_a_date_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        OccurrenceFactory(date_precision="tbd")


def test_occurrence_seats_taken_beyond_capacity_is_refused():
    occurrence = OccurrenceFactory(capacity=2)
    with pytest.raises(IntegrityError), transaction.atomic():
        Occurrence.objects.filter(pk=occurrence.pk).update(seats_taken=3)


def test_quota_one_per_country():
    quota = CountryQuotaFactory(country="CN")
    with pytest.raises(IntegrityError), transaction.atomic():
        CountryQuotaFactory(occurrence=quota.occurrence, country="CN")


def test_edition_number_unique_within_a_program():
    first = OccurrenceFactory(number=7)
    with pytest.raises(IntegrityError), transaction.atomic():
        OccurrenceFactory(program=first.program, number=7)


@pytest.mark.parametrize(
    "fields, expected",
    [
        ({"start_date": datetime.date(2019, 5, 1), "end_date": None, "date_precision": "month"}, "May 2019"),
        ({"start_date": None, "end_date": None, "date_precision": "tbd", "year": 2022}, "2022 (TBD)"),
        ({"start_date": datetime.date(2014, 1, 1), "end_date": None, "date_precision": "year"}, "2014"),
        (
            {
                "start_date": datetime.date(2018, 12, 10),
                "end_date": datetime.date(2018, 12, 14),
                "date_precision": "day",
            },
            "December 10–14, 2018",
        ),
    ],
)
def test_occurrence_date_display_is_as_precise_as_the_source(fields, expected):
    assert Occurrence(**fields).date_display == expected
