"""The data migration that turned the fixed questions into each program's form (participants 0012),
run on the demo's registrations: every stored answer is kept and answers its program's question."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import translation

from participants.form_models import Question, QuestionSet
from participants.models import Registration
from participants.questionnaire import answers_for_display
from programs.models import Program

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

BEFORE = [("participants", "0010_passport_details")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def test_the_demo_registrations_keep_every_answer_under_their_programs_questions(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())
    workshop_registration = Registration.objects.filter(occurrence__program__kind=Program.Kind.WORKSHOP).first()
    contest_registration = Registration.objects.filter(occurrence__program__kind=Program.Kind.CONTEST).first()
    old_apps = _migrate(BEFORE)
    OldRegistration = old_apps.get_model("participants", "Registration")
    OldProgram = old_apps.get_model("programs", "Program")
    OldRegistration.objects.filter(pk=workshop_registration.pk).update(
        answers={"arrival_date": "2026-09-13", "dietary_needs": "Halal", "language": "en"}
    )
    # A program whose languages were emptied after officials chose one: its answers stay readable.
    OldProgram.objects.filter(pk=contest_registration.occurrence.program_id).update(languages=[])
    before = dict(OldRegistration.objects.values_list("pk", "answers"))
    assert any(before.values())
    try:
        _migrate(_latest())
        assert dict(Registration.objects.values_list("pk", "answers")) == before
        for registration in Registration.objects.exclude(answers={}).select_related("occurrence__program"):
            keys = set(
                Question.objects.filter(section__question_set__program=registration.occurrence.program_id).values_list(
                    "key", flat=True
                )
            )
            assert set(registration.answers) <= keys, registration
        with translation.override("ko"):
            rows = answers_for_display(workshop_registration.occurrence, before[workshop_registration.pk])
        labels = {key: (label, value) for key, label, value, _file in rows}
        assert labels["arrival_date"] == ("도착 예정일", "2026년 9월 13일")
        assert labels["dietary_needs"][1] == "Halal"
        contest_form = Question.objects.filter(section__question_set__program=contest_registration.occurrence.program)
        assert [(q.key, q.active) for q in contest_form] == [("language", False)]
        k2h = Program.objects.get(slug="k2h")
        assert [(q.key, q.kind, q.required, q.active) for q in Question.objects.filter(
            section__question_set__program=k2h)] == [
            ("language", "language", True, True), ("dietary_needs", "short_text", False, True)]  # fmt: skip
        assert QuestionSet.objects.filter(program__isnull=False).count() == len(
            {q.section.question_set.program_id for q in Question.objects.select_related("section__question_set")}
        )
    finally:
        _migrate(_latest())
