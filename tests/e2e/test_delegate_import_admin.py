"""The demo's GAOK staff member imports a delegate list in the admin, in English and Korean: a
refused row names its reason in the preview and nothing is saved; the corrected list is imported
through registration_import, with the same history a form registration gets."""

import csv
import io

import pytest
from django.core.management import call_command

from participants.models import Registration
from tests.e2e.logins import log_in_admin

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DEMO_PASSWORD = "exchange-portal-demo"
HEADERS = [
    "email", "family_name", "given_name", "family_name_native", "given_name_native", "country",
    "organization", "department", "position", "admin_level", "phone", "occurrence", "consent_date",
]  # fmt: skip
# The demo's sample speech contest (GAOK) admits Korean officials of level 5 and below only.
GOOD = {
    "email": "jiwoo.park@gg.example.org", "family_name": "Park", "given_name": "Jiwoo",
    "family_name_native": "박", "given_name_native": "지우", "country": "KR", "organization": "",
    "department": "International Cooperation", "position": "Officer", "admin_level": "6", "phone": "",
    "occurrence": "sample-speech-contest", "consent_date": "2026-04-30",
}  # fmt: skip
INELIGIBLE = {**GOOD, "email": "wang.fang@example.cn", "family_name": "Wang", "given_name": "Fang", "country": "CN"}
TEXT = {
    "en": "This program is open to officials from South Korea only.",
    "ko": "이 프로그램은 대한민국 공무원만 신청할 수 있습니다.",
}


def _csv(tmp_path, name, *rows):
    path = tmp_path / name
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=HEADERS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def _upload(page, url, path):
    page.goto(f"{url}/admin/participants/registration/import/")
    page.set_input_files("input[type=file]", str(path))
    page.select_option("select[name=format]", label="csv")
    page.locator("#content form [type=submit]").first.click()


@pytest.mark.parametrize("language", ["en", "ko"])
def test_demo_staff_imports_a_delegate_list_with_a_refused_row_then_the_corrected_one(
    page, live_server, tmp_path, language
):
    call_command("load_demo", stdout=io.StringIO())
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    log_in_admin(page, live_server.url, "staff@example.org")

    _upload(page, live_server.url, _csv(tmp_path, "with-refusal.csv", GOOD, INELIGIBLE))
    report = page.locator("#rosters-dry-run")
    assert TEXT[language] in report.locator("tr.refused").inner_text()
    assert page.locator("input[name=confirm]").count() == 0  # nothing can be confirmed
    assert not Registration.objects.filter(participant__email__in=[GOOD["email"], INELIGIBLE["email"]]).exists()

    _upload(page, live_server.url, _csv(tmp_path, "corrected.csv", GOOD))
    page.locator("input[name=confirm]").click()
    page.wait_for_selector("#result_list, .messagelist")
    registration = Registration.objects.get(participant__email=GOOD["email"], occurrence__slug=GOOD["occurrence"])
    assert registration.status == Registration.Status.SUBMITTED
    history = list(registration.status_changes.values_list("from_status", "to_status", "changed_by__email"))
    assert history == [("", "submitted", "staff@example.org")]
    assert "PARK Jiwoo (박지우)" in page.goto(f"{live_server.url}/admin/participants/registration/").text()
