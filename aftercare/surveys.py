"""Evaluation surveys: sending them after the last day (with one reminder), and answering once.

`surveys_send_due` runs from beat (`aftercare.send_surveys`, hourly): an active survey whose
occurrence ended before today goes to every attendee holding a seat (not the no-shows), each in
their own language, through the outbox; REMINDER_DAYS later the ones who have not answered get
one reminder. The survey row is locked while its invitations are written, and every notification
key is unique, so two beats (or a retried task) never send twice.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from notifications.services import notifications_queue_many
from participants.models import ANONYMISED_DOMAIN, Registration

from .models import Answer, Question, Survey, SurveyInvitation, SurveyResponse

REMINDER_DAYS = 4
ATTENDEE_STATUSES = (Registration.Status.ACCEPTED, Registration.Status.ATTENDED, Registration.Status.COMPLETED)


class SurveyError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def ended_before(today):
    return Q(occurrence__end_date__lt=today) | Q(occurrence__end_date__isnull=True, occurrence__start_date__lt=today)


def _notices(invitations, template):
    return [
        {
            "key": f"{template}:{invitation.pk}",
            "template": template,
            "recipient": invitation.registration.participant.email,
            "language": invitation.registration.participant.preferred_language or "en",
            "context": {"survey_invitation_id": invitation.pk},
            "reply_to": invitation.registration.occurrence.reply_to_email,
        }
        for invitation in invitations
    ]


def survey_send(*, survey_id, now=None):
    """Invite the attendees of one survey (once); returns how many were invited."""
    now = now or timezone.now()
    with transaction.atomic():
        survey = Survey.objects.select_for_update().get(pk=survey_id)
        if survey.sent_at is not None or not survey.is_active:
            return 0
        attendees = (
            Registration.objects.filter(occurrence_id=survey.occurrence_id, status__in=ATTENDEE_STATUSES)
            .exclude(participant__email__endswith="@" + ANONYMISED_DOMAIN)
            .exclude(participant__email="")
        )
        SurveyInvitation.objects.bulk_create(
            [SurveyInvitation(survey=survey, registration=r) for r in attendees], ignore_conflicts=True
        )
        invitations = list(survey.invitations.select_related("registration__participant", "registration__occurrence"))
        notifications_queue_many(items=_notices(invitations, "survey_invitation"))
        survey.sent_at = now
        survey.save(update_fields=["sent_at"])
    return len(invitations)


def survey_remind(*, survey_id, now=None):
    now = now or timezone.now()
    with transaction.atomic():
        survey = Survey.objects.select_for_update().get(pk=survey_id)
        if survey.reminded_at is not None or survey.sent_at is None:
            return 0
        pending = list(
            survey.invitations.filter(answered_at__isnull=True).select_related(
                "registration__participant", "registration__occurrence"
            )
        )
        notifications_queue_many(items=_notices(pending, "survey_reminder"))
        survey.invitations.filter(pk__in=[i.pk for i in pending]).update(reminded_at=now)
        survey.reminded_at = now
        survey.save(update_fields=["reminded_at"])
    return len(pending)


def surveys_send_due(*, now=None):
    """Send every survey whose occurrence is over, and remind REMINDER_DAYS after sending."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    due = Survey.objects.filter(is_active=True, sent_at__isnull=True).filter(ended_before(today))
    sent = sum(survey_send(survey_id=pk, now=now) for pk in due.values_list("pk", flat=True))
    remind = Survey.objects.filter(reminded_at__isnull=True, sent_at__lte=now - timedelta(days=REMINDER_DAYS))
    reminded = sum(survey_remind(survey_id=pk, now=now) for pk in remind.values_list("pk", flat=True))
    return {"invited": sent, "reminded": reminded}


def survey_answer(*, token, answers, language):
    """Record one attendee's answers ({question_id: int or str}); a second submission is refused."""
    with transaction.atomic():
        try:
            invitation = SurveyInvitation.objects.select_for_update().select_related("registration").get(token=token)
        except SurveyInvitation.DoesNotExist:
            raise SurveyError(_("This survey link is not valid.")) from None
        if invitation.answered_at is not None:
            raise SurveyError(_("You have already answered this survey. Thank you."))
        response = SurveyResponse.objects.create(
            invitation=invitation,
            survey_id=invitation.survey_id,
            country=invitation.registration.country or "",
            category_id=invitation.registration.category_id,
            language=language,
        )
        questions = {q.pk: q for q in Question.objects.filter(survey_id=invitation.survey_id)}
        rows = []
        for question_id, value in answers.items():
            question = questions[question_id]
            if value in (None, ""):
                continue
            if question.kind == Question.Kind.TEXT:
                rows.append(Answer(response=response, question=question, text=value))
            else:
                rows.append(Answer(response=response, question=question, value=value))
        Answer.objects.bulk_create(rows)
        invitation.answered_at = timezone.now()
        invitation.save(update_fields=["answered_at"])
    return response


def invitation_for_token(token):
    try:
        return SurveyInvitation.objects.select_related("survey__occurrence", "registration__participant").get(
            token=token
        )
    except (SurveyInvitation.DoesNotExist, ValueError, IntegrityError):
        return None
