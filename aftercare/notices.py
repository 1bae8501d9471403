"""The notices aftercare sends: an evaluation survey and its one reminder; a speaker's invitation."""

from notifications.registry import context_loader, notice_kinds

notice_kinds("survey_invitation", "survey_reminder", app="aftercare")


@context_loader("survey_invitation_id")
def _invitation(invitation_id):
    from .models import SurveyInvitation

    invitation = SurveyInvitation.objects.select_related(
        "survey", "registration__participant", "registration__occurrence__program"
    ).get(pk=invitation_id)
    return {
        "invitation": invitation,
        "survey": invitation.survey,
        "participant": invitation.registration.participant,
        "occurrence": invitation.registration.occurrence,
    }


notice_kinds("speaker_invitation", app="aftercare")


@context_loader("speaker_invitation_id")
def _speaker_invitation(invitation_id):
    from .models import SpeakerInvitation

    invitation = SpeakerInvitation.objects.select_related("occurrence__program", "agenda_item").get(pk=invitation_id)
    return {"invitation": invitation, "occurrence": invitation.occurrence}


# A message between alumni: its context is written out (sender's name, text, link), never an address.
notice_kinds("alumni_message", app="aftercare")
