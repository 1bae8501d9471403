"""The registration, profile and follow-up forms, and the program questions, without HTTP."""

import datetime

import pytest

from participants.calendar import _fold, registration_ical
from participants.forms import ProfileForm, RegistrationForm, TravelDetailsForm
from programs.models import Program
from tests.factories import OccurrenceFactory, OrganizationFactory, ProgramFactory, RegistrationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]

START = datetime.date(2031, 5, 20)


def _occurrence(kind=Program.Kind.WORKSHOP, **program):
    return OccurrenceFactory(
        program=ProgramFactory(kind=kind, **program), start_date=START, end_date=START + datetime.timedelta(days=1)
    )


@pytest.mark.parametrize(
    ("kind", "languages", "fields"),
    [
        (Program.Kind.CONTEST, ["en", "zh", "ja"], ["language", "consent"]),
        (Program.Kind.TRAINING, ["en", "ko"], ["language", "dietary_needs", "consent"]),
        (Program.Kind.WORKSHOP, [], ["arrival_date", "dietary_needs", "consent"]),
        (Program.Kind.ACADEMY, [], ["consent"]),
    ],
)
def test_questions_follow_the_program_kind(kind, languages, fields):
    form = RegistrationForm(occurrence=_occurrence(kind, languages=languages))
    assert list(form.fields) == fields


def test_contest_language_choices_are_the_programs():
    form = RegistrationForm(occurrence=_occurrence(Program.Kind.CONTEST, languages=["en", "zh", "ja"]))
    assert [(value, str(label)) for value, label in form.fields["language"].choices] == [
        ("", "---------"),
        ("en", "English"),
        ("zh", "Chinese"),
        ("ja", "Japanese"),
    ]
    assert str(form.fields["language"].label) == "Contest language"


def test_k2h_language_outside_the_program_refused():
    form = RegistrationForm(
        {"language": "ja", "consent": "on"}, occurrence=_occurrence(Program.Kind.TRAINING, languages=["en", "ko"])
    )
    assert form.errors == {"language": ["Select a valid choice. ja is not one of the available choices."]}


def test_answers_keep_only_the_questions():
    form = RegistrationForm(
        {"arrival_date": "2031-05-19", "dietary_needs": " Halal ", "consent": "on", "extra": "x"},
        occurrence=_occurrence(),
    )
    assert form.is_valid()
    assert form.answers() == {"arrival_date": "2031-05-19", "dietary_needs": "Halal"}


def test_consent_text_names_hosts_purpose_and_retention():
    occurrence = _occurrence()
    occurrence.hosts.add(OrganizationFactory(name_en="Gyeonggi Province"))
    text = str(RegistrationForm(occurrence=occurrence).fields["consent"].help_text)
    assert text.startswith(
        f"Purpose: to process your registration for {occurrence.title}, to organize the program with "
        "Gyeonggi Province (seating, travel, certificates)"
    )
    assert "Your data are kept for 5 years after the program ends and then deleted." in text


@pytest.mark.parametrize(
    ("family_name", "valid"),
    [("Kim", True), ("O'Neil-Park", True), ("Nguyễn", True), ("김", False), ("王", False), ("Kim2", False)],
)
def test_profile_romanized_name(family_name, valid):
    form = ProfileForm({"family_name": family_name, "given_name": "Minji", "country": "KR", "preferred_language": "ko"})
    assert form.is_valid() is valid
    if not valid:
        assert form.errors == {"family_name": ["Please write this name in Latin letters, as in your passport."]}


TRAVEL = {"emergency_name": "Kim Jiho", "emergency_phone": "+82 10 1234 5678", "accommodation": "own"}


def test_followup_arrival_after_program_end_refused():
    form = TravelDetailsForm(
        {**TRAVEL, "arrival_date": "2031-05-25", "departure_date": "2031-05-26"}, occurrence=_occurrence()
    )
    assert form.errors == {"arrival_date": ["You would arrive after the program ends (May 21, 2031)."]}


def test_followup_accommodation_required():
    form = TravelDetailsForm(
        {**TRAVEL, "accommodation": "", "arrival_date": "2031-05-19", "departure_date": "2031-05-22"},
        occurrence=_occurrence(),
    )
    assert form.errors == {"accommodation": ["This field is required."]}


def test_ical_folds_long_lines_at_75_octets():
    line = "SUMMARY:" + "한중일 3국 공무원 교류 워크숍" * 4
    folded = _fold(line)
    parts = folded.split("\r\n ")
    assert "".join(parts) == line
    # Each physical line, with the leading space of a continuation, stays within 75 octets.
    assert len(parts[0].encode("utf-8")) <= 75
    assert all(len(part.encode("utf-8")) <= 74 for part in parts[1:])
    assert len(parts) == 3


def test_ical_escapes_commas_and_semicolons():
    occurrence = _occurrence()
    occurrence.title_en = "Workshop; Seoul, 2031"
    occurrence.save()
    registration = RegistrationFactory(occurrence=occurrence, status="accepted")
    text = registration_ical(registration, now=datetime.datetime(2031, 1, 2, 3, 4, 5, tzinfo=datetime.UTC))
    assert "SUMMARY:Workshop\\; Seoul\\, 2031\r\n" in text
    assert "DTSTAMP:20310102T030405Z\r\n" in text


def test_ical_turns_every_line_break_into_an_escaped_newline():
    occurrence = _occurrence()
    occurrence.title_en = "Line one\rLine two\r\nLine three\nend"
    occurrence.save()
    registration = RegistrationFactory(occurrence=occurrence, status="accepted")
    text = registration_ical(registration, now=datetime.datetime(2031, 1, 2, 3, 4, 5, tzinfo=datetime.UTC))
    assert "SUMMARY:Line one\\nLine two\\nLine three\\nend\r\n" in text


@pytest.mark.parametrize(
    ("language", "days", "phrase"),
    [
        ("en", 5 * 365, "Your data are kept for 5 years after the program ends"),
        ("en", 365, "Your data are kept for 1 year after the program ends"),
        ("en", 400, "Your data are kept for 400 days after the program ends"),
        ("ko", 5 * 365, "개인정보는 프로그램 종료 후 5년간 보관한 뒤 삭제합니다."),
        ("ja", 5 * 365, "データはプログラム終了後5年間保管した後、削除します。"),
        ("zh-hans", 5 * 365, "您的数据在项目结束后保存 5 年，然后删除。"),
        ("zh-hant", 400, "您的資料在專案結束後保存 400 天，然後刪除。"),
    ],
)
def test_consent_text_states_the_retention_the_purge_applies(settings, language, days, phrase):
    from django.utils import translation

    settings.PERSONAL_DATA_RETENTION_DAYS = days
    with translation.override(language):
        text = str(RegistrationForm(occurrence=_occurrence()).fields["consent"].help_text)
    assert phrase in text
