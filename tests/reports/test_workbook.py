import io

import openpyxl
import pytest
from django.core.management import call_command

from reports.models import Report
from reports.services import report_build
from tests.factories import OccurrenceFactory, OrganizationFactory, ProgramFactory, RegistrationFactory, UserFactory
from workshops.models import Occurrence

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


@pytest.fixture
def demo(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())


def _build(user):
    report = Report.objects.create(owner=user)
    report = report_build(report_id=report.pk)
    assert report.status == Report.Status.DONE, report.error
    with report.file.open("rb") as handle:
        return report, openpyxl.load_workbook(io.BytesIO(handle.read()))


def _rows(sheet):
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_workbook_includes_the_recorded_figures_of_the_7th_cjk_workshop(demo):
    admin = UserFactory(is_staff=True, is_superuser=True)
    report, book = _build(admin)

    assert book.sheetnames == [
        "By occurrence",
        "By program and year",
        "By country",
        "By program",
        "By participant category",
    ]
    rows = _rows(book["By occurrence"])
    assert rows[0] == [
        "Program",
        "Occurrence",
        "Edition",
        "Year",
        "Country code",
        "Country",
        "Registered (seat holders)",
        "Recorded",
        "Participants",
    ]
    seventh = Occurrence.objects.get(slug="cjk-trilateral-workshop-7")
    cjk7 = [r for r in rows[1:] if r[1] == seventh.title]
    assert [(r[2], r[4], r[5], r[7], r[8]) for r in cjk7] == [
        (7, "CN", "China", 35, 35),
        (7, "JP", "Japan", 15, 15),
        (7, "KR", "South Korea", 38, 38),
    ]
    assert book["By occurrence"].freeze_panes == "A2"
    assert report.rows == len(rows) - 1
    # The demo's flagged sample occurrences and registrations are no real event: not counted.
    sample_titles = set(Occurrence.objects.filter(is_sample=True).values_list("title", flat=True))
    assert sample_titles and not [r for r in rows[1:] if r[1] in sample_titles]


def test_workbook_counts_seat_holders_per_program_year_and_country():
    program = ProgramFactory(name_en="Exchange Program")
    occurrence = OccurrenceFactory(program=program, year=2031, title_en='=HYPERLINK("x")')
    for country, status in [
        ("KR", "accepted"),
        ("KR", "completed"),
        ("JP", "accepted"),
        ("JP", "waitlisted"),
        ("CN", "rejected"),
    ]:
        RegistrationFactory(occurrence=occurrence, participant__country=country, status=status)
    _report, book = _build(UserFactory(is_staff=True, is_superuser=True))

    assert _rows(book["By occurrence"])[1:] == [
        ["Exchange Program", '=HYPERLINK("x")', None, 2031, "JP", "Japan", 1, None, 1],
        ["Exchange Program", '=HYPERLINK("x")', None, 2031, "KR", "South Korea", 2, None, 2],
    ]
    assert _rows(book["By program and year"])[1:] == [["Exchange Program", 2031, 3]]
    assert _rows(book["By country"])[1:] == [["KR", "South Korea", 2], ["JP", "Japan", 1]]
    assert _rows(book["By program"])[1:] == [["Exchange Program", 1, 3]]
    assert book["By occurrence"]["B2"].data_type == "s"


def test_staff_workbook_is_limited_to_their_organization_programs():
    mine, theirs = OrganizationFactory(), OrganizationFactory()
    own_program, other_program = ProgramFactory(name_en="Ours"), ProgramFactory(name_en="Theirs")
    own_program.hosts.add(mine)
    other_program.hosts.add(theirs)
    RegistrationFactory(occurrence=OccurrenceFactory(program=own_program), status="accepted")
    RegistrationFactory(occurrence=OccurrenceFactory(program=other_program), status="accepted")

    _report, book = _build(UserFactory(is_staff=True, organization=mine))
    assert [r[0] for r in _rows(book["By occurrence"])[1:]] == ["Ours"]


def test_report_of_a_user_who_lost_staff_status_fails_with_the_reason():
    user = UserFactory(is_staff=False)
    report = report_build(report_id=Report.objects.create(owner=user).pk)
    assert report.status == Report.Status.FAILED
    assert report.error == "PermissionError: The staff member who asked for this report can no longer see it."
    assert not report.file
