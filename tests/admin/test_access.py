import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from participants.models import Registration
from tests.cohorts.factories import CertificateFactory, registration_in, staff_user
from tests.factories import UserFactory

S = Registration.Status
pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def test_changelist_lists_only_the_staff_members_organizations_registrations(client_a, occurrence_a, occurrence_b):
    mine = registration_in(occurrence_a)
    registration_in(occurrence_b)

    response = client_a.get(reverse("admin:participants_registration_changelist"))

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [mine]


def test_change_view_of_another_organizations_registration_by_direct_url_is_refused(client_a, occurrence_b):
    theirs = registration_in(occurrence_b)

    response = client_a.get(reverse("admin:participants_registration_change", args=[theirs.pk]))

    # The admin answers an object outside the queryset as "does not exist" and goes back to its index.
    assert response.status_code == 302
    assert response.url == reverse("admin:index")


def test_history_of_another_organizations_registration_is_refused(client_a, occurrence_b):
    theirs = registration_in(occurrence_b)

    response = client_a.get(reverse("admin:participants_registration_history", args=[theirs.pk]))

    assert response.status_code == 403


def test_history_version_of_another_organizations_registration_is_refused(client_a, occurrence_b):
    theirs = registration_in(occurrence_b)
    version = theirs.history.latest()

    response = client_a.get(
        reverse("admin:participants_registration_simple_history", args=[theirs.pk, version.history_id])
    )

    assert response.status_code == 403


def test_review_button_on_another_organizations_registration_is_refused(client_a, occurrence_b):
    theirs = registration_in(occurrence_b)

    response = client_a.post(
        reverse("admin:participants_registration_transition", args=[theirs.pk]), {"to_status": S.ACCEPTED}
    )

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == S.SUBMITTED


def test_bulk_action_ignores_registrations_of_another_organization(client_a, occurrence_b):
    theirs = registration_in(occurrence_b)

    client_a.post(
        reverse("admin:participants_registration_changelist"),
        {
            "action": "make_accepted",
            "_selected_action": [theirs.pk],
            "index": 0,
        },
    )

    theirs.refresh_from_db()
    assert theirs.status == S.SUBMITTED


def test_occurrence_pages_and_badges_of_another_organization_are_refused(client_a, occurrence_a, occurrence_b):
    assert client_a.get(reverse("admin:workshops_occurrence_change", args=[occurrence_b.pk])).url == reverse(
        "admin:index"
    )
    assert client_a.get(reverse("admin:workshops_occurrence_badges", args=[occurrence_b.pk])).status_code == 404
    assert client_a.post(reverse("admin:workshops_occurrence_ceremony", args=[occurrence_b.pk])).status_code == 404
    changelist = client_a.get(reverse("admin:workshops_occurrence_changelist"))
    assert list(changelist.context["cl"].result_list) == [occurrence_a]


def test_certificate_download_is_for_the_official_and_the_managing_staff_only(client, org_a, org_b, occurrence_a):
    official = UserFactory()
    certificate = CertificateFactory(registration__occurrence=occurrence_a, registration__participant__user=official)
    certificate.file.save("c.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    url = reverse("cohorts:certificate_download", args=[certificate.pk])

    client.force_login(official)
    assert client.get(url).status_code == 200
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(staff_user(org_b))
    assert client.get(url).status_code == 404
    client.force_login(staff_user(org_a, group="Program reviewers"))
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 test"


def test_staff_without_organization_see_no_registrations_and_superusers_see_all(client, occurrence_a, occurrence_b):
    registration_in(occurrence_a)
    registration_in(occurrence_b)
    url = reverse("admin:participants_registration_changelist")

    client.force_login(staff_user(None))
    assert response_count(client.get(url)) == 0
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert response_count(client.get(url)) == 2


def response_count(response):
    return response.context["cl"].result_count


def test_reviewer_group_may_review_but_not_edit_occurrences(client, org_a, occurrence_a):
    reviewer = staff_user(org_a, group="Program reviewers")
    client.force_login(reviewer)
    registration = registration_in(occurrence_a)

    client.post(
        reverse("admin:participants_registration_transition", args=[registration.pk]), {"to_status": S.ACCEPTED}
    )

    registration.refresh_from_db()
    assert registration.status == S.ACCEPTED
    assert reviewer.has_perm("workshops.change_occurrence") is False
    assert reviewer.has_perm("workshops.view_occurrence") is True
