"""Speech contest per language: criteria, a judge's marks and what they see, closing, advancing
within the language, tie-breaks and released results."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from cohorts.models import SpeechCriterion, SpeechEntry, SpeechRound, SpeechScore
from cohorts.services import CohortError
from cohorts.speech_selectors import speech_round_results
from cohorts.speech_services import (
    speech_marks_record,
    speech_round_advance,
    speech_round_close,
    speech_round_publish,
)
from participants.models import Registration
from tests.cohorts.factories import hosted_occurrence, registration_in
from tests.factories import OrganizationFactory, UserFactory

S = Registration.Status
P, F = SpeechRound.Kind.PRELIMINARY, SpeechRound.Kind.FINAL
pytestmark = [pytest.mark.django_db, pytest.mark.integration]


@pytest.fixture
def contest():
    occurrence = hosted_occurrence(OrganizationFactory())
    program = occurrence.program
    content = SpeechCriterion.objects.create(program=program, name="Content", max_points=40, order=1)
    delivery = SpeechCriterion.objects.create(program=program, name="Delivery", max_points=60, order=2)
    rounds = {}
    for language in ("en", "ja"):
        rounds[language] = SpeechRound.objects.create(occurrence=occurrence, kind=P, language=language, advance_top=2)
        rounds[language].judges.add(UserFactory(email=f"judge.{language}@example.org"))
        for name in ("Ahn", "Baek", "Cho"):
            SpeechEntry.objects.create(
                round=rounds[language],
                registration=registration_in(
                    occurrence,
                    S.ACCEPTED,
                    family_name=f"{name}-{language}",
                    family_name_native="",
                    given_name_native="",
                ),
            )
    return {"occurrence": occurrence, "rounds": rounds, "criteria": (content, delivery)}


def _judge(speech_round):
    return speech_round.judges.get()


def _mark_all(speech_round, criteria, marks):
    entries = list(speech_round.entries.order_by("pk"))
    speech_marks_record(
        round=speech_round,
        judge=_judge(speech_round),
        marks={
            (entry.pk, criterion.pk): Decimal(mark)
            for entry, pair in zip(entries, marks, strict=True)
            for criterion, mark in zip(criteria, pair, strict=True)
        },
    )


def test_marks_out_of_a_criterions_range_refuse_the_whole_sheet(contest):
    ja = contest["rounds"]["ja"]
    content, delivery = contest["criteria"]
    first, second = ja.entries.order_by("pk")[:2]
    with pytest.raises(CohortError) as refused:
        speech_marks_record(
            round=ja,
            judge=_judge(ja),
            marks={(first.pk, content.pk): Decimal(30), (second.pk, content.pk): Decimal(41)},
        )
    assert refused.value.message == "A score must lie between 0 and 40."
    assert SpeechScore.objects.count() == 0


def test_a_judge_of_one_language_cannot_mark_the_others_round(contest):
    en, ja = contest["rounds"]["en"], contest["rounds"]["ja"]
    content, _ = contest["criteria"]
    with pytest.raises(CohortError) as refused:
        speech_marks_record(round=en, judge=_judge(ja), marks={(en.entries.first().pk, content.pk): Decimal(10)})
    assert refused.value.message == "You are not a judge of this round."


def test_the_final_is_drawn_per_language_from_a_closed_preliminary(contest):
    criteria = contest["criteria"]
    _mark_all(contest["rounds"]["en"], criteria, [(30, 50), (20, 20), (40, 55)])
    _mark_all(contest["rounds"]["ja"], criteria, [(10, 10), (35, 50), (39, 59)])
    ja = contest["rounds"]["ja"]
    with pytest.raises(CohortError) as refused:
        speech_round_advance(preliminary=ja)
    assert refused.value.message == "Close the preliminary before anyone advances."

    speech_round_close(round=ja)
    final = speech_round_advance(preliminary=ja)

    assert (final.kind, final.language) == (F, "ja")
    assert [e.registration.participant.family_name for e in final.entries.order_by("order")] == ["Cho-ja", "Baek-ja"]
    assert not SpeechRound.objects.filter(kind=F, language="en").exists()
    with pytest.raises(CohortError):
        speech_marks_record(round=ja, judge=_judge(ja), marks={})


def test_threshold_advances_within_the_language(contest):
    en = contest["rounds"]["en"]
    _mark_all(en, contest["criteria"], [(30, 50), (20, 20), (40, 55)])
    en = speech_round_close(round=en)
    en.advance_top, en.advance_threshold = None, Decimal("80")
    en.save()

    final = speech_round_advance(preliminary=en)

    assert [e.registration.participant.family_name for e in final.entries.order_by("order")] == ["Cho-en", "Ahn-en"]


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        (SpeechRound.TieBreak.SHARED, [(1, "Ahn-en", True), (1, "Baek-en", True), (3, "Cho-en", False)]),
        (SpeechRound.TieBreak.FIRST_CRITERION, [(1, "Baek-en", False), (2, "Ahn-en", False), (3, "Cho-en", False)]),
    ],
)
def test_ties_follow_the_rule_staff_chose(contest, rule, expected):
    en = contest["rounds"]["en"]
    en.tie_break = rule
    en.save()
    _mark_all(en, contest["criteria"], [(30, 50), (35, 45), (20, 20)])

    rows = speech_round_results(round=en)

    assert [(r["rank"], r["participant"].family_name, r["tied"]) for r in rows] == expected
    assert rows[0]["mean"] == Decimal("80")


def test_results_are_released_only_from_a_closed_round_and_then_shown_publicly(client, contest):
    en = contest["rounds"]["en"]
    _mark_all(en, contest["criteria"], [(30, 50), (20, 20), (40, 55)])
    url = reverse("contest_results", args=[contest["occurrence"].pk])
    with pytest.raises(CohortError) as refused:
        speech_round_publish(round=en)
    assert refused.value.message == "Close the round before releasing its results."
    assert "Cho-en" not in client.get(url).content.decode()

    speech_round_close(round=en)
    assert "Cho-en" not in client.get(url).content.decode()
    speech_round_publish(round=en)

    page = client.get(url).content.decode()
    assert page.index("Cho-en") < page.index("Ahn-en") < page.index("Baek-en")
    assert "Ahn-ja" not in page


def test_the_judging_page_hides_other_judges_marks_until_the_round_closes(client, contest):
    en = contest["rounds"]["en"]
    other = UserFactory(email="second.judge@example.org")
    en.judges.add(other)
    content, delivery = contest["criteria"]
    entry = en.entries.order_by("pk").first()
    speech_marks_record(round=en, judge=other, marks={(entry.pk, content.pk): Decimal("37.5")})
    first = en.judges.get(email="judge.en@example.org")
    client.force_login(first)
    url = reverse("cohorts:judging_round", args=[en.pk])

    assert "37.5" not in client.get(url).content.decode()
    assert client.get(reverse("cohorts:judging_round", args=[contest["rounds"]["ja"].pk])).status_code == 404

    SpeechScore.objects.create(entry=entry, judge=first, criterion=content, score=20)
    for other_entry in en.entries.exclude(pk=entry.pk):
        SpeechScore.objects.create(entry=other_entry, judge=first, criterion=content, score=20)
    speech_round_close(round=en)
    assert "37.50" in client.get(url).content.decode()


def test_bad_marks_on_the_judging_page_save_nothing(client, contest):
    en = contest["rounds"]["en"]
    judge = _judge(en)
    client.force_login(judge)
    content, delivery = contest["criteria"]
    entry = en.entries.order_by("pk").first()
    url = reverse("cohorts:judging_round", args=[en.pk])

    for bad in ("41", "-1", "ten", "3\x00"):
        response = client.post(url, {f"m-{entry.pk}-{content.pk}": bad, f"m-{entry.pk}-{delivery.pk}": "50"})
        assert response.status_code == 400
        assert "Nothing was saved." in response.content.decode()
    assert SpeechScore.objects.count() == 0

    response = client.post(url, {f"m-{entry.pk}-{content.pk}": "38.5", f"m-{entry.pk}-{delivery.pk}": "50"})
    assert response.status_code == 302
    assert sorted(SpeechScore.objects.values_list("score", flat=True)) == [Decimal("38.5"), Decimal("50")]


def test_a_closed_round_takes_no_more_marks_from_the_page(client, contest):
    en = contest["rounds"]["en"]
    en.closed_at = timezone.now()
    en.save()
    client.force_login(_judge(en))
    content, _ = contest["criteria"]
    entry = en.entries.first()

    client.post(reverse("cohorts:judging_round", args=[en.pk]), {f"m-{entry.pk}-{content.pk}": "10"})

    assert SpeechScore.objects.count() == 0
