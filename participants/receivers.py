"""Receivers of the signals of lower apps (accounts, programs), of the registration forms' rows and of
the rows an official's kept registration page shows, connected in ParticipantsConfig.ready()."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from accounts.signals import email_verified
from programs.models import Program

from .category_models import ParticipantCategory
from .form_cache import forms_changed
from .form_defaults import default_form_build
from .form_models import Question, QuestionChoice, QuestionSection, QuestionSet
from .models import Participant, Registration
from .page_cache import categories_changed, official_changed
from .self_service import participant_link_account


@receiver(email_verified, dispatch_uid="participants.link_imported_profile")
def link_imported_profile(sender, *, user, **kwargs):
    participant_link_account(user=user)


@receiver(post_save, sender=Program, dispatch_uid="participants.program_default_form")
def give_new_program_its_form(sender, instance, created, raw=False, **kwargs):
    """A new program starts with the questions of its kind (participants.form_defaults); staff edit them."""
    if created and not raw:
        default_form_build(
            program=instance, question_set_model=QuestionSet, section_model=QuestionSection, question_model=Question
        )


def _form_changed(sender, **kwargs):
    """Any saved or deleted form, section, question or choice (also when a program, occurrence or
    category takes its form with it; fixtures too) replaces the kept questionnaires (participants.form_cache)."""
    forms_changed()


for _model in (QuestionSet, QuestionSection, Question, QuestionChoice):
    post_save.connect(_form_changed, sender=_model, dispatch_uid=f"participants.form_saved.{_model.__name__}")
    post_delete.connect(_form_changed, sender=_model, dispatch_uid=f"participants.form_deleted.{_model.__name__}")


def _official_of_participant(sender, instance, raw=False, **kwargs):
    if not raw:
        official_changed(instance.user_id)


def _official_of_registration(sender, instance, raw=False, **kwargs):
    """A registration saved or deleted changes its official's registration page (already registered,
    registering again). The participant is read only when it is not loaded with the row."""
    if raw:
        return
    if Registration.participant.is_cached(instance):
        official_changed(instance.participant.user_id)
    else:
        official_changed(
            Participant.objects.filter(pk=instance.participant_id).values_list("user_id", flat=True).first()
        )


def _categories_changed(sender, raw=False, **kwargs):
    if not raw:
        categories_changed()


# The kept registration pages (participants.page_cache); the account's own token covers the account.
for _model, _receiver in (
    (Participant, _official_of_participant),
    (Registration, _official_of_registration),
    (ParticipantCategory, _categories_changed),
):
    post_save.connect(_receiver, sender=_model, dispatch_uid=f"participants.register_page_saved.{_model.__name__}")
    post_delete.connect(_receiver, sender=_model, dispatch_uid=f"participants.register_page_deleted.{_model.__name__}")
