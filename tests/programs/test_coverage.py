"""Staff see which languages a public text lacks: the demo is complete, a gap shows in the admin
(column, filter, note on the change page) and in `manage.py translation_coverage`."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse

from programs.coverage import missing_languages, missing_q, translated_fields, translated_models
from programs.models import CostShare, Program

pytestmark = [pytest.mark.django_db, pytest.mark.integration]

LANGS = ("ko", "en", "zh_hans", "zh_hant", "ja")


@pytest.fixture
def demo(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def staff_client(client, demo):
    client.force_login(get_user_model().objects.get(email="staff@example.org"))
    return client


def test_demo_every_written_text_is_in_all_five_languages(demo):
    gaps = []
    for model in translated_models():
        for obj in model._base_manager.all():
            for field in translated_fields(model):
                values = {lang: getattr(obj, f"{field}_{lang}") for lang in LANGS}
                if values["en"] and not all(values.values()):
                    gaps.append((model._meta.label, obj.pk, field, [k for k, v in values.items() if not v]))
    assert gaps == []
    assert [m._meta.label for m in translated_models() if model_has_gaps(m)] == []


def model_has_gaps(model):
    return model._base_manager.filter(missing_q(model)).exists()


def test_demo_translated_models_are_the_public_ones():
    assert [m._meta.label for m in translated_models()] == [
        "aftercare.Material",
        "aftercare.Photo",
        "aftercare.Question",
        "aftercare.ResearchArea",
        "aftercare.Survey",
        "cohorts.CertificateDesign",
        "cohorts.InvitationLetterTemplate",
        "cohorts.Signatory",
        "cohorts.SpeechCriterion",
        "exhibitions.Exhibit",
        "exhibitions.Exhibition",
        "exhibitions.Exhibitor",
        "exhibitions.Section",
        "meetings.Room",
        "participants.ParticipantCategory",
        "participants.Question",
        "participants.QuestionChoice",
        "participants.QuestionSection",
        "programs.Agreement",
        "programs.AgreementSignatory",
        "programs.CostShare",
        "programs.Organization",
        "programs.Program",
        "workshops.AgendaItem",
        "workshops.Delegation",
        "workshops.Occurrence",
    ]


def test_missing_languages_names_the_languages_a_written_field_lacks(demo):
    program = Program.objects.get(slug="academy")
    program.description_ja = ""
    program.description_zh_hant = ""
    program.save()
    assert missing_languages(program) == ["zh-hant", "ja"]
    # An optional text empty in every language lacks nothing.
    program.description_en = program.description_ko = program.description_zh_hans = ""
    program.save()
    assert missing_languages(program) == []


def test_translation_coverage_command_prints_every_model_and_fails_under_the_threshold(demo):
    out = io.StringIO()
    call_command("translation_coverage", "--fail-under", "100", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].split() == ["model", "rows", "ko", "en", "zh-hans", "zh-hant", "ja"]
    program_line = next(line for line in lines if line.startswith("programs.Program "))
    assert program_line.count("100.0%") == 5

    Program.objects.filter(slug="academy").update(summary_ja="")
    out = io.StringIO()
    with pytest.raises(CommandError, match=r"programs\.Program ja 9\d\.\d%"):
        call_command("translation_coverage", "--fail-under", "100", stdout=out)
    program_line = next(line for line in out.getvalue().splitlines() if line.startswith("programs.Program "))
    assert program_line.count("100.0%") == 4
    call_command("translation_coverage", "--fail-under", "90", stdout=io.StringIO())


def test_admin_changelist_shows_missing_languages_and_filters_on_them(staff_client):
    Program.objects.filter(slug="academy").update(summary_ja="", audience_ko="")
    url = reverse("admin:programs_program_changelist")

    page = staff_client.get(url, {"missing_translation": "ja"}, HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    listed = [p.slug for p in page.context["cl"].result_list]
    assert listed == ["academy"]
    text = page.content.decode()
    assert "Missing languages" in text
    assert "missing a translation" in text
    assert "Korean, Japanese" in text

    everything = staff_client.get(url, {"missing_translation": "any"})
    assert [p.slug for p in everything.context["cl"].result_list] == ["academy"]
    assert staff_client.get(url, {"missing_translation": "zh-hant"}).context["cl"].result_count == 0


def test_admin_change_page_notes_the_missing_languages(staff_client):
    program = Program.objects.get(slug="academy")
    Program.objects.filter(pk=program.pk).update(description_zh_hant="")
    url = reverse("admin:programs_program_change", args=[program.pk])
    page = staff_client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert "Not yet translated into: Traditional Chinese." in page.content.decode()
    Program.objects.filter(pk=program.pk).update(description_zh_hant="國際禮賓")
    assert "Not yet translated into" not in staff_client.get(url).content.decode()


def test_program_change_page_names_the_cost_share_that_lacks_a_language(staff_client):
    k2h = Program.objects.get(slug="k2h")
    CostShare.objects.filter(program=k2h, payer__slug="gaok").update(covers_ja="")
    page = staff_client.get(reverse("admin:programs_program_change", args=[k2h.pk]), HTTP_ACCEPT_LANGUAGE="en")
    text = page.content.decode()
    assert (
        "Cost share “Training Program for Foreign Public Officials (K2H Program): Governors Association of Korea” is not yet translated into: Japanese."
        in text
    )
    assert "Not yet translated into:" not in text  # the program's own texts are complete
