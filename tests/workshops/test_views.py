import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.factories import AgendaItemFactory, OccurrenceFactory, ProgramFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


@pytest.fixture
def demo(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())


def test_home_lists_programs_and_open_occurrences(client, demo):
    page = client.get(reverse("home")).content.decode()
    assert "Training Program for Foreign Public Officials (K2H Program)" in page
    assert "Korea-Japan-China Trilateral Cooperation Workshop for Public Officials" in page
    assert "Sample CJK Workshop (demonstration only)" in page


def test_home_in_korean_shows_korean_program_names(client, demo):
    page = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    assert "한일중 3국 공무원 교류 워크숍" in page
    assert '<html lang="ko">' in page


def test_cjk_program_page_shows_the_history_table(client, demo):
    page = client.get(reverse("workshops:program_detail", kwargs={"slug": "cjk-trilateral-workshop"})).content.decode()
    for text in ("December 2012", "Pyeongchang, Gangwon, Korea", "Gangneung and Sokcho, Gangwon, Korea", "2022 (TBD)"):
        assert text in page
    assert '<td data-label="Participants">88</td>' in page


def test_occurrence_page_shows_agenda_with_speakers(client, demo):
    page = client.get(
        reverse("workshops:occurrence_detail", kwargs={"slug": "cjk-trilateral-workshop-7"})
    ).content.decode()
    assert "The Current Status of CJK Cooperation and the TCS" in page
    assert "YAMAMOTO Yasushi" in page
    assert "China: 35" in page


def test_unknown_occurrence_is_404(client, db):
    assert client.get("/occurrences/no-such-thing/").status_code == 404


@pytest.mark.parametrize("rows", [1, 8])
def test_occurrence_page_query_count_does_not_grow_with_agenda(client, django_assert_num_queries, rows):
    occurrence = OccurrenceFactory(slug="fixed")
    for _ in range(rows):
        AgendaItemFactory(occurrence=occurrence)
    # The row for the register box, then the prefetched page: occurrence, hosts, quotas,
    # delegations, recorded participation, agenda; and when registration, or a call for
    # applications by organizations, next opens or closes (how long the page may be cached: two);
    # whether it has materials or photos (aftercare), a call for applications by organizations
    # (applications), published exhibitions (exhibitions). Cached, none.
    with django_assert_num_queries(12):
        client.get("/occurrences/fixed/")
    with django_assert_num_queries(0):
        client.get("/occurrences/fixed/")


@pytest.mark.parametrize("rows", [1, 8])
def test_program_page_query_count_does_not_grow_with_occurrences(client, django_assert_num_queries, rows):
    program = ProgramFactory(slug="fixed")
    for _ in range(rows):
        OccurrenceFactory(program=program)
    # The program, the count and page of occurrences, hosts, cost shares. Cached, none.
    with django_assert_num_queries(5):
        client.get("/programs/fixed/")
    with django_assert_num_queries(0):
        client.get("/programs/fixed/")


def test_program_page_lists_numbered_editions_first_and_flags_samples(client, db):
    program = ProgramFactory(slug="editions")
    OccurrenceFactory(program=program, number=None, title_en="Sample run", is_sample=True)
    OccurrenceFactory(program=program, number=2, title_en="Second edition")
    OccurrenceFactory(program=program, number=1, title_en="First edition")
    page = client.get("/programs/editions/").content.decode()
    assert page.index("First edition") < page.index("Second edition") < page.index("Sample run")
    assert page.count('krds-badge outline-warning">sample<') == 1
