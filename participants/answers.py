"""A registration's answers after submission: the files kept with them, the official's edits until
the registration deadline (each one in the registration's history), and their erasure."""

from django.db import transaction
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from jobs.storage import delete_on_rollback

from .errors import RegistrationError
from .form_models import AnswerFile
from .models import Registration, SystemNote
from .questionnaire import questions_by_key
from .uploads import CONTENT_TYPES

S = Registration.Status
# An official may change their answers while registration is open and they are still in the running.
EDITABLE_STATUSES = {S.SUBMITTED, S.UNDER_REVIEW, S.ACCEPTED, S.WAITLISTED}


def answer_files_save(*, registration, uploads):
    """Keep each uploaded answer in private storage, replacing that question's earlier file; a file
    written here is deleted again if the registration's transaction rolls back."""
    for key, upload in uploads.items():
        old = AnswerFile.objects.filter(registration=registration, key=key).first()
        if old is not None:
            old_file = old.file
            transaction.on_commit(lambda f=old_file: f.delete(save=False))
            old.delete()
        answer = AnswerFile(
            registration=registration,
            key=key,
            name=upload.name[:200],
            size=upload.size,
            content_type=CONTENT_TYPES.get(getattr(upload, "sniffed_kind", ""), "application/octet-stream"),
        )
        answer.file.save(key, upload, save=False)
        delete_on_rollback(answer.file.storage, answer.file.name)
        answer.save()


def registration_answers_editable(registration):
    return registration.status in EDITABLE_STATUSES and registration.occurrence.registration_is_open()


def registration_answers_update(*, registration, answers, uploads=None, by=None):
    """The official changes their answers: stored with the files, and noted in the history with the
    questions that changed. Nothing changes after the registration deadline."""
    # services imports this module (registration_submit keeps the files): imported when called.
    from .services import _record

    if not registration_answers_editable(registration):
        raise RegistrationError(_("Your answers can no longer be changed: registration has closed."))
    uploads = uploads or {}
    with transaction.atomic():
        locked = Registration.objects.select_for_update().get(pk=registration.pk)
        changed = sorted(
            key for key in set(locked.answers) | set(answers) if locked.answers.get(key) != answers.get(key)
        )
        changed = sorted(set(changed) | set(uploads))
        if not changed:
            return []
        locked.answers = answers
        locked.save(update_fields=["answers", "updated_at"])
        answer_files_save(registration=locked, uploads=uploads)
        # A file whose question is no longer answered (its section hidden by a changed answer) goes.
        _answer_files_delete(AnswerFile.objects.filter(registration=locked).exclude(key__in=list(answers)))
        note = SystemNote(gettext_noop("Answers changed: %(questions)s"), {"questions": ", ".join(changed)})
        _record(locked, locked.status, locked.status, by, note)
    registration.answers = answers
    return changed


def answers_erase_personal(*, participant_id):
    """The retention purge: erase a participant's personal answers (questions marked personal, files,
    and answers whose question is gone, whose nature is no longer known) and delete their uploaded
    files; the other answers (a working language) stay for the statistics."""
    registrations = Registration.objects.filter(participant_id=participant_id).select_related("occurrence", "category")
    for registration in registrations:
        questions = questions_by_key(registration.occurrence, registration.category)
        kept = {
            key: value
            for key, value in (registration.answers or {}).items()
            if key in questions and not questions[key].personal and questions[key].kind != questions[key].Kind.FILE
        }
        if kept != registration.answers:
            # .update(): saving would copy the erased answers into a new history row.
            Registration.objects.filter(pk=registration.pk).update(answers=kept)
    _answer_files_delete(AnswerFile.objects.filter(registration__participant_id=participant_id))


def _answer_files_delete(queryset):
    """Delete these uploaded answers; their files once the transaction commits."""
    files = list(queryset)
    for answer in files:
        transaction.on_commit(lambda f=answer.file: f.delete(save=False))
    AnswerFile.objects.filter(pk__in=[a.pk for a in files]).delete()


def answer_file_response(*, registration, key):
    """An uploaded answer as a download, or 404; the caller has checked who may read it (the
    official for their own registration, staff who may view it in the admin)."""
    answer = AnswerFile.objects.filter(registration=registration, key=key).first()
    if answer is None:
        raise Http404
    try:
        handle = answer.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, content_type=answer.content_type, as_attachment=True, filename=answer.name)
