"""Participant categories in Chromium, as the demo official: each category has its own seats; a full
one cannot be chosen (and says so) while another still takes registrations; a category that fills
up while the official is filling in the form refuses with a clear message and saves nothing."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from participants.models import ParticipantCategory, Registration
from participants.services import registration_submit
from programs.models import Program
from tests.e2e.logins import log_in
from tests.factories import OccurrenceFactory, ParticipantFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _open_meeting():
    """An open sample meeting of the Heads of Missions program with the seed's three roles."""
    occurrence = OccurrenceFactory(
        program=Program.objects.get(slug="heads-of-missions-meeting"),
        title_en="Heads of Missions meeting (sample, open)",
        slug="sample-heads-of-missions-open",
        capacity=200,
        admission="review",
        registration_opens_at=timezone.now() - datetime.timedelta(days=1),
        start_date=timezone.localdate() + datetime.timedelta(days=40),
    )

    def category(order, name, seats, review):
        return ParticipantCategory.objects.create(
            occurrence=occurrence, order=order, name_en=name, capacity=seats, needs_review=review
        )

    return (
        occurrence,
        category(1, "Head of mission", 181, True),
        category(2, "College student supporter", 1, False),
        category(3, "Journalist for diplomacy with the people", 1, False),
    )


def _take_seat(occurrence, category):
    registration_submit(
        participant=ParticipantFactory(country="KR"), occurrence=occurrence, consent=True, category=category
    )


def test_official_registers_in_a_category_with_seats_when_others_are_full(page, live_server):
    call_command("load_demo", stdout=io.StringIO())
    occurrence, head, student, journalist = _open_meeting()
    _take_seat(occurrence, journalist)
    url = f"{live_server.url}/occurrences/{occurrence.slug}/register/"
    log_in(page, live_server.url, "official@example.org")

    page.goto(url)
    # The full category is shown, cannot be chosen, and says why.
    assert page.locator(f"#category-{journalist.pk}").is_disabled()
    assert page.locator(f"#category-{journalist.pk}-full").inner_text() == "No seats left"
    assert page.locator(f"#category-{student.pk}").is_enabled()
    # Asking for it anyway (an old link) is refused in words.
    page.goto(f"{url}?category={journalist.pk}")
    assert page.locator("#category-error").inner_text() == (
        "All 1 seats for Journalist for diplomacy with the people are taken. Please choose another category."
    )

    # The student supporters' last seat goes while the official fills in the form.
    page.check(f"#category-{student.pk}")
    page.locator("#category-form button[type=submit]").click()
    assert page.locator("#chosen-category").inner_text().startswith("You register as: College student supporter")
    _take_seat(occurrence, student)
    page.check("#id_consent")
    page.locator("#registration-form button[type=submit]").click()
    assert page.locator("#category-error").inner_text() == (
        "All 1 seats for College student supporter are taken. Please choose another category."
    )
    assert not Registration.objects.filter(occurrence=occurrence, participant__email="official@example.org").exists()

    # Another category still takes registrations: heads of mission, reviewed by staff.
    assert page.locator(f"#category-{student.pk}").is_disabled()
    page.check(f"#category-{head.pk}")
    page.locator("#category-form button[type=submit]").click()
    page.check("#id_consent")
    page.locator("#registration-form button[type=submit]").click()
    page.wait_for_selector("#registration-category")
    assert page.locator("#registration-category").inner_text() == "Head of mission"
    registration = Registration.objects.get(occurrence=occurrence, participant__email="official@example.org")
    assert (registration.category, registration.status) == (head, "submitted")
    head.refresh_from_db()
    student.refresh_from_db()
    assert (head.seats_taken, student.seats_taken) == (0, 1)


def test_the_category_choice_in_korean_on_a_phone(page, live_server):
    """The same choice as an official reads it on a phone in Korean: the categories' own names, the
    full one marked in Korean, nothing wider than the screen."""
    from django.utils import translation

    call_command("load_demo", stdout=io.StringIO())
    occurrence, head, student, journalist = _open_meeting()
    for category, name in ((head, "공관장"), (student, "대학생 서포터즈"), (journalist, "국민외교 기자단")):
        category.name_ko = name
        category.save()
    _take_seat(occurrence, journalist)
    with translation.override("ko"):
        no_seats = translation.gettext("No seats left")
    assert no_seats != "No seats left"
    page.set_viewport_size({"width": 390, "height": 844})
    page.context.add_cookies([{"name": "django_language", "value": "ko", "url": live_server.url}])
    log_in(page, live_server.url, "official@example.org")
    page.goto(f"{live_server.url}/occurrences/{occurrence.slug}/register/")
    form = page.locator("#category-form").inner_text()
    assert "공관장" in form and "대학생 서포터즈" in form and "국민외교 기자단" in form
    assert page.locator(f"#category-{journalist.pk}-full").inner_text() == no_seats
    assert page.locator(f"#category-{journalist.pk}").is_disabled()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.check(f"#category-{student.pk}")
    page.locator("#category-form button[type=submit]").click()
    assert "대학생 서포터즈" in page.locator("#chosen-category").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
