"""The registration form: prefill, program questions, consent, eligibility, seats and waitlist."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from participants.models import Participant, Registration
from programs.models import Program
from tests.factories import (
    CountryQuotaFactory,
    OccurrenceFactory,
    ParticipantFactory,
    ProgramFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def _verified_user(**kwargs):
    return UserFactory(email_verified_at=timezone.now(), **kwargs)


def _official(country="KR", admin_level=6, **kwargs):
    user = _verified_user()
    participant = ParticipantFactory(user=user, email=user.email, country=country, admin_level=admin_level, **kwargs)
    return user, participant


def _profile_data(participant=None, **overrides):
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
        "languages": ["ko", "en"],
        "phone": "+82 31 123 4567",
        "preferred_language": "en",
    }
    if participant is not None:
        data.update(family_name=participant.family_name, country=str(participant.country))
    data.update(overrides)
    return {f"profile-{key}": value for key, value in data.items()}


def _post(client, occurrence, data, **answers):
    # Factory programs are workshops, which ask for the arrival date.
    if occurrence.program.kind == Program.Kind.WORKSHOP:
        answers.setdefault("arrival_date", occurrence.start_date.isoformat())
    return client.post(reverse("participants:register", kwargs={"slug": occurrence.slug}), {**data, **answers})


def test_register_requires_login(client):
    occurrence = OccurrenceFactory()
    url = reverse("participants:register", kwargs={"slug": occurrence.slug})
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={url}"


def test_register_unverified_user_sees_notice_and_cannot_post(client):
    user = UserFactory()
    client.force_login(user)
    occurrence = OccurrenceFactory()
    page = client.get(reverse("participants:register", kwargs={"slug": occurrence.slug})).content.decode()
    assert "Please confirm your email address" in page
    assert 'id="registration-form"' not in page
    response = _post(client, occurrence, _profile_data(), consent="on")
    assert response.status_code == 400
    assert Registration.objects.count() == 0
    assert Participant.objects.count() == 0


def test_register_form_prefilled_from_profile(client):
    user, participant = _official(department="Foreign Affairs Office")
    client.force_login(user)
    page = client.get(reverse("participants:register", kwargs={"slug": OccurrenceFactory().slug})).content.decode()
    assert f'value="{participant.given_name}"' in page  # the factory's name, as stored
    assert 'value="Foreign Affairs Office"' in page


def test_register_without_profile_creates_it_and_accepts(client, django_capture_on_commit_callbacks):
    user = _verified_user()
    client.force_login(user)
    occurrence = OccurrenceFactory(capacity=10)
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, occurrence, _profile_data(), consent="on")
    registration = Registration.objects.get()
    assert response["Location"] == reverse("participants:registration_detail", kwargs={"pk": registration.pk})
    assert registration.status == "accepted"
    assert registration.consent_given_at is not None
    participant = registration.participant
    assert (participant.user, participant.email, participant.family_name, participant.languages) == (
        user,
        user.email,
        "Kim",
        ["ko", "en"],
    )
    assert [m.subject for m in mail.outbox] == [f"Your registration for {occurrence.title} is accepted"]
    page = client.get(response["Location"]).content.decode()
    assert "You are registered: your place is confirmed." in page


def test_register_without_consent_keeps_input_and_saves_nothing(client):
    client.force_login(_verified_user())
    occurrence = OccurrenceFactory()
    response = _post(client, occurrence, _profile_data(department="Seoul Global Center"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Please consent to the processing of your personal data to register." in page
    assert 'value="Seoul Global Center"' in page
    assert Participant.objects.count() == 0
    assert Registration.objects.count() == 0


def test_register_page_states_purpose_and_retention(client):
    client.force_login(_verified_user())
    page = client.get(reverse("participants:register", kwargs={"slug": OccurrenceFactory().slug})).content.decode()
    assert "Your data are kept for 5 years after the program ends and then deleted." in page


def test_register_ineligible_country_refused_and_profile_unchanged(client):
    user, participant = _official(country="KR")
    client.force_login(user)
    occurrence = OccurrenceFactory(program=ProgramFactory(eligible_countries=["KR"]))
    response = _post(client, occurrence, _profile_data(participant, country="CN"), consent="on")
    assert response.status_code == 400
    assert "This program is open to officials from South Korea only." in response.content.decode()
    participant.refresh_from_db()
    assert str(participant.country) == "KR"
    assert Registration.objects.count() == 0


def test_register_full_occurrence_waitlists_with_message(client):
    occurrence = OccurrenceFactory(capacity=1)
    RegistrationFactory(occurrence=occurrence, status="accepted")
    occurrence.seats_taken = 1
    occurrence.save()
    user, participant = _official()
    client.force_login(user)
    response = _post(client, occurrence, _profile_data(participant), consent="on")
    assert Registration.objects.get(participant=participant).status == "waitlisted"
    page = client.get(response["Location"]).content.decode()
    assert (
        f"All 1 seats of {occurrence.title} are taken. You are on the waitlist; we will email you if a place frees up."
        in page
    )


def test_register_full_country_quota_waitlists_with_message(client):
    occurrence = OccurrenceFactory(capacity=10)
    CountryQuotaFactory(occurrence=occurrence, country="JP", seats=0)
    user, participant = _official(country="JP", admin_level=None)
    client.force_login(user)
    response = _post(client, occurrence, _profile_data(participant, admin_level=""), consent="on")
    assert Registration.objects.get().status == "waitlisted"
    page = client.get(response["Location"]).content.decode()
    assert "The 0 seats for Japan are taken." in page


def test_register_second_time_shows_existing_registration(client):
    user, participant = _official()
    client.force_login(user)
    registration = RegistrationFactory(participant=participant)
    url = reverse("participants:register", kwargs={"slug": registration.occurrence.slug})
    response = client.get(url, follow=True)
    assert response.redirect_chain == [
        (reverse("participants:registration_detail", kwargs={"pk": registration.pk}), 302)
    ]
    assert "You have already registered for this occurrence." in response.content.decode()


def test_register_contest_asks_language_and_refuses_high_level(client):
    program = ProgramFactory(kind=Program.Kind.CONTEST, top_admin_level=5, languages=["en", "zh", "ja"])
    occurrence = OccurrenceFactory(program=program, admission="review")
    user, participant = _official(admin_level=4)
    client.force_login(user)
    # The profile on file is refused before any form is shown (issue 11.10)...
    page = client.get(reverse("participants:register", kwargs={"slug": occurrence.slug})).content.decode()
    assert "This program is open to officials of administrative level 5 and below; your profile says level 4." in page
    assert "Contest language" not in page
    # ...and a level typed into the form is still checked on the server.
    participant.admin_level = 6
    participant.save()
    page = client.get(reverse("participants:register", kwargs={"slug": occurrence.slug})).content.decode()
    assert "Contest language" in page
    response = _post(client, occurrence, _profile_data(participant, admin_level="4"), consent="on", language="zh")
    assert (
        "This program is open to officials of administrative level 5 and below; your profile says level 4."
        in response.content.decode()
    )
    response = _post(client, occurrence, _profile_data(participant, admin_level="6"), consent="on", language="zh")
    registration = Registration.objects.get()
    assert (registration.status, registration.answers) == ("submitted", {"language": "zh"})
    page = client.get(response["Location"]).content.decode()
    assert "Your registration is received. Staff will review it and email you the decision." in page


def test_register_contest_without_language_shows_field_error(client):
    program = ProgramFactory(kind=Program.Kind.CONTEST, languages=["en", "zh", "ja"])
    occurrence = OccurrenceFactory(program=program)
    user, participant = _official()
    client.force_login(user)
    response = _post(client, occurrence, _profile_data(participant), consent="on")
    assert response.status_code == 400
    assert response.context["form"].errors == {"language": ["This field is required."]}


def test_register_workshop_arrival_outside_program_refused(client):
    occurrence = OccurrenceFactory(start_date=datetime.date(2031, 5, 20), end_date=datetime.date(2031, 5, 21))
    user, participant = _official()
    client.force_login(user)
    response = _post(client, occurrence, _profile_data(participant), consent="on", arrival_date="2031-06-01")
    assert response.context["form"].errors == {
        "arrival_date": ["Please choose a date between May 13, 2031 and May 21, 2031."]
    }
    response = _post(
        client,
        occurrence,
        _profile_data(participant),
        consent="on",
        arrival_date="2031-05-19",
        dietary_needs="Vegetarian",
    )
    assert Registration.objects.get().answers == {"arrival_date": "2031-05-19", "dietary_needs": "Vegetarian"}


def test_register_closed_occurrence_shows_no_form(client):
    user, _participant = _official()
    client.force_login(user)
    occurrence = OccurrenceFactory(
        registration_closes_at=timezone.now() - datetime.timedelta(hours=1),
        registration_opens_at=timezone.now() - datetime.timedelta(days=3),
    )
    page = client.get(reverse("participants:register", kwargs={"slug": occurrence.slug})).content.decode()
    assert "Registration for this occurrence is not open." in page
    assert 'id="registration-form"' not in page


def test_register_post_without_csrf_token_refused():
    client = Client(enforce_csrf_checks=True)
    user, participant = _official()
    client.force_login(user)
    occurrence = OccurrenceFactory()
    response = _post(client, occurrence, _profile_data(participant), consent="on")
    assert response.status_code == 403
    assert Registration.objects.count() == 0


def test_occurrence_page_shows_register_button_and_own_status(client):
    occurrence = OccurrenceFactory()
    url = reverse("workshops:occurrence_detail", kwargs={"slug": occurrence.slug})
    assert reverse("participants:register", kwargs={"slug": occurrence.slug}) in client.get(url).content.decode()
    user, participant = _official()
    registration = RegistrationFactory(participant=participant, occurrence=occurrence, status="waitlisted")
    client.force_login(user)
    page = client.get(url).content.decode()
    assert reverse("participants:registration_detail", kwargs={"pk": registration.pk}) in page
    assert "Waitlisted" in page


def test_register_notice_sent_in_preferred_language_not_page_language(client, django_capture_on_commit_callbacks):
    user, participant = _official()
    client.force_login(user)
    occurrence = OccurrenceFactory(title_en="CJK Workshop 2031")
    with django_capture_on_commit_callbacks(execute=True):
        _post(client, occurrence, _profile_data(participant, preferred_language="zh-hans"), consent="on")
    assert [m.subject for m in mail.outbox] == ["您对 CJK Workshop 2031 的报名已被接受"]
    user.refresh_from_db()
    assert user.preferred_language == "zh-hans"


def test_register_page_query_count_does_not_grow_with_questions(client, django_assert_num_queries):
    from participants.form_models import Question, QuestionChoice, QuestionSection
    from participants.questionnaire import question_set_for

    user, participant = _official()
    client.force_login(user)
    occurrence = OccurrenceFactory()
    url = reverse("participants:register", kwargs={"slug": occurrence.slug})
    client.get(url)  # the program's default form is built on first use
    # Loaded again, the official's page is kept whole (participants.page_cache), the account is in
    # the cache (accounts.backends): no query.
    with django_assert_num_queries(0):
        assert 'id="registration-form"' in client.get(url).content.decode()
    participant.save()  # the official's page is drawn again
    # The profile, an earlier registration, the occurrence's participant categories; the occurrence with its hosts and the form come from the cache (participants.views,
    # participants.form_cache).
    with django_assert_num_queries(3):
        assert 'id="registration-form"' in client.get(url).content.decode()

    section = QuestionSection.objects.create(question_set=question_set_for(occurrence), order=9, title="More")
    for number in range(5):
        question = Question.objects.create(
            section=section, order=number, key=f"extra_{number}", kind=Question.Kind.SINGLE_CHOICE, label=f"Q{number}"
        )
        for value in ("a", "b", "c"):
            QuestionChoice.objects.create(question=question, order=0, value=value, label=value.upper())
    # The edit replaced the kept form and page: read again, in four queries whatever its size
    # (question set, sections, questions, choices), then kept.
    with django_assert_num_queries(7):
        page = client.get(url).content.decode()
    assert 'name="extra_4"' in page and 'value="c"' in page
    with django_assert_num_queries(0):
        page = client.get(url).content.decode()
    assert 'name="extra_4"' in page and 'value="c"' in page
