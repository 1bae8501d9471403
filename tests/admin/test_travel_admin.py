"""Hotels, rooms and room assignment in the admin, as a staff member of the hosting organization."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from participants.models import Hotel, Registration, Room, TravelDetails
from tests.cohorts.factories import registration_in

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def _travel(occurrence):
    return TravelDetails.objects.create(registration=registration_in(occurrence, Registration.Status.ACCEPTED))


def _post_room(client, travel, room):
    url = reverse("admin:participants_traveldetails_change", args=[travel.pk])
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data.update({"room": room.pk, "pickup_needed": "on" if travel.pickup_needed else ""})
    return client.post(url, data)


def test_staff_share_a_twin_room_and_a_third_official_is_refused(client_a, occurrence_a):
    twin = Room.objects.create(hotel=Hotel.objects.create(occurrence=occurrence_a, name="Lotte"), number="1201", beds=2)
    first, second, third = (_travel(occurrence_a) for _ in range(3))
    assert _post_room(client_a, first, twin).status_code == 302
    assert _post_room(client_a, second, twin).status_code == 302
    response = _post_room(client_a, third, twin)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"room": ["Room 1201 is full: all 2 beds are taken."]}
    assert list(twin.occupants.order_by("pk")) == [first, second]
    assert not [str(m) for m in get_messages(response.wsgi_request)]


def test_rooms_of_another_occurrence_are_not_offered_nor_accepted(client_a, occurrence_a, occurrence_b):
    own = Room.objects.create(hotel=Hotel.objects.create(occurrence=occurrence_a, name="Lotte"), number="1")
    foreign = Room.objects.create(hotel=Hotel.objects.create(occurrence=occurrence_b, name="Shilla"), number="2")
    travel = _travel(occurrence_a)
    page = client_a.get(reverse("admin:participants_traveldetails_change", args=[travel.pk]))
    assert list(page.context["adminform"].form.fields["room"].queryset) == [own]
    assert _post_room(client_a, travel, foreign).status_code == 200
    travel.refresh_from_db()
    assert travel.room is None


def test_hotels_and_travel_details_of_other_organizations_are_hidden(client_a, occurrence_b):
    hotel = Hotel.objects.create(occurrence=occurrence_b, name="Shilla")
    travel = _travel(occurrence_b)
    assert client_a.get(reverse("admin:participants_hotel_change", args=[hotel.pk])).status_code == 302
    assert client_a.get(reverse("admin:participants_traveldetails_change", args=[travel.pk])).status_code == 302
    assert b"Shilla" not in client_a.get(reverse("admin:participants_hotel_changelist")).content


def test_registration_page_shows_the_travel_details_read_only(client_a, occurrence_a):
    travel = _travel(occurrence_a)
    TravelDetails.objects.filter(pk=travel.pk).update(arrival_number="KE 852", emergency_phone="+82-10-1234-5678")
    page = client_a.get(reverse("admin:participants_registration_change", args=[travel.registration_id]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "KE 852" in html and "+82-10-1234-5678" in html
    assert 'name="travel-0-arrival_number"' not in html  # shown, not editable here
    assert reverse("admin:participants_traveldetails_change", args=[travel.pk]) in html


def test_staff_correcting_dates_get_a_clear_error_for_departure_before_arrival(client_a, occurrence_a):
    travel = _travel(occurrence_a)
    url = reverse("admin:participants_traveldetails_change", args=[travel.pk])
    form = client_a.get(url).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data.update({"arrival_date": "2031-05-20", "departure_date": "2031-05-18", "pickup_needed": ""})
    response = client_a.post(url, data)
    assert response.status_code == 200
    assert "The departure date cannot be before the arrival date." in response.content.decode()
    travel.refresh_from_db()
    assert travel.arrival_date is None
