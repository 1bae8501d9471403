"""The alumni network in the demo: the demo official and the two sample officials from China and
Japan who attended the past sample CJK workshop (demo/documents.py) are in the CJK workshop's alumni
directory, each entry marked sample. Sato Yuki gets an account (the demo password), so a second
alumnus can sign in, find the demo official and write to them. Idempotent."""

from django.contrib.auth import get_user_model

from aftercare.alumni import entry_initial
from aftercare.models import AlumniEntry
from participants.models import Participant, Registration

ALUMNUS_ACCOUNT = "sato.yuki@example.org"
NOTES = {
    "official@example.org": "Sample entry (demonstration only): happy to talk about international cooperation.",
    "wang.fang@example.org": "样例条目（仅供演示）: Sample entry (demonstration only).",
    "sato.yuki@example.org": "サンプル（デモ用）: Sample entry (demonstration only).",
}


def _account(email, password):
    User = get_user_model()
    participant = Participant.objects.get(email=email)
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User(
            email=email,
            first_name=participant.given_name,
            last_name=participant.family_name,
            preferred_language=participant.preferred_language,
        )
        user.set_password(password)
        user.email_verified_at = user.date_joined
        user.save()
    if participant.user_id is None:
        participant.user = user
        participant.save(update_fields=["user"])
    return user


def load_alumni(*, password):
    registrations = Registration.objects.filter(
        occurrence__slug="sample-cjk-workshop-past", participant__email__in=list(NOTES)
    ).select_related("participant__organization", "occurrence__program")
    if not registrations:
        return 0
    _account(ALUMNUS_ACCOUNT, password)
    created = 0
    for registration in registrations:
        values = {**entry_initial(registration), "note": NOTES[registration.participant.email], "is_sample": True}
        _entry, was_created = AlumniEntry.objects.get_or_create(
            participant=registration.participant,
            program=registration.occurrence.program,
            defaults={"registration": registration, **values},
        )
        created += was_created
    return created
