"""The applicant's pages and the staff's review in the admin, through the test client."""

import io
import time
from datetime import timedelta

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from applications.models import OrganizationApplication, OrganizationCall
from applications.services import application_decide, application_submit, application_withdraw
from bureau.models import Requester
from programs.roles import PROGRAM_STAFF, REVIEWERS
from tests.factories import OrganizationFactory, UserFactory
from workshops import public_cache

from .conftest import fields, verified_official

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def _post(client, call, organization_id, **overrides):
    return client.post(
        f"/applications/apply/{call.occurrence.slug}/", {"organization": organization_id, **fields(**overrides)}
    )


def test_apply_page_saves_the_application_and_shows_it_to_a_colleague(client, call, official, province):
    client.force_login(official)
    response = _post(client, call, province.pk)
    application = OrganizationApplication.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/applications/{application.pk}/"
    client.force_login(verified_official(province))
    page = client.get(f"/applications/{application.pk}/").content.decode()
    assert "International protocol for our festival staff" in page


def test_apply_page_with_a_forged_organization_id_is_refused_and_keeps_what_was_typed(client, call, official):
    suwon = OrganizationFactory(kind="city", name_en="Suwon-si")
    client.force_login(official)
    response = _post(client, call, suwon.pk)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Select a valid choice" in page
    assert "International protocol for our festival staff" in page
    assert OrganizationApplication.objects.count() == 0
    assert _post(client, call, "not-a-number").status_code == 200
    assert OrganizationApplication.objects.count() == 0


def test_apply_page_for_someone_verified_for_no_organization_says_how_to_be_verified(client, call, province):
    client.force_login(UserFactory())
    page = client.get(f"/applications/apply/{call.occurrence.slug}/").content.decode()
    assert "Only an official whom the Online Bureau verified for a local government can apply" in page
    assert 'id="application-form"' not in page
    assert _post(client, call, province.pk).status_code == 200
    assert OrganizationApplication.objects.count() == 0


def test_application_of_another_organization_is_a_404(client, call, official, province):
    application = application_submit(call=call, user=official, organization=province, **fields())
    suwon = OrganizationFactory(kind="city", name_en="Suwon-si")
    client.force_login(verified_official(suwon))
    assert client.get(f"/applications/{application.pk}/").status_code == 404
    assert client.get("/applications/999999/").status_code == 404


def test_occurrence_page_offers_the_application_with_the_places_left(client, call, official, province):
    application_submit(call=call, user=official, organization=province, **fields())
    page = client.get(call.occurrence.get_absolute_url()).content.decode()
    assert "11 of 12 places left." in page
    assert f'href="/applications/apply/{call.occurrence.slug}/"' in page


def test_the_cached_public_page_shows_the_places_left_after_each_application(client, call, official, province):
    """Anonymous occurrence pages are cached whole: an application must replace them."""
    assert "12 of 12 places left." in client.get(call.occurrence.get_absolute_url()).content.decode()
    application_submit(call=call, user=official, organization=province, **fields())
    assert "11 of 12 places left." in client.get(call.occurrence.get_absolute_url()).content.decode()


@pytest.fixture
def program_staff(gaok):
    user = UserFactory(is_staff=True, organization=gaok)
    user.groups.add(Group.objects.get(name=PROGRAM_STAFF))
    return user


def test_staff_accept_in_the_admin_and_the_email_arrives(
    client, call, province, program_staff, settings, smtp_server, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", smtp_server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    official = verified_official(province, email="seoyeon@gg.example.org", first_name="Seoyeon", last_name="Lee")
    with django_capture_on_commit_callbacks(execute=True):
        application = application_submit(call=call, user=official, organization=province, **fields())
    client.force_login(program_staff)
    url = f"/admin/applications/organizationapplication/{application.pk}/change/"
    refused = client.post(
        url, {"decision": "declined", "reason": "", "events-TOTAL_FORMS": 0, "events-INITIAL_FORMS": 0}
    )
    assert refused.status_code == 200
    assert "Give the reason for declining" in refused.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {"decision": "accepted", "reason": "See you in May", "events-TOTAL_FORMS": 1, "events-INITIAL_FORMS": 1},
        )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "accepted"
    assert [(e.to_status, e.by) for e in application.events.all()] == [
        ("submitted", official),
        ("accepted", program_staff),
    ]
    received, accepted = smtp_server.received_by("seoyeon@gg.example.org")
    assert received["Subject"] == "Gyeonggi Province has applied for Glocalization Lecturing 2027"
    assert accepted["Subject"] == "The application of Gyeonggi Province for Glocalization Lecturing 2027 is accepted"
    text = accepted.get_body(preferencelist=("plain",)).get_content()
    assert "the application is accepted" in text
    assert "See you in May" in text
    assert f"/applications/{application.pk}/" in text


def test_staff_export_the_applications_to_excel_reviewers_cannot(client, call, official, province, program_staff, gaok):
    application_submit(call=call, user=official, organization=province, **fields())
    client.force_login(program_staff)
    response = client.post(
        "/admin/applications/organizationapplication/",
        {"action": "export_xlsx", "_selected_action": [a.pk for a in OrganizationApplication.objects.all()]},
    )
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert rows[0][:4] == ("Occurrence", "Local government", "Native name", "Status")
    assert rows[1][1] == "Gyeonggi Province" and rows[1][3] == "Submitted" and rows[1][9] == 40
    reviewer = UserFactory(is_staff=True, organization=gaok)
    reviewer.groups.add(Group.objects.get(name=REVIEWERS))
    client.force_login(reviewer)
    page = client.get("/admin/applications/organizationapplication/").content.decode()
    assert "export_xlsx" not in page


def test_staff_of_another_organization_cannot_open_the_application(client, call, official, province):
    application = application_submit(call=call, user=official, organization=province, **fields())
    other = UserFactory(is_staff=True, organization=OrganizationFactory(kind="association"))
    other.groups.add(Group.objects.get(name=PROGRAM_STAFF))
    client.force_login(other)
    response = client.get(f"/admin/applications/organizationapplication/{application.pk}/change/")
    assert response.status_code in (302, 404)
    assert client.get("/admin/applications/organizationapplication/").context["cl"].result_count == 0


def test_applicant_withdraws_from_the_application_page_after_confirming(client, call, official, province):
    application = application_submit(call=call, user=official, organization=province, **fields())
    occurrence_url = call.occurrence.get_absolute_url()
    assert "11 of 12 places left." in Client().get(occurrence_url).content.decode()  # cached for anonymous visitors
    client.force_login(official)
    page = client.get(f"/applications/{application.pk}/").content.decode()
    assert f'href="/applications/{application.pk}/withdraw/"' in page
    confirm = client.get(f"/applications/{application.pk}/withdraw/").content.decode()
    assert "You are about to withdraw the application of Gyeonggi Province" in confirm
    assert OrganizationApplication.objects.get().status == "submitted"  # asking is not withdrawing
    response = client.post(f"/applications/{application.pk}/withdraw/", follow=True)
    page = response.content.decode()
    assert response.redirect_chain == [(f"/applications/{application.pk}/", 302)]
    assert "The application of Gyeonggi Province is withdrawn" in page
    assert '<dd id="application-status">Withdrawn</dd>' in page
    assert "/withdraw/" not in page
    assert "12 of 12 places left." in Client().get(occurrence_url).content.decode()


def test_a_decided_application_cannot_be_withdrawn_by_the_applicant(client, call, official, province):
    application = application_submit(call=call, user=official, organization=province, **fields())
    application_decide(application=application, to_status="accepted", by=UserFactory(is_staff=True))
    client.force_login(official)
    assert "/withdraw/" not in client.get(f"/applications/{application.pk}/").content.decode()
    for method in (client.get, client.post):
        response = method(f"/applications/{application.pk}/withdraw/", follow=True)
        assert response.status_code == 200
        assert "GAOK&#x27;s staff have already accepted this application" in response.content.decode()
    assert OrganizationApplication.objects.get().status == "accepted"
    client.force_login(verified_official(OrganizationFactory(kind="city")))
    assert client.post(f"/applications/{application.pk}/withdraw/").status_code == 404


def test_staff_see_a_withdrawn_application_in_the_admin_and_cannot_decide_it(
    client, call, official, province, program_staff
):
    application = application_submit(call=call, user=official, organization=province, **fields())
    application_withdraw(application=application, by=official)
    client.force_login(program_staff)
    listing = client.get("/admin/applications/organizationapplication/?status__exact=withdrawn")
    assert [a.pk for a in listing.context["cl"].result_list] == [application.pk]
    url = f"/admin/applications/organizationapplication/{application.pk}/change/"
    page = client.get(url).content.decode()
    assert "Withdrawn" in page
    refused = client.post(
        url, {"decision": "accepted", "reason": "", "events-TOTAL_FORMS": 2, "events-INITIAL_FORMS": 2}
    )
    assert refused.status_code == 200
    assert "An application that is Withdrawn cannot become Accepted." in refused.content.decode()
    assert OrganizationApplication.objects.get().status == "withdrawn"


def test_occurrence_page_tells_a_visitor_that_local_governments_apply(client, call):
    page = client.get(call.occurrence.get_absolute_url()).content.decode()
    assert "Registration is not open." not in page
    assert "Local governments apply for this program, not persons" in page
    assert "12 of 12 places left." in page
    assert 'id="organization-call-window"' in page
    assert f'href="/applications/apply/{call.occurrence.slug}/"' in page
    assert "Sign in first. Not verified for your local government yet?" in page
    # The box stands where the register box is, above the occurrence's details.
    assert page.index('id="organization-call"') < page.index('id="register-box"')


def test_occurrence_page_tells_an_unverified_official_how_to_be_verified(client, call):
    client.force_login(UserFactory())
    page = client.get(call.occurrence.get_absolute_url()).content.decode()
    assert "To apply, first be verified for your local government" in page
    assert 'href="/bureau/"' in page
    assert f'href="/applications/apply/{call.occurrence.slug}/"' not in page
    assert "Registration is not open." not in page


def test_occurrence_page_shows_a_verified_official_their_organizations_application(client, call, province):
    official = verified_official(province)
    client.force_login(official)
    session = client.session
    session["acts_for_organization"] = True  # what the sign-in remembers (applications.receivers)
    session.save()
    page = client.get(call.occurrence.get_absolute_url()).content.decode()
    assert f'href="/applications/apply/{call.occurrence.slug}/"' in page
    application = application_submit(call=call, user=official, organization=province, **fields())
    page = client.get(call.occurrence.get_absolute_url()).content.decode()
    assert "Gyeonggi Province has applied: Submitted." in page
    assert f'href="/applications/{application.pk}/"' in page
    assert f'href="/applications/apply/{call.occurrence.slug}/"' not in page


def test_occurrence_page_of_a_closed_call_says_so(client, call):
    call.closes_at = timezone.now()
    call.save()
    page = client.get(call.occurrence.get_absolute_url()).content.decode()
    assert "Applications for this occurrence are not open." in page
    assert "/applications/apply/" not in page
    assert "Registration is not open." not in page


def test_occurrence_without_a_call_still_says_registration_is_not_open(client, db):
    from tests.factories import OccurrenceFactory

    occurrence = OccurrenceFactory(registration_opens_at=None, registration_closes_at=None)
    page = client.get(occurrence.get_absolute_url()).content.decode()
    assert "Registration is not open." in page
    assert 'id="organization-call"' not in page


def test_list_page_offers_the_open_calls(client, call, official):
    client.force_login(official)
    page = client.get("/applications/").content.decode()
    assert "Glocalization Lecturing 2027" in page
    assert f'href="/applications/apply/{call.occurrence.slug}/"' in page


@pytest.mark.parametrize("organizations", [1, 3])
def test_occurrence_page_with_a_call_costs_a_fixed_number_of_queries(
    client, call, organizations, django_assert_num_queries
):
    url = call.occurrence.get_absolute_url()
    client.get(url)
    with django_assert_num_queries(0):  # anonymous: the whole page from the cache
        client.get(url)
    official = None
    for number in range(organizations):
        organization = OrganizationFactory(kind="city", name_en=f"City {number}")
        if official is None:
            official = verified_official(organization)
        else:
            Requester.objects.create(user=official, organization=organization, verified_at=timezone.now())
        application_submit(call=call, user=official, organization=organization, **fields())
    client.force_login(official)
    client.get(url)  # fills the fragments under the new public version
    # The occurrence row; the official's registration; the call; the applications of the
    # official's local governments to it (with their organizations). The account comes from the cache.
    with django_assert_num_queries(4):
        page = client.get(url).content.decode()
    assert page.count("has applied: Submitted.") == organizations


@pytest.mark.parametrize("rows", [1, 4])
def test_list_page_query_count_does_not_grow_with_calls_or_applications(
    client, call, gaok, rows, django_assert_num_queries
):
    from tests.factories import OccurrenceFactory

    now = timezone.now()
    official = None
    for number in range(rows):
        organization = OrganizationFactory(kind="city", name_en=f"City {number}")
        if official is None:
            official = verified_official(organization)
        else:
            Requester.objects.create(user=official, organization=organization, verified_at=now)
        application_submit(call=call, user=official, organization=organization, **fields())
        if number:
            OrganizationCall.objects.create(
                occurrence=OccurrenceFactory(title_en=f"Coaching {number}"),
                places=10,
                opens_at=now - timedelta(days=1),
                closes_at=now + timedelta(days=number),
            )
    client.force_login(official)
    # The user; the organizations (to tell whether to offer the form); the open calls with their
    # occurrences and programs; the applications with theirs.
    with django_assert_num_queries(4):
        page = client.get("/applications/").content.decode()
    assert page.count('class="structured-item open-call"') == rows
    assert page.count(f'href="/applications/apply/{call.occurrence.slug}/"') == 1


def test_the_cached_public_page_lives_no_longer_than_the_call_stays_open(client, call):
    """A visitor's occurrence page is cached whole; when the call closes (by time alone, no row
    changes) the next visitor must not be offered the form."""
    url = call.occurrence.get_absolute_url()
    client.get(url)  # warm: the timed part below must not wait for the first rendering
    call.closes_at = timezone.now() + timedelta(seconds=3)
    call.save()
    assert f'href="/applications/apply/{call.occurrence.slug}/"' in client.get(url).content.decode()
    context = public_cache.fragment_context(until=public_cache.next_occurrence_page_change)
    assert 1 <= context["seconds"] <= 3
    time.sleep(max((call.closes_at - timezone.now()).total_seconds(), 0) + 0.5)
    page = client.get(url).content.decode()
    assert "Applications for this occurrence are not open." in page
    assert "/applications/apply/" not in page
