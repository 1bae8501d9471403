"""Applications by organizations in Chromium, as the demo's requesters use them: Gyeonggi's
requester applies for Glocalization Lecturing from its occurrence page and takes the 12th place;
Suwon's requester, whose form was open meanwhile, is refused past the 12 places with what they
typed kept, and the form page then says so before anything is typed. The applicant's email
arrives at the SMTP server."""

import io

import pytest
from django.core.management import call_command

from applications.models import OrganizationApplication, OrganizationCall
from applications.services import application_submit
from notifications.models import Notification
from programs.models import Organization
from tests.applications.conftest import fields, verified_official

from .logins import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(smtp_delivery):
    call_command("load_demo", stdout=io.StringIO())
    return smtp_delivery


def _fill_until_one_place_is_left(call):
    """Other local governments apply (the demo's three sample applications hold places already)."""
    others = Organization.objects.filter(kind="city", slug__startswith="kr-seoul-").order_by("slug")
    for organization in others[: call.places - call.places_taken - 1]:
        application_submit(call=call, user=verified_official(organization), organization=organization, **fields())
    call.refresh_from_db()
    assert call.places_left == 1


def _fill_form(page, needs):
    page.fill("#id_contact_name", "Lee Seoyeon")
    page.fill("#id_contact_phone", "+82 31-000-0000")
    page.fill("#id_needs", needs)
    page.fill("#id_preferred_dates", "Second half of May")
    page.fill("#id_attendees", "40")
    page.locator("#application-form button[type=submit]").click()


def test_a_local_government_applies_for_lecturing_and_the_13th_is_refused(page, live_server, demo):
    url = live_server.url
    call = OrganizationCall.objects.select_related("occurrence").get(
        occurrence__program__slug="glocalization-lecturing"
    )
    assert call.places == 12
    _fill_until_one_place_is_left(call)

    suwon = page.context.browser.new_context(locale="en-US").new_page()
    suwon.context.add_cookies([{"name": "django_language", "value": "en", "url": url}])
    log_in(suwon, url, "requester.suwon@example.org")
    suwon.goto(f"{url}/applications/apply/{call.occurrence.slug}/")
    assert "1 of 12 place left." in suwon.locator("main").inner_text()

    page.context.add_cookies([{"name": "django_language", "value": "en", "url": url}])
    log_in(page, url, "requester@example.org")
    page.goto(f"{url}{call.occurrence.get_absolute_url()}")
    assert "1 of 12 place left." in page.locator("#organization-call").inner_text()
    page.click("#organization-apply")
    assert page.locator("#id_organization option:checked").inner_text() == "Gyeonggi Province"
    _fill_form(page, "International protocol for our festival staff")
    page.wait_for_selector("#application-status")
    assert page.locator("#application-status").inner_text() == "Submitted"
    assert "International protocol for our festival staff" in page.locator("main").inner_text()
    gyeonggi = OrganizationApplication.objects.get(organization__slug="gyeonggi")
    assert gyeonggi.submitted_by.email == "requester@example.org"

    _fill_form(suwon, "Vitalizing our local festival")
    refusal = suwon.locator("main .alert").first.inner_text()
    assert refusal == (
        "All 12 places are taken: Suwon-si, Gyeonggi cannot apply any more. "
        "Write to the organizers if you would like them to add places."
    )
    assert suwon.input_value("#id_needs") == "Vitalizing our local festival"
    assert not OrganizationApplication.objects.filter(organization__slug="kr-gyeonggi-suwon-si").exists()
    assert OrganizationCall.objects.get(pk=call.pk).places_taken == 12
    suwon.goto(f"{url}/applications/apply/{call.occurrence.slug}/")
    assert suwon.locator("#application-refusal").inner_text() == (
        "All 12 places are taken. Write to the organizers if you would like them to add places."
    )
    assert suwon.locator("#application-form").count() == 0

    page.get_by_role("link", name="Applications", exact=True).first.click()
    assert "Gyeonggi Province" in page.locator("#application-list").inner_text()
    notice = Notification.objects.get(key=f"organization_application:{gyeonggi.pk}:submitted")
    assert notice.language == "ko" and "경기도" in notice.subject
    link = f"/applications/{gyeonggi.pk}/"
    mails = demo.received_by("requester@example.org")
    [received] = [m for m in mails if link in m.get_body(preferencelist=("plain",)).get_content()]
    assert "경기도" in str(received["Subject"])
