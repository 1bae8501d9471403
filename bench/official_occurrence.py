"""The occurrence the benchmarks register the demo official for (after the demo is loaded)."""


def open_occurrence_for_demo_official():
    """The first open occurrence official@example.org has not registered for and may register for:
    a program that refuses their country shows no form."""
    from django.contrib.auth import get_user_model

    from participants.eligibility import registration_precheck
    from participants.models import Registration
    from participants.self_service import participant_for_user
    from workshops.models import Occurrence

    official = get_user_model().objects.get(email="official@example.org")
    taken = Registration.objects.filter(participant__user=official).values_list("occurrence_id", flat=True)
    participant = participant_for_user(official)
    occurrence = next(
        (
            candidate
            for candidate in Occurrence.objects.open_for_registration().exclude(pk__in=taken).order_by("pk")
            if registration_precheck(participant=participant, occurrence=candidate) is None
        ),
        None,
    )
    if occurrence is None:
        raise SystemExit("the demo has no open occurrence the official has not registered for")
    return official, occurrence
