"""A form staff build in the admin, in Chromium: GAOK's program staff (staff@example.org, not a
superuser) give an occurrence its own form with a section shown only on one answer and an upload;
officials register through it in Korean and in English, one changes an answer before the deadline,
and staff read the answers and export the roster with the questions' labels."""

import datetime
import io

import openpyxl
import pytest
from django.core.management import call_command
from django.utils import timezone

from participants.form_models import AnswerFile, Question, QuestionSet
from participants.models import Registration
from programs.models import Organization, Program
from tests.e2e.logins import log_in, log_in_admin
from tests.factories import OccurrenceFactory, ParticipantFactory, ProgramFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _occurrence():
    gaok = Organization.objects.get(slug="gaok")
    program = ProgramFactory(name_en="Smart City Forum", slug="smart-city-forum", kind=Program.Kind.FORUM)
    program.hosts.add(gaok)
    return OccurrenceFactory(
        program=program, title_en="Smart City Forum 2031", slug="smart-city-2031", start_date=datetime.date(2031, 5, 20)
    )


def _save(page, name="_continue"):
    page.locator(f"input[name={name}]").click()
    page.wait_for_selector(".messagelist .success, .errornote")
    assert not page.locator(".errornote").count(), page.inner_text("#content")


def _build_form_in_admin(page, url, occurrence):
    log_in_admin(page, url, "staff@example.org")
    page.goto(f"{url}/admin/participants/questionset/add/?occurrence={occurrence.pk}")
    page.fill("#id_sections-0-order", "1")
    page.fill("#id_sections-0-title_en", "Your case")
    page.fill("#id_sections-0-title_ko", "사례")
    _save(page)
    # The section's page: its questions.
    page.locator("#sections-0 a.inlinechangelink").click()
    page.fill("#id_questions-0-key", "presenting")
    page.select_option("#id_questions-0-kind", "yes_no")
    page.fill("#id_questions-0-label_en", "Will you present your case?")
    page.fill("#id_questions-0-label_ko", "사례를 발표하십니까?")
    page.check("#id_questions-0-required")
    _save(page)
    # A second section, shown only to those who present: the slides, a PDF of at most 1 MB.
    page.goto(f"{url}/admin/participants/questionset/{QuestionSet.objects.get(occurrence=occurrence).pk}/change/")
    page.fill("#id_sections-1-order", "2")
    page.fill("#id_sections-1-title_en", "Your presentation")
    page.fill("#id_sections-1-title_ko", "발표")
    presenting = Question.objects.get(section__question_set__occurrence=occurrence, key="presenting")
    page.select_option("#id_sections-1-condition_question", str(presenting.pk))
    page.fill("#id_sections-1-condition_value", "yes")
    _save(page)
    page.locator("#sections-1 a.inlinechangelink").click()
    page.fill("#id_questions-0-key", "slides")
    page.select_option("#id_questions-0-kind", "file")
    page.fill("#id_questions-0-label_en", "Your slides")
    page.fill("#id_questions-0-label_ko", "발표 자료")
    page.check("#id_questions-0-required")
    page.check("#id_questions-0-personal")
    page.check("#id_questions-0-file_types_0")  # PDF
    page.fill("#id_questions-0-max_file_mb", "1")
    _save(page)


def _register(page, url, occurrence, *, presenting_label, slides):
    page.goto(f"{url}/occurrences/{occurrence.slug}/register/")
    slides_box = page.locator('.question[data-question="slides"]')
    assert not slides_box.is_visible()
    page.get_by_label(presenting_label, exact=True).check()
    assert slides_box.is_visible()
    page.set_input_files("#id_slides", files=[slides])
    page.check("#id_consent")
    page.locator("#registration-form button[type=submit]").click()


def test_staff_build_a_conditional_form_and_officials_answer_it_in_korean_and_english(page, live_server):
    call_command("load_demo", stdout=io.StringIO())
    occurrence = _occurrence()
    url = live_server.url
    _build_form_in_admin(page, url, occurrence)
    section = QuestionSet.objects.get(occurrence=occurrence).sections.get(order=2)
    assert (section.condition_question.key, section.condition_value) == ("presenting", "yes")
    assert Question.objects.get(key="slides").file_types == ["pdf"]
    page.context.clear_cookies()

    # In Korean: the demo official; a PNG named .pdf is refused by its content, the answer is kept.
    log_in(page, url, "official@example.org")
    page.goto(f"{url}/")
    page.select_option("#language-select", "ko")
    page.locator("form[action$='/i18n/setlang/'] button[type=submit]").click()
    page.wait_for_selector("html[lang='ko']")
    fake = {"name": "slides.pdf", "mimeType": "application/pdf", "buffer": PNG}
    _register(page, url, occurrence, presenting_label="예", slides=fake)
    page.wait_for_selector("#registration-error")
    assert "받을 수 있는 파일 형식이 아닙니다: PDF." in page.inner_text("#div_id_slides")
    assert page.locator("#id_presenting_0").is_checked()
    assert page.locator('.question[data-question="slides"]').is_visible()
    assert not Registration.objects.filter(occurrence=occurrence).exists()
    page.set_input_files("#id_slides", files=[{"name": "발표.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    page.check("#id_consent")
    page.locator("#registration-form button[type=submit]").click()
    page.wait_for_selector("#registration-status")
    main = page.inner_text("main")
    assert "사례를 발표하십니까?" in main and "발표 자료" in main and "발표.pdf" in main
    korean = Registration.objects.get(occurrence=occurrence, participant__email="official@example.org")
    assert korean.answers == {"presenting": True, "slides": "발표.pdf"}
    assert AnswerFile.objects.get(registration=korean).size == len(PDF)

    # She changes her mind before the deadline: no presentation; the slides' section hides.
    # (On a phone: nothing wider than the screen.)
    page.set_viewport_size({"width": 390, "height": 844})
    page.locator("#edit-answers").click()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_label("아니요", exact=True).check()
    assert not page.locator('.question[data-question="slides"]').is_visible()
    page.locator("#answers-form button[type=submit]").click()
    page.wait_for_selector("#registration-status")
    korean.refresh_from_db()
    assert korean.answers == {"presenting": False}
    assert korean.status_changes.order_by("-id").first().note_display == "Answers changed: presenting, slides"
    assert not AnswerFile.objects.filter(registration=korean).exists()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.context.clear_cookies()

    # In English: another official, who does not present: the upload is not asked.
    user = UserFactory(email="ana.santos@example.org", email_verified_at=timezone.now(), preferred_language="en")
    user.set_password("plum-harbour-lantern-42")
    user.save()
    ParticipantFactory(user=user, email=user.email, country="PH", family_name="Santos", given_name="Ana")
    log_in(page, url, user.email, "plum-harbour-lantern-42")
    page.goto(f"{url}/occurrences/{occurrence.slug}/register/")
    page.get_by_label("No", exact=True).check()
    page.check("#id_consent")
    page.locator("#registration-form button[type=submit]").click()
    page.wait_for_selector("#registration-status")
    assert "Will you present your case?" in page.inner_text("main")
    english = Registration.objects.get(occurrence=occurrence, participant__email=user.email)
    assert english.answers == {"presenting": False}
    page.context.clear_cookies()

    # Staff read the answers with their labels on the registration's page.
    log_in_admin(page, url, "staff@example.org")
    page.goto(f"{url}/admin/participants/registration/{korean.pk}/change/")
    answers = page.inner_text(".registration-answers")
    assert "Will you present your case?" in answers and "No" in answers
    history = page.inner_text("#content")
    assert "Answers changed: presenting, slides" in history

    # And export the roster with the question as a column: its label heads it, the answers are
    # the choices' labels.
    page.goto(f"{url}/rosters/occurrences/{occurrence.pk}/export/")
    page.check('input[name="columns"][value="answer:presenting"]')
    page.select_option("#id_format", "xlsx")
    with page.expect_download() as download:
        page.locator(".submit-row input[type=submit]").click()
    sheet = openpyxl.load_workbook(io.BytesIO(download.value.path().read_bytes())).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    column = rows[0].index("Will you present your case?")
    assert sorted(row[column] for row in rows[1:]) == ["No", "No"]


def test_editing_answers_a_question_shown_on_a_file_kept_stays_shown_and_kept(page, live_server):
    """A translation of the CV is asked only when a CV is sent. Editing later, the file input of the
    CV is empty (a browser never fills one in), yet the CV kept answers the condition: the
    translation stays shown, not asked again, and both files stay."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from participants.form_models import QuestionSection
    from participants.models import Participant
    from participants.services import registration_submit

    call_command("load_demo", stdout=io.StringIO())
    occurrence = _occurrence()
    section = QuestionSection.objects.create(question_set=QuestionSet.objects.create(occurrence=occurrence), order=1)
    cv = Question.objects.create(section=section, order=1, key="cv", kind="file", label_en="Your CV")
    Question.objects.create(
        section=section, order=2, key="cv_translation", kind="file", required=True, label_en="Its translation",
        condition_question=cv, condition_value="file",
    )  # fmt: skip
    participant = Participant.objects.get(user__email="official@example.org")
    registration = registration_submit(
        participant=participant, occurrence=occurrence, consent=True,
        answers={"cv": "cv.pdf", "cv_translation": "cv-en.pdf"},
        uploads={"cv": SimpleUploadedFile("cv.pdf", PDF), "cv_translation": SimpleUploadedFile("cv-en.pdf", PDF)},
    )  # fmt: skip
    url = live_server.url
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": url}])
    log_in(page, url, "official@example.org")
    page.goto(url + reverse("participants:answers_edit", args=[registration.pk]))
    translation = page.locator('.question[data-question="cv_translation"]')
    assert translation.is_visible() and "Already sent: cv-en.pdf" in translation.inner_text()
    page.locator("#answers-form button[type=submit]").click()
    page.wait_for_selector("#registration-status")
    registration.refresh_from_db()
    assert registration.answers == {"cv": "cv.pdf", "cv_translation": "cv-en.pdf"}
    assert sorted(AnswerFile.objects.filter(registration=registration).values_list("key", flat=True)) == [
        "cv",
        "cv_translation",
    ]
