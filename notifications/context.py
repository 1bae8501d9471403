"""Turn the ids stored with a notification into what its templates show.

A feature whose notices need other objects registers a loader for its context key with
`@context_loader("key_id")`.
"""

from django.conf import settings

_LOADERS = {}


def context_loader(key):
    def register(func):
        _LOADERS[key] = func
        return func

    return register


def build_context(template, context):
    full = {"site_url": settings.SITE_URL.rstrip("/"), "template": template, **context}
    for key, value in context.items():
        if key in _LOADERS and value is not None:
            full.update(_LOADERS[key](value))
    return full


@context_loader("registration_id")
def _registration(registration_id):
    from participants.models import Registration

    registration = Registration.objects.select_related("participant", "occurrence__program").get(pk=registration_id)
    return {
        "registration": registration,
        "participant": registration.participant,
        "occurrence": registration.occurrence,
        "program": registration.occurrence.program,
    }


@context_loader("occurrence_id")
def _occurrence(occurrence_id):
    from workshops.models import Occurrence

    occurrence = Occurrence.objects.select_related("program").get(pk=occurrence_id)
    return {"occurrence": occurrence, "program": occurrence.program}


@context_loader("participant_id")
def _participant(participant_id):
    from participants.models import Participant

    return {"participant": Participant.objects.get(pk=participant_id)}
