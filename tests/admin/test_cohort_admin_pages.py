import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from cohorts.models import AllowancePayment, SpeechEntry, SpeechRound, SpeechScore
from participants.models import Registration
from programs.models import CostShare
from tests.cohorts.factories import CertificateFactory, PlacementFactory, registration_in

S = Registration.Status
pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def test_placement_action_builds_the_allowance_schedule_shown_inline(client_a, occurrence_a):
    CostShare.objects.create(
        program=occurrence_a.program, payer_role="GAOK", covers="Allowance", monthly_allowance_krw=400_000
    )
    placement = PlacementFactory(
        registration=registration_in(occurrence_a, S.ACCEPTED),
        training_start=datetime.date(2026, 4, 1),
        training_end=datetime.date(2026, 6, 30),
    )

    response = client_a.post(
        reverse("admin:cohorts_placement_changelist"),
        {
            "action": "generate_allowances",
            "_selected_action": [placement.pk],
            "index": 0,
        },
    )

    assert [str(m) for m in get_messages(response.wsgi_request)] == [f"{placement}: 3 monthly payments scheduled."]
    assert AllowancePayment.objects.filter(placement=placement).count() == 3
    page = client_a.get(reverse("admin:cohorts_placement_change", args=[placement.pk]))
    assert page.status_code == 200
    assert b"allowances-0-amount_krw" in page.content


def test_placements_and_certificates_of_another_organization_are_hidden(client_a, occurrence_a, occurrence_b):
    mine = PlacementFactory(registration=registration_in(occurrence_a, S.ACCEPTED))
    theirs = PlacementFactory(registration=registration_in(occurrence_b, S.ACCEPTED))
    CertificateFactory(registration__occurrence=occurrence_b)

    placements = client_a.get(reverse("admin:cohorts_placement_changelist"))
    certificates = client_a.get(reverse("admin:cohorts_certificate_changelist"))

    assert list(placements.context["cl"].result_list) == [mine]
    assert list(certificates.context["cl"].result_list) == []
    assert client_a.get(reverse("admin:cohorts_placement_change", args=[theirs.pk])).status_code == 302


def test_speech_round_page_shows_results_and_advance_action_fills_the_final(client_a, occurrence_a, staff_a):
    preliminary = SpeechRound.objects.create(
        occurrence=occurrence_a, kind=SpeechRound.Kind.PRELIMINARY, advance_top=1, closed_at=timezone.now()
    )
    for name, score in (("Ahn", 70), ("Baek", 90)):
        entry = SpeechEntry.objects.create(
            round=preliminary, registration=registration_in(occurrence_a, S.ACCEPTED, family_name=name)
        )
        SpeechScore.objects.create(entry=entry, judge=staff_a, score=score)

    page = client_a.get(reverse("admin:cohorts_speechround_change", args=[preliminary.pk]))
    response = client_a.post(
        reverse("admin:cohorts_speechround_changelist"),
        {
            "action": "advance",
            "_selected_action": [preliminary.pk],
            "index": 0,
        },
    )

    assert page.status_code == 200
    assert page.content.index(b"BAEK") < page.content.index(b"AHN")
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["1 contestant goes on to the final."]
    final = SpeechRound.objects.get(occurrence=occurrence_a, kind=SpeechRound.Kind.FINAL)
    assert [e.registration.participant.family_name for e in final.entries.all()] == ["Baek"]


def test_training_registration_page_edits_the_placement_inline(client_a, occurrence_a, org_a):
    occurrence_a.program.kind = "training"
    occurrence_a.program.save()
    registration = registration_in(occurrence_a, S.ACCEPTED)
    url = reverse("admin:participants_registration_change", args=[registration.pk])
    page = client_a.get(url)
    assert [type(f.opts).__name__ for f in page.context["inline_admin_formsets"]] == [
        "PlacementInline",
        "StatusChangeInline",
        "AttendanceDayInline",
        "CertificateInline",
        "CohortMessageLogInline",
    ]
    data = {
        "answers": "{}",
        "followup": "{}",
        "note": "",
        "placement-TOTAL_FORMS": "1",
        "placement-INITIAL_FORMS": "0",
        "placement-MIN_NUM_FORMS": "0",
        "placement-MAX_NUM_FORMS": "1",
        "placement-0-host": org_a.pk,
        "placement-0-department": "International cooperation",
        "placement-0-training_start": "2026-04-06",
        "placement-0-training_end": "2026-09-30",
        "status_changes-TOTAL_FORMS": "0",
        "status_changes-INITIAL_FORMS": "0",
        "status_changes-MIN_NUM_FORMS": "0",
        "status_changes-MAX_NUM_FORMS": "1000",
        "attendance_days-TOTAL_FORMS": "0",
        "attendance_days-INITIAL_FORMS": "0",
        "attendance_days-MIN_NUM_FORMS": "0",
        "attendance_days-MAX_NUM_FORMS": "1000",
        "certificate-TOTAL_FORMS": "0",
        "certificate-INITIAL_FORMS": "0",
        "certificate-MIN_NUM_FORMS": "0",
        "certificate-MAX_NUM_FORMS": "1",
        "cohort_messages-TOTAL_FORMS": "0",
        "cohort_messages-INITIAL_FORMS": "0",
        "cohort_messages-MIN_NUM_FORMS": "0",
        "cohort_messages-MAX_NUM_FORMS": "1000",
    }

    response = client_a.post(url, data)

    assert response.status_code == 302
    registration.refresh_from_db()
    assert (registration.placement.host, registration.placement.department) == (org_a, "International cooperation")
