"""Travel and accommodation samples: two hotels of the sample CJK workshop with their rooms, and
the travel details of two of its accepted officials, who share a room. The demo official
(official@example.org) is left without travel details, to fill them in on "My registrations".
Idempotent: nothing that exists already is changed."""

from datetime import time, timedelta

from participants.models import Hotel, Registration, Room
from participants.self_service import travel_details_for, travel_details_save
from participants.services import travel_room_assign
from programs.models import Organization
from workshops.models import Occurrence

HOTELS = [
    # name, address, phone, rooms as (number, beds)
    (
        "Lotte Hotel Seoul (sample)",
        "30 Eulji-ro, Jung-gu, Seoul",
        "+82 2-771-1000",
        [("1201", 2), ("1202", 1), ("1203", 2)],
    ),
    (
        "Shilla Stay Gwanghwamun (sample)",
        "71 Sambong-ro, Jongno-gu, Seoul",
        "+82 2-6060-9000",
        [("501", 2), ("502", 1)],
    ),
]

TRAVELLERS = {
    # email: (days before the start, arrival time, number, place, pickup, departure time, number, place,
    #         emergency name, relation, phone, diet, diet notes, accessibility, room)
    "wang.fang@example.org": (
        1, time(14, 5), "CA 125", "Incheon Airport T1", True, time(18, 40), "CA 132", "Incheon Airport T1",
        "Wang Lei", "spouse", "+86-10-6512-3456", "halal", "", "", ("Lotte Hotel Seoul (sample)", "1201"),
    ),
    "sato.yuki@example.org": (
        1, time(11, 30), "JL 091", "Gimpo Airport", True, time(15, 10), "JL 092", "Gimpo Airport",
        "Sato Ken", "parent", "+81 3-1234-5678", "other", "Shellfish allergy", "Ground-floor room, please",
        ("Lotte Hotel Seoul (sample)", "1201"),
    ),
}  # fmt: skip


def load_travel():
    occurrence = Occurrence.objects.filter(slug="sample-cjk-workshop").first()
    if occurrence is None or occurrence.start_date is None:
        return 0
    # MOFA hosts the workshop; GAOK co-hosts this sample and runs its logistics, so the demo's staff
    # account (GAOK) sees its arrivals and rooming lists.
    occurrence.hosts.add(*Organization.objects.filter(slug="gaok"))
    if occurrence.travel_details_due is None:
        occurrence.travel_details_due = occurrence.start_date - timedelta(days=14)
        occurrence.save(update_fields=["travel_details_due"])
    rooms = {}
    for name, address, phone, numbers in HOTELS:
        hotel, _created = Hotel.objects.get_or_create(
            occurrence=occurrence, name=name, defaults={"address": address, "phone": phone}
        )
        for number, beds in numbers:
            rooms[name, number], _created = Room.objects.get_or_create(
                hotel=hotel, number=number, defaults={"beds": beds}
            )
    created = 0
    end = occurrence.end_date or occurrence.start_date
    for email, values in TRAVELLERS.items():
        registration = Registration.objects.filter(
            occurrence=occurrence, participant__email=email, status=Registration.Status.ACCEPTED
        ).first()
        if registration is None or travel_details_for(registration).pk is not None:
            continue
        (before, a_time, a_number, a_place, pickup, d_time, d_number, d_place,
         e_name, e_relation, e_phone, diet, diet_notes, access, room) = values  # fmt: skip
        travel = travel_details_save(
            registration=registration,
            data={
                "arrival_date": occurrence.start_date - timedelta(days=before),
                "arrival_time": a_time,
                "arrival_number": a_number,
                "arrival_place": a_place,
                "pickup_needed": pickup,
                "departure_date": end + timedelta(days=1),
                "departure_time": d_time,
                "departure_number": d_number,
                "departure_place": d_place,
                "accommodation": "host",
                "emergency_name": e_name,
                "emergency_relation": e_relation,
                "emergency_phone": e_phone,
                "diet": diet,
                "diet_notes": diet_notes,
                "accessibility_needs": access,
            },
        )
        travel_room_assign(travel=travel, room=rooms[room])
        created += 1
    return created
