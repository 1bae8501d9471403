"""Program staff manage an occurrence's participant categories inline on its admin page, in Chromium,
as the demo's staff account: add one with its names, seats, review rule and badge colour; a capacity
below the seats its registrations already hold is refused with the reason and nothing changes."""

import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from participants.models import ParticipantCategory
from participants.services import registration_submit
from tests.e2e.logins import log_in_admin
from tests.factories import ParticipantFactory
from workshops.models import Occurrence

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

K2H = "Sample K2H cohort"


def test_staff_add_a_category_inline_and_cannot_cut_its_seats_below_those_taken(page, live_server):
    call_command("load_demo", stdout=io.StringIO())
    occurrence = Occurrence.objects.get(title_en__startswith=K2H)
    log_in_admin(page, live_server.url, "staff@example.org")
    page.get_by_role("link", name="Occurrences").first.click()
    page.get_by_role("link", name=re.compile(K2H)).first.click()

    page.locator("#participant_categories-group").get_by_role("button", name="Add another Participant category").click()
    page.fill("#id_participant_categories-0-name_en", "Observer")
    page.fill("#id_participant_categories-0-name_ko", "참관인")
    page.fill("#id_participant_categories-0-name_zh_hans", "观察员")
    page.fill("#id_participant_categories-0-name_zh_hant", "觀察員")
    page.fill("#id_participant_categories-0-name_ja", "オブザーバー")
    page.fill("#id_participant_categories-0-capacity", "2")
    page.uncheck("#id_participant_categories-0-needs_review")
    page.fill("#id_participant_categories-0-badge_colour", "#00796b")
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    observer = ParticipantCategory.objects.get(occurrence=occurrence)
    assert (observer.name_en, observer.name_ja, observer.capacity, observer.needs_review, observer.badge_colour) == (
        "Observer",
        "オブザーバー",
        2,
        False,
        "#00796b",
    )

    # Two observers take both seats; staff then try to cut the category to one seat.
    for _ in range(2):
        registration_submit(
            participant=ParticipantFactory(country="VN"),
            occurrence=occurrence,
            answers={"language": "en"},
            consent=True,
            category=observer,
        )
    page.reload()
    expect(page.locator("table.cohort-categories tbody tr")).to_have_text(re.compile(r"Observer\s*2\s*2\s*0\s*0"))
    page.fill("#id_participant_categories-0-capacity", "1")
    page.locator("input[name=_continue]").click()
    expect(page.locator(".errorlist").first).to_contain_text(
        "2 registrations of this category already hold a seat; keep at least as many."
    )
    observer.refresh_from_db()
    assert (observer.capacity, observer.seats_taken) == (2, 2)
