"""Receivers of the signals of lower apps (accounts, programs) and of the registration forms' rows,
connected in ParticipantsConfig.ready()."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from accounts.signals import email_verified
from programs.models import Program

from .form_cache import forms_changed
from .form_defaults import default_form_build
from .form_models import Question, QuestionChoice, QuestionSection, QuestionSet
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
