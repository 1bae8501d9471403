import pytest
from django.urls import reverse

from tests.cohorts.factories import registration_in

pytestmark = [pytest.mark.django_db, pytest.mark.integration]

# Groups/permissions, the organization tree walk (once per request), one count, the program and country filters
# (from the occurrences and the country index), whether the user runs the Online Bureau (once per request, for the
# app list), the page of rows: none of them depends on how many rows there are. The session comes
# from the cache (cached_db), the signed-in account too (accounts.backends).
CHANGELIST_QUERIES = 9


@pytest.mark.parametrize("rows", [1, 40])
def test_registration_changelist_runs_a_fixed_number_of_queries(
    client_a, occurrence_a, rows, django_assert_num_queries
):
    for _ in range(rows):
        registration_in(occurrence_a)
    url = reverse("admin:participants_registration_changelist")
    client_a.get(url)  # warm the content-type, session and account caches

    with django_assert_num_queries(CHANGELIST_QUERIES):
        response = client_a.get(url)

    assert response.context["cl"].result_count == rows
