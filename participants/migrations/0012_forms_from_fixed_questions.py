"""The questions every program asked from code (participants/questions.py: working language,
arrival date, dietary needs, by the program's kind) become each program's form, which staff now
edit. The stored answers keep their keys and values ("language": a code, "arrival_date": ISO,
"dietary_needs": text), so each one is an answer to its program's question again; a key the
kind no longer asks is kept as a question not asked, so its answers keep their label."""

from django.db import migrations

from participants.form_defaults import default_form_build


def forwards(apps, schema_editor):
    Program = apps.get_model("programs", "Program")
    Registration = apps.get_model("participants", "Registration")
    models = {
        "question_set_model": apps.get_model("participants", "QuestionSet"),
        "section_model": apps.get_model("participants", "QuestionSection"),
        "question_model": apps.get_model("participants", "Question"),
    }
    for program in Program.objects.order_by("pk"):
        answered = set()
        for answers in Registration.objects.filter(occurrence__program=program).values_list("answers", flat=True):
            answered.update((answers or {}).keys())
        default_form_build(program=program, answered_keys=answered, **models)


class Migration(migrations.Migration):
    dependencies = [
        ("participants", "0011_registration_forms"),
        ("programs", "0004_agreement_public_registry"),
    ]

    # Backwards: the forms go with 0011's tables; the answers were never changed.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
