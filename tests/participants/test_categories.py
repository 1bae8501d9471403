"""Participant categories: each with its own seats, review rule and waitlist."""

import pytest
from django.urls import reverse
from django.utils import timezone

from participants.errors import RegistrationError
from participants.models import ParticipantCategory, QuestionSet, Registration
from participants.services import registration_submit, registration_transition, registration_withdraw
from programs.models import Program
from tests.factories import OccurrenceFactory, ParticipantFactory, ProgramFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]
S = Registration.Status


def _categories(occurrence, **capacities):
    return {
        name: ParticipantCategory.objects.create(
            occurrence=occurrence, name_en=name.title(), order=i, capacity=seats, needs_review=False
        )
        for i, (name, seats) in enumerate(capacities.items())
    }


def _submit(participant, occurrence, category=None):
    return registration_submit(participant=participant, occurrence=occurrence, consent=True, category=category)


def test_category_without_review_accepts_until_its_seats_are_taken_then_waitlists_while_others_accept():
    occurrence = OccurrenceFactory(capacity=10, admission="review")
    cats = _categories(occurrence, journalist=1, student=5)
    first = _submit(ParticipantFactory(), occurrence, cats["journalist"])
    assert first.status == S.ACCEPTED  # the category takes no review, though the occurrence does

    second = _submit(ParticipantFactory(), occurrence, cats["journalist"])
    assert second.status == S.WAITLISTED
    assert second.status_changes.order_by("-id").first().note_display == "All 1 seats for Journalist are taken."
    student = _submit(ParticipantFactory(), occurrence, cats["student"])
    assert student.status == S.ACCEPTED
    cats["journalist"].refresh_from_db()
    cats["student"].refresh_from_db()
    occurrence.refresh_from_db()
    assert (cats["journalist"].seats_taken, cats["student"].seats_taken, occurrence.seats_taken) == (1, 1, 2)
    assert Registration.objects.filter(occurrence=occurrence).count() == 3


def test_a_seat_freed_in_a_category_goes_to_that_category_waitlist(django_capture_on_commit_callbacks):
    from django.core import mail

    occurrence = OccurrenceFactory(capacity=10)
    cats = _categories(occurrence, press=1, student=1)
    press = _submit(ParticipantFactory(), occurrence, cats["press"])
    _submit(ParticipantFactory(), occurrence, cats["student"])
    student_waiting = _submit(ParticipantFactory(), occurrence, cats["student"])  # waiting longer
    press_waiting = _submit(ParticipantFactory(), occurrence, cats["press"])
    assert (student_waiting.status, press_waiting.status) == (S.WAITLISTED, S.WAITLISTED)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        registration_withdraw(registration=press)
    student_waiting.refresh_from_db()
    press_waiting.refresh_from_db()
    assert (student_waiting.status, press_waiting.status) == (S.WAITLISTED, S.ACCEPTED)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([press.participant.email, press_waiting.participant.email])
    promoted = next(m for m in mail.outbox if m.to == [press_waiting.participant.email])
    assert "Category: Press" in promoted.body
    cats["press"].refresh_from_db()
    assert cats["press"].seats_taken == 1


def test_a_full_reviewed_category_takes_registrations_for_staff_to_waitlist_and_promotes_them():
    occurrence = OccurrenceFactory(capacity=10, admission="auto")
    minister = ParticipantCategory.objects.create(occurrence=occurrence, name_en="Minister", capacity=1)
    first = _submit(ParticipantFactory(), occurrence, minister)
    registration_transition(registration=first, to_status=S.ACCEPTED)
    second = _submit(ParticipantFactory(), occurrence, minister)
    assert second.status == S.SUBMITTED  # reviewed: never waitlisted (and so promoted) without staff
    with pytest.raises(RegistrationError):
        registration_transition(registration=second, to_status=S.ACCEPTED)
    registration_transition(registration=second, to_status=S.WAITLISTED)
    registration_withdraw(registration=first)
    second.refresh_from_db()
    assert second.status == S.ACCEPTED


def test_reviewed_category_stays_submitted_and_staff_cannot_accept_past_its_seats():
    occurrence = OccurrenceFactory(capacity=10, admission="auto")
    minister = ParticipantCategory.objects.create(occurrence=occurrence, name_en="Minister", capacity=1)
    first = _submit(ParticipantFactory(), occurrence, minister)
    second = _submit(ParticipantFactory(), occurrence, minister)
    assert (first.status, second.status) == (S.SUBMITTED, S.SUBMITTED)  # reviewed, though the occurrence is not
    registration_transition(registration=first, to_status=S.ACCEPTED)
    with pytest.raises(RegistrationError) as refused:
        registration_transition(registration=second, to_status=S.ACCEPTED)
    assert refused.value.message == "All 1 seats for Minister are taken."
    # A withdrawal frees the category's seat; staff may then accept the other.
    registration_withdraw(registration=first)
    assert registration_transition(registration=second, to_status=S.ACCEPTED).status == S.ACCEPTED


def test_occurrence_with_categories_needs_one_and_only_its_own():
    occurrence = OccurrenceFactory(capacity=10)
    other = _categories(OccurrenceFactory(), press=3)["press"]
    _categories(occurrence, delegate=3)
    with pytest.raises(RegistrationError) as missing:
        _submit(ParticipantFactory(), occurrence)
    assert missing.value.message == "Please choose the category you register as."
    with pytest.raises(RegistrationError) as foreign:
        _submit(ParticipantFactory(), occurrence, other)
    assert foreign.value.message == "This category is not one of this occurrence's. Please choose another."
    assert Registration.objects.count() == 0


def test_occurrence_without_categories_works_as_before():
    occurrence = OccurrenceFactory(capacity=1)
    assert _submit(ParticipantFactory(), occurrence).status == S.ACCEPTED
    assert _submit(ParticipantFactory(), occurrence).status == S.WAITLISTED


def test_waitlist_promotion_skips_a_candidate_whose_category_is_full():
    occurrence = OccurrenceFactory(capacity=2)
    cats = _categories(occurrence, press=1, student=5)
    press = _submit(ParticipantFactory(), occurrence, cats["press"])
    student = _submit(ParticipantFactory(), occurrence, cats["student"])
    waiting = _submit(ParticipantFactory(), occurrence, cats["student"])
    assert waiting.status == S.WAITLISTED  # the occurrence is full, as today
    registration_withdraw(registration=press)
    waiting.refresh_from_db()
    assert waiting.status == S.ACCEPTED
    assert student.category_id == waiting.category_id == cats["student"].pk


def test_category_capacity_below_its_taken_seats_is_refused_by_the_form_and_the_database():
    from django.core.exceptions import ValidationError
    from django.db import IntegrityError, transaction

    occurrence = OccurrenceFactory(capacity=10)
    press = _categories(occurrence, press=2)["press"]
    _submit(ParticipantFactory(), occurrence, press)
    _submit(ParticipantFactory(), occurrence, press)
    press.refresh_from_db()
    press.capacity = 1
    with pytest.raises(ValidationError) as invalid:
        press.full_clean()
    assert invalid.value.message_dict["capacity"] == [
        "2 registrations of this category already hold a seat; keep at least as many."
    ]
    with pytest.raises(IntegrityError), transaction.atomic():
        ParticipantCategory.objects.filter(pk=press.pk).update(capacity=1)


# --- The registration page --------------------------------------------------------------------


def _official_client(client):
    user = UserFactory(email_verified_at=timezone.now())
    ParticipantFactory(user=user, email=user.email)
    client.force_login(user)
    return user


def _profile():
    data = {
        "family_name_native": "김",
        "given_name_native": "민지",
        "family_name": "Kim",
        "given_name": "Minji",
        "country": "KR",
        "organization": "",
        "department": "International Cooperation",
        "position": "Officer",
        "admin_level": "6",
        "languages": ["ko"],
        "phone": "+82 31 123 4567",
        "preferred_language": "en",
    }
    return {f"profile-{k}": v for k, v in data.items()}


def test_register_page_offers_full_categories_with_their_waitlist_and_asks_the_category_form(client):
    occurrence = OccurrenceFactory(capacity=10, program=ProgramFactory(kind=Program.Kind.EVENT))
    cats = _categories(occurrence, journalist=1, student=5)
    _submit(ParticipantFactory(), occurrence, cats["journalist"])
    form = QuestionSet.objects.create(category=cats["student"])
    section = form.sections.create(order=1, title_en="Your studies")
    section.questions.create(key="university", kind="short_text", label_en="University", required=True, order=1)
    _official_client(client)
    url = reverse("participants:register", kwargs={"slug": occurrence.slug})

    page = client.get(url).content.decode()
    assert "disabled" not in page
    assert f'id="category-{cats["journalist"].pk}-full">You join its waitlist.</span>' in page
    assert f'id="category-{cats["student"].pk}-full"' not in page
    assert 'id="registration-form"' not in page

    full = client.get(url, {"category": cats["journalist"].pk})
    assert full.status_code == 200
    assert 'id="registration-form"' in full.content.decode()
    assert "You will be on its waitlist" in full.content.decode()

    chosen = client.get(url, {"category": cats["student"].pk}).content.decode()
    assert 'id="registration-form"' in chosen
    assert 'name="university"' in chosen
    response = client.post(url, {**_profile(), "category": cats["student"].pk, "university": "SNU", "consent": "on"})
    assert response.status_code == 302
    registration = Registration.objects.get(participant__user__isnull=False)
    assert (registration.category, registration.status, registration.answers) == (
        cats["student"],
        S.ACCEPTED,
        {"university": "SNU"},
    )
    detail = client.get(response["Location"]).content.decode()
    assert 'id="registration-category">Student</dd>' in detail


def test_posting_a_full_category_joins_its_waitlist_and_says_so(client):
    occurrence = OccurrenceFactory(capacity=10, program=ProgramFactory(kind=Program.Kind.EVENT))
    press = _categories(occurrence, press=1)["press"]
    _submit(ParticipantFactory(), occurrence, press)
    _official_client(client)
    url = reverse("participants:register", kwargs={"slug": occurrence.slug})
    response = client.post(url, {**_profile(), "category": press.pk, "consent": "on"}, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "All 1 seats for Press are taken. You are on the waitlist; we will email you if a place frees up." in page
    waiting = Registration.objects.get(occurrence=occurrence, participant__user__isnull=False)
    assert (waiting.category, waiting.status) == (press, S.WAITLISTED)
