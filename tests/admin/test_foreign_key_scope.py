"""Staff pick related rows only among their organization's: a posted id of another
organization's occurrence, registration or contestant is refused like an unknown one."""

import pytest
from django.urls import reverse

from cohorts.models import SpeechEntry, SpeechRound, SpeechScore
from participants.models import Registration
from tests.cohorts.factories import registration_in
from workshops.models import AgendaItem

S = Registration.Status
pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def test_agenda_item_cannot_be_added_to_another_organizations_occurrence(client_a, occurrence_b):
    response = client_a.post(
        reverse("admin:workshops_agendaitem_add"),
        {
            "occurrence": occurrence_b.pk,
            "kind": "lecture",
            "title_en": "Planted lecture",
            "title_ko": "",
            "order": "1",
        },
    )

    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == ["occurrence"]
    assert AgendaItem.objects.filter(occurrence=occurrence_b).count() == 0


def test_speech_round_cannot_be_created_for_another_organizations_occurrence(client_a, occurrence_b):
    response = client_a.post(
        reverse("admin:cohorts_speechround_add"),
        {
            "occurrence": occurrence_b.pk,
            "kind": "preliminary",
            "language": "en",
            "tie_break": "shared",
            "entries-TOTAL_FORMS": "0",
            "entries-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == ["occurrence"]
    assert SpeechRound.objects.count() == 0


def test_contestant_from_another_organizations_registration_is_refused(client_a, occurrence_a, occurrence_b):
    theirs = registration_in(occurrence_b, status=S.ACCEPTED)

    response = client_a.post(
        reverse("admin:cohorts_speechround_add"),
        {
            "occurrence": occurrence_a.pk,
            "kind": "preliminary",
            "language": "en",
            "tie_break": "shared",
            "entries-TOTAL_FORMS": "1",
            "entries-INITIAL_FORMS": "0",
            "entries-0-registration": theirs.pk,
            "entries-0-topic": "",
            "entries-0-order": "",
        },
    )

    assert response.status_code == 200
    assert list(response.context["inline_admin_formsets"][0].formset.errors[0]) == ["registration"]
    assert SpeechRound.objects.count() == 0
    assert SpeechEntry.objects.count() == 0


def test_score_for_another_organizations_contestant_is_refused(client_a, staff_a, occurrence_b):
    round_b = SpeechRound.objects.create(occurrence=occurrence_b, kind="preliminary")
    entry_b = SpeechEntry.objects.create(round=round_b, registration=registration_in(occurrence_b, status=S.ACCEPTED))

    response = client_a.post(
        reverse("admin:cohorts_speechscore_add"),
        {
            "entry": entry_b.pk,
            "judge": staff_a.pk,
            "score": "99",
        },
    )

    assert response.status_code == 200
    assert "entry" in response.context["adminform"].form.errors
    assert SpeechScore.objects.count() == 0


def test_judge_choices_are_the_staff_of_the_staff_members_organization(client_a, staff_a, org_a, org_b):
    from tests.cohorts.factories import staff_user
    from tests.factories import UserFactory

    colleague = staff_user(org_a, email="colleague@example.org")
    staff_user(org_b, email="elsewhere@example.org")
    UserFactory(email="official@example.org")

    round_form = client_a.get(reverse("admin:cohorts_speechround_add")).context["adminform"].form
    score_form = client_a.get(reverse("admin:cohorts_speechscore_add")).context["adminform"].form

    expected = sorted([staff_a.email, colleague.email])
    assert sorted(u.email for u in round_form.fields["judges"].queryset) == expected
    assert sorted(u.email for u in score_form.fields["judge"].queryset) == expected


def test_contestant_registered_for_another_occurrence_is_refused(client_a, org_a, occurrence_a):
    from tests.cohorts.factories import hosted_occurrence

    other_edition = hosted_occurrence(org_a)
    elsewhere = registration_in(other_edition, status=S.ACCEPTED)

    response = client_a.post(
        reverse("admin:cohorts_speechround_add"),
        {
            "occurrence": occurrence_a.pk,
            "kind": "preliminary",
            "language": "en",
            "tie_break": "shared",
            "entries-TOTAL_FORMS": "1",
            "entries-INITIAL_FORMS": "0",
            "entries-0-registration": elsewhere.pk,
            "entries-0-topic": "",
            "entries-0-order": "",
        },
    )

    assert response.status_code == 200
    assert response.context["inline_admin_formsets"][0].formset.errors[0] == {
        "registration": [
            f"{elsewhere.participant} is registered for {other_edition.title}, not for this round's occurrence."
        ]
    }
    assert SpeechRound.objects.count() == 0
