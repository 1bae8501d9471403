import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from notifications.models import Notification
from participants.admin import REVIEW_ACTIONS
from participants.models import Registration, RegistrationStatusChange
from participants.services import TRANSITIONS
from tests.cohorts.factories import registration_in
from tests.factories import CountryQuotaFactory

S = Registration.Status
CHANGELIST = reverse("admin:participants_registration_changelist")
pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def _messages(response):
    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]


def _act(client, action, registrations, note=""):
    return client.post(
        CHANGELIST,
        {
            "action": action,
            "_selected_action": [r.pk for r in registrations],
            "index": 0,
            "note": note,
        },
    )


def _press(client, registration, to_status, note=""):
    url = reverse("admin:participants_registration_transition", args=[registration.pk])
    return client.post(url, {"to_status": to_status, "note": note})


CASES = [(s, t, t in TRANSITIONS[s]) for s in S for t in REVIEW_ACTIONS]


@pytest.mark.parametrize(("from_status", "to_status", "legal"), CASES, ids=[f"{s}->{t}" for s, t, _ in CASES])
def test_review_button_moves_legal_transitions_and_refuses_illegal_ones(
    client_a, occurrence_a, from_status, to_status, legal
):
    registration = registration_in(occurrence_a, status=from_status)

    response = _press(client_a, registration, to_status, note="Checked by phone")

    registration.refresh_from_db()
    assert response.status_code == 302
    assert response.url == reverse("admin:participants_registration_change", args=[registration.pk])
    if legal:
        assert registration.status == to_status
        assert _messages(response) == [("success", f"The registration is now {S(to_status).label.lower()}.")]
        change = RegistrationStatusChange.objects.get(registration=registration)
        assert (change.from_status, change.to_status, change.note) == (from_status, to_status, "Checked by phone")
        assert change.changed_by == response.wsgi_request.user
    else:
        assert registration.status == from_status
        assert _messages(response) == [
            (
                "error",
                f"Nothing was changed. A registration that is {S(from_status).label.lower()} cannot become "
                f"{S(to_status).label.lower()}.",
            )
        ]
        assert RegistrationStatusChange.objects.filter(registration=registration).count() == 0


def test_change_page_offers_only_the_legal_next_steps(client_a, occurrence_a):
    registration = registration_in(occurrence_a, status=S.ACCEPTED)

    response = client_a.get(reverse("admin:participants_registration_change", args=[registration.pk]))

    assert response.status_code == 200
    assert response.context["review_buttons"] == [
        ("cancelled", "Cancel"),
        ("attended", "Mark attended"),
        ("no_show", "Mark no-show"),
    ]
    assert b'name="to_status" value="attended"' in response.content


def test_accept_action_moves_every_selected_registration_with_note_history_and_notice(client_a, staff_a, occurrence_a):
    first, second = registration_in(occurrence_a), registration_in(occurrence_a)

    response = _act(client_a, "make_accepted", [first, second], note="Strong application")

    assert response.status_code == 302
    assert _messages(response) == [("success", "2 registrations are now accepted.")]
    assert set(Registration.objects.values_list("status", flat=True)) == {S.ACCEPTED}
    changes = RegistrationStatusChange.objects.order_by("registration_id")
    assert [(c.registration_id, c.to_status, c.changed_by_id, c.note) for c in changes] == [
        (first.pk, S.ACCEPTED, staff_a.pk, "Strong application"),
        (second.pk, S.ACCEPTED, staff_a.pk, "Strong application"),
    ]
    assert sorted(Notification.objects.values_list("template", "recipient")) == sorted(
        [
            ("registration_accepted", first.participant.email),
            ("registration_accepted", second.participant.email),
        ]
    )
    occurrence_a.refresh_from_db()
    assert occurrence_a.seats_taken == 2


def test_accept_action_beyond_capacity_changes_nothing(client_a, occurrence_a):
    occurrence_a.capacity = 2
    occurrence_a.save()
    registrations = [registration_in(occurrence_a, family_name=name) for name in ("Ahn", "Baek", "Cho")]

    response = _act(client_a, "make_accepted", registrations)

    third = registrations[2]
    assert _messages(response) == [
        (
            "error",
            f"Nothing was changed. {third.participant}: All 2 seats of {occurrence_a.title} are taken.",
        )
    ]
    assert set(Registration.objects.values_list("status", flat=True)) == {S.SUBMITTED}
    assert RegistrationStatusChange.objects.count() == 0
    assert Notification.objects.count() == 0
    occurrence_a.refresh_from_db()
    assert occurrence_a.seats_taken == 0


def test_bulk_action_with_one_illegal_transition_changes_nothing(client_a, occurrence_a):
    attended = registration_in(occurrence_a, status=S.ATTENDED)
    accepted = registration_in(occurrence_a, status=S.ACCEPTED)

    response = _act(client_a, "make_completed", [attended, accepted])

    assert _messages(response) == [
        (
            "error",
            f"Nothing was changed. {accepted.participant}: A registration that is accepted cannot become completed.",
        )
    ]
    assert sorted(Registration.objects.values_list("status", flat=True)) == [S.ACCEPTED, S.ATTENDED]
    assert RegistrationStatusChange.objects.count() == 0


def test_accept_beyond_the_country_quota_is_refused(client_a, occurrence_a):
    CountryQuotaFactory(occurrence=occurrence_a, country="KR", seats=1)
    CountryQuotaFactory(occurrence=occurrence_a, country="JP", seats=1)
    first_korean = registration_in(occurrence_a, country="KR")
    second_korean = registration_in(occurrence_a, country="KR")
    japanese = registration_in(occurrence_a, country="JP")
    url = reverse("admin:participants_registration_transition", args=[first_korean.pk])
    assert (
        client_a.post(url, {"to_status": S.ACCEPTED}, follow=True).status_code == 200
    )  # renders, so its message is read

    response = _press(client_a, second_korean, S.ACCEPTED)

    assert _messages(response) == [("error", "Nothing was changed. The 1 seats for South Korea are taken.")]
    second_korean.refresh_from_db()
    assert second_korean.status == S.SUBMITTED
    _press(client_a, japanese, S.ACCEPTED)
    japanese.refresh_from_db()
    assert japanese.status == S.ACCEPTED
    assert dict(occurrence_a.quotas.values_list("country", "seats_taken")) == {"JP": 1, "KR": 1}


def test_review_button_needs_post(client_a, occurrence_a):
    registration = registration_in(occurrence_a)
    response = client_a.get(reverse("admin:participants_registration_transition", args=[registration.pk]))
    assert response.status_code == 405


def test_registration_history_is_visible_in_admin(client_a, occurrence_a):
    registration = registration_in(occurrence_a)
    _press(client_a, registration, S.ACCEPTED)

    response = client_a.get(reverse("admin:participants_registration_history", args=[registration.pk]))

    assert response.status_code == 200
    assert [record.status for record in response.context["page_obj"].object_list] == [S.ACCEPTED, S.SUBMITTED]
