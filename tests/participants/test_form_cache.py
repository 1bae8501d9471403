"""The registration page keeps its questionnaire in the cache (participants/form_cache.py): whatever
staff edit on a form shows on the next page, in every language; per-occurrence and per-category forms
stay their own; an official's own answers and CSRF token are never kept or shown to another."""

import re

import pytest
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.test import Client
from django.urls import reverse

from participants.form_cache import forms_version, questions_key
from participants.form_models import Question, QuestionChoice, QuestionSection, QuestionSet
from participants.models import ParticipantCategory, Registration
from participants.services import registration_withdraw
from programs.models import Program
from tests.factories import OccurrenceFactory, ProgramFactory

from .test_views_registration import _official, _profile_data

pytestmark = [pytest.mark.django_db, pytest.mark.integration]

K = Question.Kind
LANGUAGES = {"ko": "ko", "en": "en", "zh-hans": "zh_hans", "zh-hant": "zh_hant", "ja": "ja"}


def _labels(text):
    """label_ko="text ko", label_en="text en", ... : each language's own words."""
    return {f"label_{field}": f"{text} {code}" for code, field in LANGUAGES.items()}


@pytest.fixture
def occurrence():
    program = ProgramFactory(kind=Program.Kind.EXCHANGE, languages=[])
    occurrence = OccurrenceFactory(program=program)
    form = QuestionSet.objects.create(occurrence=occurrence)
    section = QuestionSection.objects.create(question_set=form, order=1, title_en="Your case")
    track = Question.objects.create(section=section, key="track", kind=K.SINGLE_CHOICE, order=1, **_labels("Track"))
    for order, value in enumerate(("policy", "field"), start=1):
        QuestionChoice.objects.create(question=track, order=order, value=value, **_labels(value.capitalize()))
    Question.objects.create(section=section, key="topic", kind=K.SHORT_TEXT, order=2, label_en="Topic", required=True)
    return occurrence


@pytest.fixture
def official(client):
    user, participant = _official()
    client.force_login(user)
    return user, participant


def _page(client, occurrence, language="en", **params):
    client.cookies["django_language"] = language
    response = client.get(reverse("participants:register", kwargs={"slug": occurrence.slug}), params)
    assert response.status_code == 200
    return response.content.decode()


def _questions(page):
    """The page's questions part (between its legend and the consent)."""
    return page[page.index("question-section") : page.index("consent-box")]


def _question(key):
    return Question.objects.get(key=key)


def test_each_language_reads_its_own_labels_and_a_label_edit_shows_at_once(client, occurrence, official):
    for language in LANGUAGES:
        page = _questions(_page(client, occurrence, language))
        assert f"Track {language}" in page and f"Policy {language}" in page
        assert not [other for other in LANGUAGES if other != language and f"Track {other}<" in page]
    track = _question("track")
    track.label_ja = "分野"
    track.save()
    choice = QuestionChoice.objects.get(value="field")
    choice.label_ko = "현장"
    choice.save()
    for language in LANGUAGES:
        page = _questions(_page(client, occurrence, language))
        assert ("分野" in page) == (language == "ja")
        assert (f"Track {language}" in page) == (language != "ja")
        assert ("현장" in page) == (language == "ko")
        assert (f"Field {language}" in page) == (language != "ko")


def test_choices_added_taken_out_of_use_or_deleted_show_on_the_next_page(client, occurrence, official):
    assert 'value="policy"' in _page(client, occurrence)
    QuestionChoice.objects.create(question=_question("track"), order=3, value="research", label_en="Research")
    page = _page(client, occurrence)
    assert 'value="research"' in page and "Research" in page
    policy = QuestionChoice.objects.get(value="policy")
    policy.active = False
    policy.save()
    assert 'value="policy"' not in _page(client, occurrence)
    QuestionChoice.objects.filter(value="research").delete()
    page = _page(client, occurrence)
    assert 'value="research"' not in page and 'value="field"' in page


def test_questions_and_sections_edited_updated_or_deleted_show_on_the_next_page(client, occurrence, official):
    assert "Your case" in _page(client, occurrence)
    section = QuestionSection.objects.get(question_set__occurrence=occurrence)
    section.title_en = "About your case"
    section.save()
    assert "About your case" in _page(client, occurrence)
    # Staff untick "asked" (a save), or a bulk update that sends no signal: either way, gone.
    Question.objects.filter(key="topic").update(active=False)
    assert 'name="topic"' not in _page(client, occurrence)
    _question("topic").delete()
    Question.objects.create(section=section, key="budget", kind=K.NUMBER, order=3, label_en="Budget")
    page = _page(client, occurrence)
    assert 'name="budget"' in page and "Budget" in page
    section.delete()
    assert 'name="track"' not in _page(client, occurrence)


def test_a_condition_changed_on_a_question_or_a_section_shows_on_the_next_page(client, occurrence, official):
    section = QuestionSection.objects.get(question_set__occurrence=occurrence)
    later = QuestionSection.objects.create(question_set=section.question_set, order=2, title_en="Fieldwork")
    Question.objects.create(section=later, key="site", kind=K.SHORT_TEXT, order=1, label_en="Site")
    assert "data-show-when" not in _page(client, occurrence)
    topic = _question("topic")
    topic.condition_question = _question("track")
    topic.condition_value = "policy"
    topic.save()
    page = _page(client, occurrence)
    assert re.search(r'data-question="topic" data-show-when="track" data-show-value="policy"', page)
    later.condition_question = _question("track")
    later.condition_value = "field"
    later.save()
    page = _page(client, occurrence)
    assert f'id="section-{later.pk}" data-show-when="track" data-show-value="field"' in page
    later.condition_value = "policy"
    later.save()
    assert f'id="section-{later.pk}" data-show-when="track" data-show-value="policy"' in _page(client, occurrence)


def test_an_occurrence_form_added_or_removed_replaces_the_programs_at_once(client, official):
    program = ProgramFactory(kind=Program.Kind.EXCHANGE, languages=[])
    first, second = OccurrenceFactory(program=program), OccurrenceFactory(program=program)
    assert 'name="dietary_needs"' in _page(client, first) and 'name="dietary_needs"' in _page(client, second)
    own = QuestionSet.objects.create(occurrence=first)
    section = QuestionSection.objects.create(question_set=own, order=1)
    Question.objects.create(section=section, key="own_question", kind=K.SHORT_TEXT, order=1, label_en="Own")
    page = _page(client, first)
    assert 'name="own_question"' in page and 'name="dietary_needs"' not in page
    # The other occurrence of the program keeps the program's form.
    page = _page(client, second)
    assert 'name="dietary_needs"' in page and 'name="own_question"' not in page
    own.delete()
    page = _page(client, first)
    assert 'name="dietary_needs"' in page and 'name="own_question"' not in page


def test_a_category_with_its_own_form_and_one_without_each_get_theirs(client, occurrence, official):
    student, guest = (
        ParticipantCategory.objects.create(occurrence=occurrence, name_en=name, order=n, capacity=5)
        for n, name in enumerate(("Student", "Guest"))
    )
    own = QuestionSet.objects.create(category=student)
    section = QuestionSection.objects.create(question_set=own, order=1)
    Question.objects.create(section=section, key="university", kind=K.SHORT_TEXT, order=1, label_en="University")
    for _ in range(2):  # the second time from the cache
        page = _page(client, occurrence, category=student.pk)
        assert 'name="university"' in page and 'name="track"' not in page
        page = _page(client, occurrence, category=guest.pk)
        assert 'name="track"' in page and 'name="university"' not in page
    # The guest category gets a form of its own: the next page asks it.
    guest_form = QuestionSet.objects.create(category=guest)
    section = QuestionSection.objects.create(question_set=guest_form, order=1)
    Question.objects.create(section=section, key="host_name", kind=K.SHORT_TEXT, order=1, label_en="Your host")
    page = _page(client, occurrence, category=guest.pk)
    assert 'name="host_name"' in page and 'name="track"' not in page
    # The student category's form removed: the occurrence's form is asked again.
    own.delete()
    page = _page(client, occurrence, category=student.pk)
    assert 'name="track"' in page and 'name="university"' not in page


def test_what_the_fields_are_built_from_on_the_occurrence_shows_on_the_next_page(client, official):
    program = ProgramFactory(kind=Program.Kind.EXCHANGE, languages=["en", "ko"])
    occurrence = OccurrenceFactory(program=program)
    form = QuestionSet.objects.create(occurrence=occurrence)
    section = QuestionSection.objects.create(question_set=form, order=1)
    Question.objects.create(section=section, key="language", kind=K.LANGUAGE, order=1, label_en="Language")
    page = _questions(_page(client, occurrence))
    assert 'value="ko"' in page and 'value="ja"' not in page
    program.languages = ["en", "ja"]
    program.save()
    page = _questions(_page(client, occurrence))
    assert 'value="ja"' in page and 'value="ko"' not in page


def _kept_questions(occurrence, language="en"):
    """What the cache holds of the occurrence's questions as drawn in `language`."""
    from django.utils import translation

    with translation.override(language):
        key = questions_key(
            version=forms_version(),
            occurrence=occurrence,
            category=None,
            program_languages=occurrence.program.languages,
        )
    return cache.get(make_template_fragment_key("register-questions", [key]))


def test_the_kept_questions_hold_no_csrf_token_and_nothing_of_the_official(occurrence):
    pages, users = [], []
    for family_name in ("Park", "Lee"):
        user, participant = _official(family_name=family_name)
        client = Client(enforce_csrf_checks=True)
        client.force_login(user)
        pages.append(_page(client, occurrence))
        users.append((client, user, participant))
    kept = _kept_questions(occurrence)
    assert kept is not None and 'name="track"' in kept
    assert "csrfmiddlewaretoken" not in kept
    for _client, user, participant in users:
        assert user.email not in kept and participant.family_name not in kept
    # Each page carries its own session's token, and a post with it is accepted.
    tokens = [re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1) for page in pages]
    assert tokens[0] != tokens[1]
    client, _user, participant = users[1]
    response = client.post(
        reverse("participants:register", kwargs={"slug": occurrence.slug}),
        {
            **_profile_data(participant),
            "csrfmiddlewaretoken": tokens[1],
            "track": "policy",
            "topic": "Permits",
            "consent": "on",
        },
    )
    assert response.status_code == 302
    assert Registration.objects.get(participant=participant).answers == {"track": "policy", "topic": "Permits"}
    # A post without the page's token is still refused.
    client, _user, participant = users[0]
    response = client.post(
        reverse("participants:register", kwargs={"slug": occurrence.slug}),
        {**_profile_data(participant), "track": "policy", "topic": "Permits", "consent": "on"},
    )
    assert response.status_code == 403


def test_an_officials_answers_are_shown_to_them_not_taken_from_or_put_in_the_cache(client, occurrence, official):
    user, participant = official
    _page(client, occurrence)  # the unfilled questions are kept
    url = reverse("participants:register", kwargs={"slug": occurrence.slug})
    # A refused post shows what was typed, not the kept questions.
    response = client.post(url, {**_profile_data(participant), "track": "field", "topic": "Site visits"})
    page = response.content.decode()
    assert response.status_code == 400  # no consent
    assert re.search(r'value="field"[^>]*checked', page) and 'value="Site visits"' in page
    response = client.post(
        url, {**_profile_data(participant), "track": "field", "topic": "Field visits", "consent": "on"}
    )
    registration = Registration.objects.get(participant=participant)
    # Editing their answers: the page shows theirs.
    page = client.get(reverse("participants:answers_edit", args=[registration.pk])).content.decode()
    assert 'value="Field visits"' in page and re.search(r'value="field"[^>]*checked', page)
    # Registering again after withdrawing: the answers given the first time are filled in.
    registration_withdraw(registration=registration, by=user)
    page = _page(client, occurrence)
    assert 'value="Field visits"' in page and re.search(r'value="field"[^>]*checked', page)
    # And another official still gets the unfilled questions.
    other_user, _other = _official()
    other = Client()
    other.force_login(other_user)
    page = _page(other, occurrence)
    assert "Field visits" not in page and not re.search(r'value="field"[^>]*checked', page)
    kept = _kept_questions(occurrence)
    assert "Field visits" not in kept and "checked" not in kept
