"""The public record: a program's history from the seed, and the participation statistics with the
recorded figures of past editions, the small-count rule, the SVG charts and their downloads."""

import csv
import io
import zipfile

import pytest
from django.core.management import call_command
from django.urls import reverse

from participants.models import Registration
from tests.factories import OccurrenceFactory, ParticipantFactory, ProgramFactory, RegistrationFactory
from tests.support.english import main_text
from workshops.models import RecordedParticipation

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


@pytest.fixture
def demo(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())


def accepted(occurrence, country, n, status=Registration.Status.ACCEPTED):
    for _ in range(n):
        RegistrationFactory(occurrence=occurrence, participant=ParticipantFactory(country=country), status=status)


def test_history_lists_the_cjk_workshops_editions_from_the_seed(client, demo):
    response = client.get(reverse("record:history", args=["cjk-trilateral-workshop"]), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    rows = [" ".join(line.split()) for line in main_text(response.content.decode()).split("\n") if line.strip()]
    text = "\n".join(rows)
    for number in range(1, 8):
        assert f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number, 'th') } CJK Trilateral Workshop" in text
    assert "December 2012" in text
    assert "May 2019" in text
    assert "Pyeongchang, Gangwon, Korea" in text
    assert "8th CJK Trilateral Workshop" in text
    assert "2022 (TBD)" in text
    # In order: the 1st edition's row before the 8th's.
    assert text.index("1st CJK") < text.index("7th CJK") < text.index("8th CJK")


def test_history_of_an_unknown_program_is_404(client):
    assert client.get(reverse("record:history", args=["no-such-program"])).status_code == 404


def test_statistics_show_the_recorded_2019_figures_with_portal_registrations(client, demo):
    response = client.get(reverse("record:program_statistics", args=["cjk-trilateral-workshop"]))
    assert response.status_code == 200
    html = response.content.decode()
    table = html[html.index('id="per-occurrence-table"') :]
    row = table[table.index("7th CJK") :]
    row = row[: row.index("</tr>")]
    # China, Japan, Korea in the reader's alphabetical order, then the total.
    assert [cell.split("<")[0] for cell in row.split("<td>")[1:]] == ["35", "15", "38", "88"]
    year_table = html[html.index('id="per-year-table"') :]
    assert "2019</th><td>35</td><td>15</td><td>38</td>" in year_table
    # The charts are SVG in the page, drawn with the same figures.
    assert html.count('<svg class="record-chart"') == 2
    assert "<title>China: 35</title>" in html


def test_a_country_count_below_three_shows_as_less_than_three():
    program = ProgramFactory()
    occurrence = OccurrenceFactory(program=program, year=2030)
    accepted(occurrence, "JP", 2)
    accepted(occurrence, "KR", 4)
    accepted(occurrence, "CN", 5, status=Registration.Status.WITHDRAWN)  # holds no seat: not counted
    from django.test import Client

    html = Client().get(reverse("record:program_statistics", args=[program.slug])).content.decode()
    table = html[html.index('id="per-occurrence-table"') :]
    row = table[table.index("<tbody>") :]
    row = row[: row.index("</tr>")]
    # Japan "<3", Korea 4, and a total that cannot give Japan away.
    assert [cell.split("<")[0] for cell in row.split("<td>")[1:]] == ["&lt;3", "4", "≥5"]
    assert "China" not in table
    assert "Japan: &lt;3" in html


def test_a_recorded_figure_below_three_is_published_as_recorded(client):
    occurrence = OccurrenceFactory(year=2015)
    RecordedParticipation.objects.create(occurrence=occurrence, country="JP", count=2)
    html = client.get(reverse("record:program_statistics", args=[occurrence.program.slug])).content.decode()
    table = html[html.index('id="per-occurrence-table"') :]
    assert "<td>2</td><td>2</td>" in table


def test_sample_occurrences_and_registrations_are_left_out(client):
    occurrence = OccurrenceFactory(is_sample=True)
    accepted(occurrence, "KR", 5)
    response = client.get(reverse("record:program_statistics", args=[occurrence.program.slug]))
    assert "No participation has been recorded yet." in response.content.decode()


def test_statistics_across_programs_name_each_occurrence(client, demo):
    html = client.get(reverse("record:statistics")).content.decode()
    assert "7th CJK Trilateral Workshop for Public Officials" in html
    assert "Heads of" in html or "heads of" in html


def test_csv_download_has_the_figures_and_no_personal_data(client, demo):
    program = ProgramFactory(slug="small")
    occurrence = OccurrenceFactory(program=program, year=2031, title_en="Small cohort")
    accepted(occurrence, "VN", 1)
    response = client.get(reverse("record:statistics_download", args=["csv"]), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Program", "Occurrence", "Edition", "Year", "Country", "Participants"]
    cjk = [r for r in rows if r[1] == "7th CJK Trilateral Workshop for Public Officials"]
    assert [(r[4], r[5]) for r in cjk] == [("China", "35"), ("Japan", "15"), ("South Korea", "38")]
    assert [r[4:] for r in rows if r[1] == "Small cohort"] == [["Vietnam", "<3"]]
    assert "Kim" not in response.content.decode("utf-8-sig")


def test_xlsx_download_of_one_program_in_korean(client, demo):
    response = client.get(
        reverse("record:program_download", args=["cjk-trilateral-workshop", "xlsx"]), HTTP_ACCEPT_LANGUAGE="ko"
    )
    assert response.status_code == 200
    sheet = zipfile.ZipFile(io.BytesIO(response.content)).read("xl/worksheets/sheet1.xml").decode()
    assert "중국" in sheet
    assert "<v>35</v>" in sheet


def test_an_unknown_download_format_is_404(client):
    assert client.get(reverse("record:statistics_download", args=["pdf"])).status_code == 404
