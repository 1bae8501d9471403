"""Refusals name countries and languages the way the official reads them, in their language."""

import pytest
from django.utils import translation

from participants.eligibility import registration_check_eligibility
from participants.errors import RegistrationError
from tests.factories import OccurrenceFactory, ParticipantFactory, ProgramFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def _refusal(program_fields, participant_fields=None, answers=None):
    occurrence = OccurrenceFactory(program=ProgramFactory(**program_fields))
    with pytest.raises(RegistrationError) as refused:
        registration_check_eligibility(
            participant=ParticipantFactory(**(participant_fields or {})), occurrence=occurrence, answers=answers or {}
        )
    return refused.value.message


def test_country_refusal_names_the_countries():
    assert _refusal({"eligible_countries": ["KR", "JP"]}, {"country": "VN"}) == (
        "This program is open to officials from South Korea, Japan only."
    )


def test_language_refusal_names_the_languages():
    assert _refusal({"languages": ["en", "ko"]}, answers={"language": "fr"}) == (
        "Please choose one of this program's languages: English, Korean."
    )


def test_language_names_follow_the_page_language():
    with translation.override("ko"):
        message = _refusal({"languages": ["en", "ko"]}, answers={"language": "fr"})
    assert message == "이 프로그램의 언어 중 하나를 선택하세요: 영어, 한국어."


def test_language_names_are_listed_as_japanese_lists_them():
    with translation.override("ja"):
        message = _refusal({"languages": ["en", "ko"]}, answers={"language": "fr"})
    assert "英語、韓国語" in message  # the ideographic comma, not ", "
