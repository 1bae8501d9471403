"""Forms staff build: the questions asked on the registration page, their conditions on the server,
uploads checked by content, answers kept, edited until the deadline, shown to staff and purged."""

import datetime
import io
import os
import zipfile

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from participants.form_models import AnswerFile, Question, QuestionChoice, QuestionSection, QuestionSet
from participants.models import Registration
from programs.models import Program
from programs.roles import PROGRAM_STAFF
from reports.retention import participant_anonymise
from tests.factories import OccurrenceFactory, OrganizationFactory, ProgramFactory, UserFactory

from .test_views_registration import _official, _profile_data

pytestmark = [pytest.mark.django_db, pytest.mark.integration]

K = Question.Kind
PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def _question(section, key, kind, order, **fields):
    fields.setdefault("label_en", key.replace("_", " ").capitalize())
    return Question.objects.create(section=section, key=key, kind=kind, order=order, **fields)


def _choices(question, *values):
    for order, value in enumerate(values, start=1):
        QuestionChoice.objects.create(question=question, order=order, value=value, label_en=value.capitalize() + " (en)",
                                      label_ko=value + " (ko)")  # fmt: skip


@pytest.fixture
def host():
    return OrganizationFactory(name_en="Gyeonggi Province", slug="gyeonggi")


@pytest.fixture
def occurrence(host):
    """A contest (its program's form asks the contest language) with its own form, which replaces it."""
    program = ProgramFactory(kind=Program.Kind.EXCHANGE, languages=[])
    program.hosts.add(host)
    occurrence = OccurrenceFactory(program=program, start_date=datetime.date(2031, 5, 20))
    occurrence.hosts.add(host)
    form = QuestionSet.objects.create(occurrence=occurrence)
    first = QuestionSection.objects.create(question_set=form, order=1, title_en="Your case")
    _question(first, "topic", K.SHORT_TEXT, 1, required=True, min_length=3, max_length=40)
    track = _question(first, "track", K.SINGLE_CHOICE, 2, required=True)
    _choices(track, "policy", "field")
    _question(first, "years", K.NUMBER, 3, min_value=0, max_value=40)
    presenting = _question(first, "presenting", K.YES_NO, 4, required=True)
    slides = QuestionSection.objects.create(
        question_set=form, order=2, title_en="Your presentation", condition_question=presenting, condition_value="yes"
    )
    _question(slides, "slides", K.FILE, 1, required=True, file_types=["pdf", "docx"], max_file_mb=1, personal=True)
    _question(slides, "minutes", K.NUMBER, 2, required=True, min_value=5, max_value=20)
    _question(first, "phone_abroad", K.PHONE, 5, condition_question=track, condition_value="field", personal=True)
    return occurrence


def _url(occurrence):
    return reverse("participants:register", kwargs={"slug": occurrence.slug})


def _post(client, occurrence, **answers):
    user, participant = _official()
    client.force_login(user)
    data = {**_profile_data(participant), "consent": "on", **answers}
    return client.post(_url(occurrence), data), participant


def _valid(**overrides):
    return {"topic": "Smart city permits", "track": "policy", "years": "7", "presenting": "no", **overrides}


def test_the_occurrence_form_replaces_the_programs(client, occurrence):
    user, _participant = _official()
    client.force_login(user)
    page = client.get(_url(occurrence)).content.decode()
    assert 'name="topic"' in page and 'name="slides"' in page
    # The exchange program's own form (dietary needs) is not asked on this occurrence.
    assert 'name="dietary_needs"' not in page
    assert 'data-show-when="presenting" data-show-value="yes"' in page
    assert 'enctype="multipart/form-data"' in page and "participants/conditions" in page


def test_answers_are_stored_by_key_and_shown_with_labels(client, occurrence):
    response, participant = _post(client, occurrence, **_valid(track="field", phone_abroad="+82 10 1234 5678"))
    registration = Registration.objects.get(participant=participant)
    assert response.status_code == 302
    assert registration.answers == {
        "topic": "Smart city permits",
        "track": "field",
        "years": 7,
        "presenting": False,
        "phone_abroad": "+82 10 1234 5678",
    }
    page = client.get(reverse("participants:registration_detail", args=[registration.pk])).content.decode()
    assert "<dt>Track</dt>" in page and "Field (en)" in page and ">No<" in page


def test_a_conditional_section_is_required_only_when_shown(client, occurrence):
    response, participant = _post(client, occurrence, **_valid(presenting="yes"))
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors == {"slides": ["This field is required."], "minutes": ["This field is required."]}
    assert not Registration.objects.filter(participant=participant).exists()


def test_an_upload_is_kept_privately_and_served_to_its_owner_only(client, occurrence, settings):
    slides = SimpleUploadedFile("my slides.pdf", PDF, content_type="application/pdf")
    response, participant = _post(client, occurrence, **_valid(presenting="yes", minutes="10"), slides=slides)
    assert response.status_code == 302
    registration = Registration.objects.get(participant=participant)
    answer = AnswerFile.objects.get(registration=registration, key="slides")
    assert registration.answers["slides"] == "my slides.pdf"
    assert answer.file.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert (answer.content_type, answer.size) == ("application/pdf", len(PDF))
    url = reverse("participants:answer_file", args=[registration.pk, "slides"])
    download = client.get(url)
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    other, _p = _official()
    client.force_login(other)
    assert client.get(url).status_code == 404


def test_staff_of_the_occurrence_see_answers_and_files_others_do_not(client, occurrence, host):
    slides = SimpleUploadedFile("slides.docx", _docx())
    _response, participant = _post(client, occurrence, **_valid(presenting="yes", minutes="10"), slides=slides)
    registration = Registration.objects.get(participant=participant)
    staff = UserFactory(is_staff=True, organization=host)
    staff.groups.add(Group.objects.get(name=PROGRAM_STAFF))
    client.force_login(staff)
    page = client.get(reverse("admin:participants_registration_change", args=[registration.pk])).content.decode()
    assert '<dt>Topic</dt><dd data-answer="topic">Smart city permits</dd>' in page
    file_url = reverse("admin:participants_registration_answer_file", args=[registration.pk, "slides"])
    assert file_url in page
    assert client.get(file_url).status_code == 200
    stranger = UserFactory(is_staff=True, organization=OrganizationFactory(slug="taipei"))
    stranger.groups.add(Group.objects.get(name=PROGRAM_STAFF))
    client.force_login(stranger)
    assert client.get(file_url).status_code in (302, 404)


@pytest.mark.parametrize(
    ("answers", "files", "field", "message"),
    [
        ({"topic": ""}, {}, "topic", "This field is required."),
        ({"topic": "ab"}, {}, "topic", "Ensure this value has at least 3 characters (it has 2)."),
        ({"years": "41"}, {}, "years", "Ensure this value is less than or equal to 40."),
        ({"years": "\x00"}, {}, "years", "Enter a number."),
        ({"topic": "a\x00b c"}, {}, "topic", "Null characters are not allowed."),
        (
            {"track": "elsewhere"},
            {},
            "track",
            "Select a valid choice. elsewhere is not one of the available choices.",
        ),
        (
            {"track": "policy", "phone_abroad": "+82 10 1234 5678"},
            {},
            "phone_abroad",
            "This question is not asked with your answers above; leave it empty.",
        ),
        (
            {"presenting": "yes", "minutes": "10"},
            {"slides": ("slides.pdf", PNG)},
            "slides",
            "This file is not one of the accepted kinds: PDF, Word document (DOCX).",
        ),
        (
            {"presenting": "yes", "minutes": "10"},
            {"slides": ("slides.pdf", PDF + b"0" * (1024 * 1024))},
            "slides",
            "This file is 1.0\xa0MB; the largest accepted is 1.0\xa0MB.",
        ),
        (
            {"presenting": "no", "minutes": "10"},
            {},
            "minutes",
            "This question is not asked with your answers above; leave it empty.",
        ),
        (
            {"presenting": "yes", "minutes": "3"},
            {"slides": ("s.pdf", PDF)},
            "minutes",
            "Ensure this value is greater than or equal to 5.",
        ),  # fmt: skip
    ],
)
def test_bad_answers_are_refused_by_the_field_and_nothing_is_saved(client, occurrence, answers, files, field, message):
    uploads = {key: SimpleUploadedFile(name, content) for key, (name, content) in files.items()}
    response, participant = _post(client, occurrence, **_valid(**answers), **uploads)
    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors == {field: [message]}
    assert not Registration.objects.filter(participant=participant).exists()
    assert not AnswerFile.objects.exists()
    # What was typed stays in the form.
    page = response.content.decode()
    if "topic" not in answers:
        assert 'value="Smart city permits"' in page
    if answers.get("years") == "41":
        assert 'value="41"' in page


def test_edit_answers_until_the_deadline_recorded_in_history(client, occurrence):
    _response, participant = _post(client, occurrence, **_valid())
    registration = Registration.objects.get(participant=participant)
    url = reverse("participants:answers_edit", args=[registration.pk])
    page = client.get(url).content.decode()
    assert 'value="Smart city permits"' in page and 'name="consent"' not in page
    response = client.post(url, _valid(topic="Open data for permits", years="8"))
    assert response.status_code == 302
    registration.refresh_from_db()
    assert (registration.answers["topic"], registration.answers["years"]) == ("Open data for permits", 8)
    change = registration.status_changes.order_by("-id").first()
    assert change.note_display == "Answers changed: topic, years"
    assert registration.history.count() >= 2
    # A bad edit changes nothing.
    response = client.post(url, _valid(topic="x"))
    assert response.status_code == 400
    registration.refresh_from_db()
    assert registration.answers["topic"] == "Open data for permits"
    occurrence.registration_closes_at = timezone.now() - datetime.timedelta(minutes=1)
    occurrence.save()
    response = client.post(url, _valid(topic="Too late"))
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.answers["topic"] == "Open data for permits"
    detail = client.get(reverse("participants:registration_detail", args=[registration.pk])).content.decode()
    assert 'id="edit-answers"' not in detail


def test_a_question_taken_out_of_use_keeps_its_answers_readable(client, occurrence):
    _response, participant = _post(client, occurrence, **_valid(track="field"))
    registration = Registration.objects.get(participant=participant)
    Question.objects.filter(key="track").update(active=False)
    page = client.get(reverse("participants:registration_detail", args=[registration.pk])).content.decode()
    assert "Track" in page and "Field (en)" in page
    assert (
        'name="track"' not in client.get(reverse("participants:answers_edit", args=[registration.pk])).content.decode()
    )
    # A choice whose value is no longer offered still reads as its value; a question gone as its key.
    QuestionChoice.objects.filter(value="field").delete()
    Question.objects.filter(key="topic").delete()
    page = client.get(reverse("participants:registration_detail", args=[registration.pk])).content.decode()
    assert ">field<" in page and "<dt>topic</dt>" in page


def test_the_purge_erases_personal_answers_and_files_and_keeps_the_others(
    client, occurrence, django_capture_on_commit_callbacks
):
    slides = SimpleUploadedFile("slides.pdf", PDF)
    answers = _valid(presenting="yes", minutes="10", track="field", phone_abroad="+82 10 1234 5678")
    _response, participant = _post(client, occurrence, **answers, slides=slides)
    registration = Registration.objects.get(participant=participant)
    path = AnswerFile.objects.get(registration=registration).file.path
    with django_capture_on_commit_callbacks(execute=True):
        participant_anonymise(participant=participant)
    registration.refresh_from_db()
    assert "slides" not in registration.answers and "phone_abroad" not in registration.answers
    assert registration.answers["topic"] == "Smart city permits"
    assert not AnswerFile.objects.exists()
    assert not os.path.exists(path)


def test_a_new_program_starts_with_its_kinds_questions():
    program = Program.objects.create(slug="contest-x", name_en="Contest X", kind=Program.Kind.CONTEST, languages=["ko"])
    questions = Question.objects.filter(section__question_set__program=program)
    assert [(q.key, q.kind, q.required, q.label_ko) for q in questions] == [("language", "language", True, "대회 언어")]


def test_an_edit_keeps_the_file_sent_before_unless_replaced(client, occurrence):
    slides = SimpleUploadedFile("first.pdf", PDF)
    _response, participant = _post(client, occurrence, **_valid(presenting="yes", minutes="10"), slides=slides)
    registration = Registration.objects.get(participant=participant)
    url = reverse("participants:answers_edit", args=[registration.pk])
    assert "Already sent: first.pdf" in client.get(url).content.decode()
    response = client.post(url, _valid(presenting="yes", minutes="12"))
    assert response.status_code == 302
    registration.refresh_from_db()
    assert (registration.answers["slides"], registration.answers["minutes"]) == ("first.pdf", 12)
    assert AnswerFile.objects.get(registration=registration).name == "first.pdf"
    response = client.post(
        url, {**_valid(presenting="yes", minutes="12"), "slides": SimpleUploadedFile("v2.docx", _docx())}
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.answers["slides"] == "v2.docx"
    assert AnswerFile.objects.get(registration=registration).content_type.endswith("wordprocessingml.document")


def test_an_edit_evaluates_a_condition_on_a_file_question_against_the_file_kept(client, occurrence):
    """A translation is asked only when a CV is sent. Editing later (a file input cannot be filled in
    again), the CV kept still answers the condition: the translation is neither lost nor required anew."""
    first = QuestionSection.objects.get(question_set__occurrence=occurrence, order=1)
    cv = _question(first, "cv", K.FILE, 6, file_types=["pdf"])
    _question(first, "cv_translation", K.FILE, 7, required=True, file_types=["pdf"], condition_question=cv,
              condition_value="file")  # fmt: skip
    response, participant = _post(client, occurrence, **_valid(), cv=SimpleUploadedFile("cv.pdf", PDF))
    assert response.status_code == 400
    assert response.context["form"].errors == {"cv_translation": ["This field is required."]}
    files = {"cv": SimpleUploadedFile("cv.pdf", PDF), "cv_translation": SimpleUploadedFile("cv-en.pdf", PDF)}
    response = client.post(_url(occurrence), {**_profile_data(participant), "consent": "on", **_valid(), **files})
    assert response.status_code == 302
    registration = Registration.objects.get(participant=participant)
    url = reverse("participants:answers_edit", args=[registration.pk])
    assert "Already sent: cv-en.pdf" in client.get(url).content.decode()

    response = client.post(url, _valid(topic="Open data for permits"))
    assert response.status_code == 302
    registration.refresh_from_db()
    assert (registration.answers["cv"], registration.answers["cv_translation"]) == ("cv.pdf", "cv-en.pdf")
    assert sorted(AnswerFile.objects.filter(registration=registration).values_list("key", flat=True)) == [
        "cv",
        "cv_translation",
    ]


class _LaterStepFailed(Exception):
    pass


def test_an_upload_rolled_back_with_its_registration_leaves_no_file(occurrence, settings, tmp_path):
    """The caller's transaction fails after the file was written (a later step refused): the
    registration and its answer row roll back, and the file is deleted from the private storage."""
    from participants.services import registration_submit

    settings.PRIVATE_MEDIA_ROOT = tmp_path
    _user, participant = _official()
    answers = {"topic": "Smart city permits", "track": "policy", "presenting": True, "minutes": 10, "slides": "s.pdf"}
    with pytest.raises(_LaterStepFailed), transaction.atomic():
        registration_submit(
            participant=participant, occurrence=occurrence, answers=answers, consent=True,
            uploads={"slides": SimpleUploadedFile("s.pdf", PDF)},
        )  # fmt: skip
        assert [p.name for p in tmp_path.rglob("*") if p.is_file()]  # written while the transaction runs
        raise _LaterStepFailed
    assert not Registration.objects.filter(participant=participant).exists() and not AnswerFile.objects.exists()
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_an_answers_edit_rolled_back_leaves_no_new_file_and_keeps_the_old(
    client, occurrence, settings, tmp_path, django_capture_on_commit_callbacks
):
    from participants.answers import registration_answers_update

    settings.PRIVATE_MEDIA_ROOT = tmp_path
    with django_capture_on_commit_callbacks(execute=True):  # the registration commits: its file stays
        _post(client, occurrence, **_valid(presenting="yes", minutes="10"), slides=SimpleUploadedFile("a.pdf", PDF))
    registration = Registration.objects.get()
    kept = AnswerFile.objects.get(registration=registration).file.path
    answers = {**registration.answers, "slides": "b.pdf"}
    with pytest.raises(_LaterStepFailed), transaction.atomic():
        registration_answers_update(
            registration=registration, answers=answers, uploads={"slides": SimpleUploadedFile("b.pdf", PDF)}
        )
        raise _LaterStepFailed
    assert [str(p) for p in tmp_path.rglob("*") if p.is_file()] == [kept]
    assert AnswerFile.objects.get(registration=registration).name == "a.pdf"
