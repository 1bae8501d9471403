import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from cohorts.selectors import occurrence_dashboard
from participants.models import Registration
from participants.services import registration_transition
from tests.cohorts.factories import hosted_occurrence, registration_in, staff_user
from tests.factories import CountryQuotaFactory, OrganizationFactory

S = Registration.Status
pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def _codenames(name):
    return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))


def test_migration_creates_staff_and_reviewer_groups():
    staff, reviewers = _codenames("Program staff"), _codenames("Program reviewers")

    assert {"change_registration", "change_occurrence", "add_placement", "view_certificate", "add_speechscore"} <= staff
    assert "change_registration" in reviewers
    assert reviewers.isdisjoint({"change_occurrence", "add_placement", "delete_registration", "add_speechscore"})
    assert "delete_registration" not in staff


def test_dashboard_counts_statuses_quotas_and_shows_on_the_occurrence_page(client):
    host = OrganizationFactory()
    occurrence = hosted_occurrence(host, capacity=4, admission="review")
    CountryQuotaFactory(occurrence=occurrence, country="KR", seats=2)
    CountryQuotaFactory(occurrence=occurrence, country="JP", seats=2)
    for country, target in [
        ("KR", S.ACCEPTED),
        ("KR", S.ACCEPTED),
        ("JP", S.ACCEPTED),
        ("JP", S.WAITLISTED),
        ("CN", S.REJECTED),
    ]:
        registration_transition(registration=registration_in(occurrence, country=country), to_status=target)
    occurrence.refresh_from_db()

    dashboard = occurrence_dashboard(occurrence=occurrence)

    assert (dashboard["capacity"], dashboard["seats_taken"], dashboard["seats_percent"]) == (4, 3, 75)
    counts = {row["status"]: row["count"] for row in dashboard["by_status"] if row["count"]}
    assert counts == {"accepted": 3, "waitlisted": 1, "rejected": 1}
    assert [(c["code"], c["taken"], c["seats"], c["waitlisted"]) for c in dashboard["countries"]] == [
        ("JP", 1, 2, 1),
        ("KR", 2, 2, 0),
    ]
    client.force_login(staff_user(host))
    page = client.get(reverse("admin:workshops_occurrence_change", args=[occurrence.pk]))
    assert page.status_code == 200
    assert b'class="cohort-chart"' in page.content
    assert b"3 of 4 seats taken" in page.content
