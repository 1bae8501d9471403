"""Answers to the forms staff build, as roster columns (the question's label in the exporter's
language, choice labels as values) and as delegate-list columns (answer:<key>)."""

import datetime

import pytest
import tablib

from participants.form_models import Question, QuestionChoice, QuestionSection, QuestionSet
from participants.models import Registration
from rosters.resources import IMPORT_HEADERS, DelegateListResource, dry_run_report

from .conftest import make_registration
from .test_export import post_export, read_xlsx
from .test_import import GOOD

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


@pytest.fixture
def form(occurrence):
    question_set = QuestionSet.objects.create(occurrence=occurrence)
    section = QuestionSection.objects.create(question_set=question_set, order=1)
    track = Question.objects.create(
        section=section, order=1, key="track", kind="single_choice", label_en="Track", label_ko="분야"
    )
    QuestionChoice.objects.create(question=track, order=1, value="policy", label_en="Policy", label_ko="정책")
    QuestionChoice.objects.create(question=track, order=2, value="field", label_en="Field work", label_ko="현장")
    Question.objects.create(
        section=section, order=2, key="years", kind="number", label_en="Years in service", label_ko="근무 연수",
        min_value=0, max_value=40,
    )  # fmt: skip
    Question.objects.create(section=section, order=3, key="cv", kind="file", label_en="CV", label_ko="이력서")
    return question_set


def test_answer_columns_are_the_questions_labels_and_the_choices_labels(client, staff, occurrence, form):
    when = datetime.datetime(2026, 5, 1, tzinfo=datetime.UTC)
    make_registration(occurrence, submitted_at=when, answers={"track": "field", "years": 12, "gone": "kept"})
    for language, track, years in (("en", "Track", "Years in service"), ("ko", "분야", "근무 연수")):
        staff.preferred_language = language
        staff.save()
        client.force_login(staff)
        response = post_export(client, occurrence, columns=["answer:track", "answer:years", "answer:gone"])
        _sheet, rows = read_xlsx(b"".join(response.streaming_content))
        choice = "Field work" if language == "en" else "현장"
        # A question no form has any more is headed by its key, its answer as stored.
        assert dict(zip(rows[0], rows[1], strict=True)) == {track: choice, years: 12, "gone": "kept"}


def test_yes_no_answers_are_written_yes_and_no_in_the_exporters_language(client, staff, occurrence, form):
    Question.objects.create(
        section=form.sections.get(), order=4, key="presenting", kind="yes_no", label_en="Presenting", label_ja="発表"
    )
    when = datetime.datetime(2026, 5, 1, tzinfo=datetime.UTC)
    make_registration(occurrence, submitted_at=when, answers={"presenting": True})
    make_registration(occurrence, submitted_at=when, answers={"presenting": False})
    for language, header, words in (("en", "Presenting", ["No", "Yes"]), ("ja", "発表", ["いいえ", "はい"])):
        staff.preferred_language = language
        staff.save()
        client.force_login(staff)
        response = post_export(client, occurrence, columns=["answer:presenting"])
        _sheet, rows = read_xlsx(b"".join(response.streaming_content))
        assert rows[0] == [header] and sorted(row[0] for row in rows[1:]) == sorted(words)


def _dataset(*rows, answers=("answer:track", "answer:years")):
    data = tablib.Dataset(headers=[*IMPORT_HEADERS, *answers])
    for row in rows:
        data.append([row.get(h, "") for h in [*IMPORT_HEADERS, *answers]])
    return data


def test_the_delegate_list_fills_answers_by_value_or_label(staff, occurrence, form):
    data = _dataset(
        {**GOOD, "answer:track": "현장", "answer:years": "7"},
        {**GOOD, "email": "li.wei@example.cn", "country": "CN", "organization": "", "answer:track": "Policy"},
    )
    result = DelegateListResource().import_data(data, dry_run=False, user=staff)
    assert not result.has_validation_errors()
    answers = dict(Registration.objects.values_list("participant__email", "answers"))
    assert answers == {
        "minsu.kim@gg.example.org": {"track": "field", "years": 7},
        "li.wei@example.cn": {"track": "policy"},
    }


def test_bad_answer_cells_are_refused_by_their_column_and_nothing_is_saved(staff, occurrence, form):
    data = _dataset(
        {**GOOD, "answer:track": "elsewhere"},
        {**GOOD, "email": "a@example.org", "answer:years": "41"},
        {**GOOD, "email": "b@example.org", "answer:cv": "cv.pdf"},
        {**GOOD, "email": "c@example.org", "answer:nothing": "x"},
        answers=("answer:track", "answer:years", "answer:cv", "answer:nothing"),
    )
    result = DelegateListResource().import_data(data, dry_run=True, user=staff)
    assert dry_run_report(result) == [
        (1, "refused", ["Select a valid choice. elsewhere is not one of the available choices."]),
        (2, "refused", ["Ensure this value is less than or equal to 40."]),
        (3, "refused", ["A file cannot be imported from a list; the official uploads it."]),
        (4, "refused", ["The occurrence's form asks no such question."]),
    ]
    assert Registration.objects.count() == 0


def _delegates(count, start=0):
    rows = []
    for n in range(start, start + count):
        row = {**GOOD, "email": f"delegate{n}@gg.example.org", "given_name": f"Minsu{n}"}
        row["answer:track"] = "policy"
        rows.append(row)
    data = tablib.Dataset(headers=[*IMPORT_HEADERS, "answer:track"])
    for row in rows:
        data.append([row.get(h, "") for h in data.headers])
    return data


def test_a_long_list_reads_the_form_once_and_each_row_costs_the_same_queries(staff, occurrence, form):
    """A 10,000-row list runs as a job; its time is its rows' queries. Reading the occurrence's form
    again for every row's preview (labels of the answers) made each row several queries dearer."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(count, start):
        with CaptureQueriesContext(connection) as captured:
            result = DelegateListResource().import_data(_delegates(count, start), dry_run=True, user=staff)
        assert not result.has_validation_errors() and not result.has_errors()
        return len(captured.captured_queries)

    few, more = queries(2, 0), queries(6, 100)
    per_row = (more - few) / 4
    # The registration service's own work per delegate (locks, participant, registration, history)
    # and the import library's savepoints; no query of the form's questions or choices.
    assert per_row <= 17, per_row
    with CaptureQueriesContext(connection) as captured:
        DelegateListResource().import_data(_delegates(3, 200), dry_run=True, user=staff)
    question_reads = [q["sql"] for q in captured.captured_queries if "participants_question" in q["sql"]]
    assert len(question_reads) <= 4, question_reads
