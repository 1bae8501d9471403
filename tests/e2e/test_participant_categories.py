"""Participant categories in Chromium, as the demo official: each category has its own seats; a full
one says so and offers its waitlist while another still takes registrations; a category that fills up
while the official is filling in the form puts them on its waitlist and tells them why."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from participants.models import ParticipantCategory, Registration
from participants.services import registration_submit, registration_withdraw
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
    # The full category is shown, says it is full and what choosing it means.
    assert page.locator(f"#category-{journalist.pk}").is_enabled()
    assert page.locator(f"#category-{journalist.pk}-full").inner_text() == "You join its waitlist."
    assert page.locator(f"#category-{head.pk}-full").count() == 0

    # The student supporters' last seat goes while the official fills in the form: they are
    # waitlisted in that category, told why, and will get its next free seat.
    page.check(f"#category-{student.pk}")
    page.locator("#category-form button[type=submit]").click()
    assert page.locator("#chosen-category").inner_text().startswith("You register as: College student supporter")
    assert page.locator("#category-waitlist").count() == 0
    _take_seat(occurrence, student)
    page.check("#id_consent")
    page.locator("#registration-form button[type=submit]").click()
    page.wait_for_selector("#registration-category")
    assert page.locator(".alert-warning").first.inner_text() == (
        "All 1 seats for College student supporter are taken. "
        "You are on the waitlist; we will email you if a place frees up."
    )
    mine = Registration.objects.get(occurrence=occurrence, participant__email="official@example.org")
    assert (mine.category, mine.status) == (student, "waitlisted")
    student.refresh_from_db()
    assert student.seats_taken == 1

    # The student who holds the seat withdraws: the seat goes to the official, in the same category.
    holder = Registration.objects.get(occurrence=occurrence, category=student, status="accepted")
    registration_withdraw(registration=holder)
    mine.refresh_from_db()
    assert (mine.category, mine.status) == (student, "accepted")

    # A full reviewed category: choosing it says staff decide on its waitlist.
    ParticipantCategory.objects.filter(pk=head.pk).update(capacity=0)
    registration_withdraw(registration=mine)
    page.goto(url)
    page.check(f"#category-{head.pk}")
    page.locator("#category-form button[type=submit]").click()
    assert (
        page.locator("#category-waitlist")
        .inner_text()
        .startswith(
            "All seats of this category are taken. Staff review your registration and may put you on its waitlist"
        )
    )


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
        waitlist = translation.gettext("You join its waitlist.")
    assert no_seats != "No seats left"
    page.set_viewport_size({"width": 390, "height": 844})
    page.context.add_cookies([{"name": "django_language", "value": "ko", "url": live_server.url}])
    log_in(page, live_server.url, "official@example.org")
    page.goto(f"{live_server.url}/occurrences/{occurrence.slug}/register/")
    form = page.locator("#category-form").inner_text()
    assert "공관장" in form and "대학생 서포터즈" in form and "국민외교 기자단" in form
    assert page.locator(f"#category-{journalist.pk}-full").inner_text() == waitlist
    assert no_seats in page.locator(f"#category-{journalist.pk}").locator("..").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.check(f"#category-{student.pk}")
    page.locator("#category-form button[type=submit]").click()
    assert "대학생 서포터즈" in page.locator("#chosen-category").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
