"""What staff read and click in the registration and participant changelists after the work of
issue 14: search finds names in any script, the row check boxes and links are Django's own, the
participants in scope are the same, and each page runs a fixed number of queries."""

import re

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import translation

from participants.models import Participant, Registration
from tests.cohorts.factories import registration_in

pytestmark = [pytest.mark.django_db, pytest.mark.integration]

REGISTRATIONS = "admin:participants_registration_changelist"
PARTICIPANTS = "admin:participants_participant_changelist"


def _people(occurrence):
    registration_in(
        occurrence, family_name="Kim", given_name="Minji", family_name_native="김", given_name_native="민지"
    )
    registration_in(occurrence, family_name="Wang", given_name="Fang", family_name_native="王", given_name_native="芳")
    registration_in(occurrence, family_name="Trần", given_name="Thị Lan", family_name_native="", given_name_native="")
    registration_in(
        occurrence, family_name="Sato", given_name="Yuki", family_name_native="佐藤", given_name_native="由紀"
    )


@pytest.mark.parametrize("url_name", [REGISTRATIONS, PARTICIPANTS])
@pytest.mark.parametrize(
    ("term", "found"),
    [
        ("김민지", "Kim"),  # Korean, as written
        ("민지", "Kim"),  # the given name alone
        ("王芳", "Wang"),  # Chinese
        ("fang wang", "Wang"),  # romanized, given name first
        ("tran thi lan", "Trần"),  # romanized without the diacritics
        ("Trần", "Trần"),
        ("佐藤", "Sato"),
    ],
)
def test_search_finds_a_name_in_any_script(client_a, occurrence_a, url_name, term, found):
    _people(occurrence_a)
    cl = client_a.get(reverse(url_name), {"q": term}).context["cl"]
    people = [row.participant if isinstance(row, Registration) else row for row in cl.result_list]
    assert [person.family_name for person in people] == [found]
    assert cl.result_count == 1


@pytest.mark.parametrize("url_name", [REGISTRATIONS, PARTICIPANTS])
@pytest.mark.parametrize("term", ["はるか", "田中はるか", "はるか 田中", "haruka tanaka", "TANAKA"])
def test_search_finds_a_name_written_in_kana(client_a, occurrence_a, url_name, term):
    _people(occurrence_a)
    registration_in(
        occurrence_a, family_name="Tanaka", given_name="Haruka", family_name_native="田中", given_name_native="はるか"
    )
    cl = client_a.get(reverse(url_name), {"q": term}).context["cl"]
    people = [row.participant if isinstance(row, Registration) else row for row in cl.result_list]
    assert [person.family_name for person in people] == ["Tanaka"]


def test_searched_officials_are_in_name_order_as_unsearched(client_a, occurrence_a):
    # A search sorts its matches by value (NameSearchChangeList) instead of walking the name index:
    # the same order, and the name column's header still reverses it (column 0: program staff have no
    # list actions on officials).
    for family, given in [("Wang", "Wei"), ("Kim", "Minsu"), ("Wang", "Fang"), ("Wang", "Lei"), ("Sato", "Yuki")]:
        registration_in(occurrence_a, family_name=family, given_name=given)
    url = reverse(PARTICIPANTS)

    def names(query):
        return [(p.family_name, p.given_name) for p in client_a.get(url, query).context["cl"].result_list]

    assert names({"q": "wang"}) == [("Wang", "Fang"), ("Wang", "Lei"), ("Wang", "Wei")]
    assert names({"q": "n"}) == [("Kim", "Minsu"), ("Wang", "Fang"), ("Wang", "Lei"), ("Wang", "Wei")]
    assert names({}) == [*names({"q": "n"})[:1], ("Sato", "Yuki"), *names({"q": "n"})[1:]]
    assert [family for family, _given in names({"q": "n", "o": "-0"})] == ["Wang", "Wang", "Wang", "Kim"]


def test_search_with_nothing_to_match_finds_nothing_and_does_not_fail(client_a, occurrence_a):
    _people(occurrence_a)
    for url_name in (REGISTRATIONS, PARTICIPANTS):
        response = client_a.get(reverse(url_name), {"q": "?!"})
        assert response.status_code == 200
        assert response.context["cl"].result_count == 0


def test_search_by_occurrence_title_and_name_together(client_a, occurrence_a, occurrence_b):
    occurrence_a.title_en = "Smart City Workshop"
    occurrence_a.save(update_fields=["title_en"])
    _people(occurrence_a)
    cl = client_a.get(reverse(REGISTRATIONS), {"q": "smart wang"}).context["cl"]
    assert [r.participant.family_name for r in cl.result_list] == ["Wang"]
    cl = client_a.get(reverse(REGISTRATIONS), {"q": "smart city"}).context["cl"]
    assert cl.result_count == 4


def test_row_check_box_is_the_one_django_draws(client_a, occurrence_a, staff_a):
    registration = registration_in(occurrence_a, family_name="O'Neil", family_name_native="오닐")
    model_admin = admin.site._registry[Registration]
    for language in ("en", "ko", "ja"):
        with translation.override(language):
            assert model_admin.action_checkbox(registration) == admin.ModelAdmin.action_checkbox(
                model_admin, registration
            )
    participant_admin = admin.site._registry[Participant]
    participant = registration.participant
    assert participant_admin.action_checkbox(participant) == admin.ModelAdmin.action_checkbox(
        participant_admin, participant
    )


@pytest.mark.parametrize("url_name", [REGISTRATIONS, PARTICIPANTS])
def test_row_links_keep_the_list_filters(client_a, occurrence_a, url_name):
    registration = registration_in(occurrence_a, country="JP", family_name="Sato")
    obj = registration if url_name == REGISTRATIONS else registration.participant
    change = reverse(f"admin:participants_{obj._meta.model_name}_change", args=[obj.pk])

    page = client_a.get(reverse(url_name), {"country": "JP", "q": "sato"}).content.decode()
    links = re.findall(rf'href="({re.escape(change)}[^"]*)"', page)
    assert links == [f"{change}?_changelist_filters=country%3DJP%26q%3Dsato"]

    page = client_a.get(reverse(url_name)).content.decode()
    assert re.findall(rf'href="({re.escape(change)}[^"]*)"', page) == [change]


def test_participants_in_scope_are_applicants_and_colleagues(client_a, occurrence_a, occurrence_b, org_a, org_b):
    applicant = registration_in(occurrence_a, family_name="Applicant", organization=org_b).participant
    colleague = registration_in(occurrence_b, family_name="Colleague", organization=org_a).participant
    registration_in(occurrence_b, family_name="Stranger", organization=org_b)
    cl = client_a.get(reverse(PARTICIPANTS)).context["cl"]
    assert sorted(p.family_name for p in cl.result_list) == sorted([applicant.family_name, colleague.family_name])
    stranger = Participant.objects.get(family_name="Stranger")
    change = reverse("admin:participants_participant_change", args=[stranger.pk])
    assert client_a.get(change).status_code == 302  # another organization's official: not found, back to the list


# The page of rows, the count, permissions, the organization tree, the occurrences in
# scope (read once, for the scope and both filters), the filters' choices, the Online Bureau check
# of the app list; a search adds one query for the occurrences (or organizations) it names. The
# signed-in account comes from the cache (accounts.backends), the session too (cached_db).
@pytest.mark.parametrize(
    ("url_name", "query", "expected"),
    [
        (REGISTRATIONS, {}, 9),
        (REGISTRATIONS, {"q": "kim"}, 10),
        (REGISTRATIONS, {"country": "JP"}, 9),
        (PARTICIPANTS, {}, 7),
        (PARTICIPANTS, {"q": "kim"}, 8),
        (PARTICIPANTS, {"country": "JP"}, 7),
    ],
)
@pytest.mark.parametrize("rows", [1, 30])
def test_changelist_query_count_is_fixed(
    client_a, occurrence_a, url_name, query, expected, rows, django_assert_num_queries
):
    for i in range(rows):
        registration_in(occurrence_a, family_name="Kim", country="JP" if i % 2 == 0 else "KR")
    url = reverse(url_name)
    client_a.get(url, query)  # warm the content-type, session and account caches

    with django_assert_num_queries(expected):
        response = client_a.get(url, query)

    assert response.context["cl"].result_count == ((rows + 1) // 2 if "country" in query else rows)


@pytest.mark.parametrize(("url_name", "also"), [(REGISTRATIONS, "occurrence title"), (PARTICIPANTS, "organization")])
def test_search_box_says_what_it_searches(client_a, occurrence_a, url_name, also):
    page = client_a.get(reverse(url_name)).content.decode()
    assert f"Search by name (in any script, either order, accents optional), email or {also}." in page


@pytest.mark.parametrize("rows", [1, 30])
def test_participant_changelist_reads_the_organizations_in_one_query(
    client_a, occurrence_a, org_a, org_b, rows, django_assert_num_queries
):
    # The page's organizations are prefetched (one query), not joined into the sorted search.
    for i in range(rows):
        registration_in(occurrence_a, family_name="Kim", organization=org_a if i % 2 else org_b)
    url = reverse(PARTICIPANTS)
    client_a.get(url, {"q": "kim"})  # warm the content-type, session and account caches

    with django_assert_num_queries(9):
        response = client_a.get(url, {"q": "kim"})

    shown = {str(p.organization) for p in response.context["cl"].result_list}
    assert shown == {str(org_b), *([str(org_a)] if rows > 1 else [])}
    assert str(org_b) in response.content.decode()
