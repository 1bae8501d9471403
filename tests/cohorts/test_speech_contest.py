from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cohorts.models import SpeechEntry, SpeechRound, SpeechScore
from cohorts.services import CohortError
from cohorts.speech_selectors import speech_round_results
from cohorts.speech_services import speech_round_advance
from participants.models import Registration
from tests.cohorts.factories import hosted_occurrence, registration_in
from tests.factories import OrganizationFactory, UserFactory

S = Registration.Status
pytestmark = [pytest.mark.django_db, pytest.mark.integration]


@pytest.fixture
def preliminary():
    occurrence = hosted_occurrence(OrganizationFactory())
    speech_round = SpeechRound.objects.create(
        occurrence=occurrence, kind=SpeechRound.Kind.PRELIMINARY, advance_top=2, closed_at=timezone.now()
    )
    judges = [UserFactory(), UserFactory()]
    scores = {"Ahn": (80, 90), "Baek": (70, 70), "Cho": (95, 91), "Do": (60, 75)}
    for name, marks in scores.items():
        entry = SpeechEntry.objects.create(
            round=speech_round, registration=registration_in(occurrence, S.ACCEPTED, family_name=name)
        )
        for judge, mark in zip(judges, marks, strict=True):
            SpeechScore.objects.create(entry=entry, judge=judge, score=mark)
    return speech_round


def test_results_rank_contestants_by_mean_judge_score(preliminary):
    rows = speech_round_results(round=preliminary)

    assert [(r["rank"], r["participant"].family_name, r["mean"], r["judges"]) for r in rows] == [
        (1, "Cho", Decimal("93"), 2),
        (2, "Ahn", Decimal("85"), 2),
        (3, "Baek", Decimal("70"), 2),
        (4, "Do", Decimal("67.5"), 2),
    ]


def test_best_n_advance_to_the_final_in_rank_order(preliminary):
    final = speech_round_advance(preliminary=preliminary)

    assert [
        (e.order, e.registration.participant.family_name)
        for e in final.entries.select_related("registration__participant")
    ] == [
        (1, "Cho"),
        (2, "Ahn"),
    ]


def test_threshold_advances_everyone_at_or_above_it(preliminary):
    preliminary.advance_top = None
    preliminary.advance_threshold = Decimal("70")
    preliminary.save()

    final = speech_round_advance(preliminary=preliminary)

    assert [
        e.registration.participant.family_name for e in final.entries.select_related("registration__participant")
    ] == [
        "Cho",
        "Ahn",
        "Baek",
    ]


def test_advancement_waits_for_every_score_and_freezes_once_the_final_is_scored(preliminary):
    unscored = SpeechEntry.objects.create(
        round=preliminary, registration=registration_in(preliminary.occurrence, S.ACCEPTED)
    )
    with pytest.raises(CohortError) as refused:
        speech_round_advance(preliminary=preliminary)
    assert refused.value.message == "Every contestant needs a score before anyone advances."

    unscored.delete()
    final = speech_round_advance(preliminary=preliminary)
    SpeechScore.objects.create(entry=final.entries.first(), judge=UserFactory(), score=88)
    with pytest.raises(CohortError) as refused:
        speech_round_advance(preliminary=preliminary)
    assert refused.value.message == "The final has already been scored; advancement can no longer change."
    assert final.entries.count() == 2


def test_only_the_rounds_judges_may_score_it(preliminary):
    judge, outsider = UserFactory(email="judge@example.org"), UserFactory(email="outsider@example.org")
    preliminary.judges.set([judge])
    entry = preliminary.entries.first()

    SpeechScore(entry=entry, judge=judge, score=80).full_clean(validate_unique=False)
    with pytest.raises(ValidationError) as refused:
        SpeechScore(entry=entry, judge=outsider, score=80).full_clean()
    assert refused.value.message_dict == {"judge": ["outsider@example.org is not a judge of this round."]}
