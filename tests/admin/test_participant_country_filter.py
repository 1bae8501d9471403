"""The participants' country filter lists the countries in use, not the 250 of the country list
(issue 14): a superuser's from the profiles' country index, program staff's from the officials
they can see, kept in the cache for a few minutes. Choosing a country still filters."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from participants.selectors import participant_countries
from tests.cohorts.factories import registration_in
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]

PARTICIPANTS = "admin:participants_participant_changelist"


def _country_choices(response):
    spec = next(f for f in response.context["cl"].filter_specs if getattr(f, "parameter_name", None) == "country")
    return [code for code, _name in spec.lookup_choices]


@pytest.fixture
def officials(occurrence_a, occurrence_b, org_a, org_b):
    """An applicant to the staff's occurrence (Japan), a colleague of their organization (Korea),
    and an official of another organization who applied elsewhere (Viet Nam)."""
    registration_in(occurrence_a, family_name="Applicant", organization=org_b, country="JP")
    registration_in(occurrence_b, family_name="Colleague", organization=org_a, country="KR")
    registration_in(occurrence_b, family_name="Stranger", organization=org_b, country="VN")


def test_program_staff_see_the_countries_of_their_officials_only(client_a, officials):
    response = client_a.get(reverse(PARTICIPANTS))
    assert _country_choices(response) == ["JP", "KR"]  # Japan, South Korea: not Viet Nam, not the 250


def test_superusers_see_every_country_in_use_and_no_other(client, officials):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get(reverse(PARTICIPANTS))
    assert _country_choices(response) == ["JP", "KR", "VN"]
    assert participant_countries() == ["JP", "KR", "VN"]


def test_choosing_a_country_filters_the_officials(client_a, officials):
    cl = client_a.get(reverse(PARTICIPANTS), {"country": "KR"}).context["cl"]
    assert [p.family_name for p in cl.result_list] == ["Colleague"]
    assert cl.result_count == 1


def test_program_staff_choices_come_from_the_cache_until_it_expires(client_a, occurrence_a, officials):
    url = reverse(PARTICIPANTS)
    client_a.get(url)  # reads and keeps the countries
    registration_in(occurrence_a, family_name="Newcomer", country="TH")

    with CaptureQueriesContext(connection) as captured:
        response = client_a.get(url)
    assert _country_choices(response) == ["JP", "KR"]
    assert not [q for q in captured.captured_queries if "DISTINCT" in q["sql"] and "country" in q["sql"]]
    # Meanwhile the newcomer's country filters already, by its link.
    cl = client_a.get(url, {"country": "TH"}).context["cl"]
    assert [p.family_name for p in cl.result_list] == ["Newcomer"]

    cache.clear()  # as when the few minutes have passed
    assert _country_choices(client_a.get(url)) == ["JP", "KR", "TH"]  # Japan, South Korea, Thailand
