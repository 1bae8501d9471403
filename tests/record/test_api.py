"""The read-only open-data API: content, filters, language, no personal data, its own schema and
docs served without a CDN, and bad input answered as clean 4xx JSON."""

import io

import pytest
import yaml
from django.core.management import call_command
from django.test import Client

from participants.models import Registration
from tests.factories import OccurrenceFactory, ParticipantFactory, RegistrationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


@pytest.fixture
def demo(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())


def get(client, url, **params):
    response = client.get(url, params, HTTP_ACCEPT_LANGUAGE=params.pop("accept", "en"))
    assert response["Content-Type"].startswith("application/json"), response.content[:200]
    return response


def test_occurrences_filtered_by_program_and_year_with_agenda(client, demo):
    response = get(client, "/api/occurrences/", program="cjk-trilateral-workshop", year="2019")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    assert data["count"] == 1
    seventh = data["results"][0]
    assert seventh["slug"] == "cjk-trilateral-workshop-7"
    assert seventh["date"] == "May 2019"
    assert seventh["agenda"][0]["title"] == "The Current Status of CJK Cooperation and the TCS"


def test_content_in_the_language_asked_for(client, demo):
    by_param = get(client, "/api/programs/cjk-trilateral-workshop/", lang="ja").json()
    assert by_param["name"] == "日韓中三国協力公務員ワークショップ"
    by_header = get(client, "/api/programs/cjk-trilateral-workshop/", accept="ko").json()
    assert by_header["name"] == "한일중 3국 공무원 교류 워크숍"


def test_agreements_are_the_public_ones_with_signatories(client, demo):
    data = get(client, "/api/agreements/", kind="exchange_mou", country="TW").json()
    assert [a["slug"] for a in data["results"]] == ["taipei-gyeonggi-exchange-mou-2017"]
    mou = data["results"][0]
    assert mou["signed_on"] == "2017-09-26"
    assert {(s["role"], s["name"]) for s in mou["signatories"]} == {
        ("signatory", "Kim Bok Ho"),
        ("signatory", "Qu Zhao-Xoang"),
        ("witness", "Ko Wen-je"),
    }
    assert get(client, "/api/agreements/", year="1999").json()["count"] == 0


def test_statistics_are_counts_with_the_small_count_rule(client, demo):
    rows = get(client, "/api/statistics/", program="cjk-trilateral-workshop").json()["results"]
    assert [(r["country"], r["participants"]) for r in rows if r["year"] == 2019] == [
        ("CN", "35"),
        ("JP", "15"),
        ("KR", "38"),
    ]
    occurrence = OccurrenceFactory(year=2031)
    RegistrationFactory(
        occurrence=occurrence, participant=ParticipantFactory(country="JP"), status=Registration.Status.ACCEPTED
    )
    rows = get(client, "/api/statistics/", year="2031").json()["results"]
    assert rows == [
        {
            "program": occurrence.program.slug,
            "occurrence": occurrence.slug,
            "year": 2031,
            "country": "JP",
            "participants": "<3",
        }
    ]


def test_no_personal_data_anywhere(client, demo):
    for url in ("/api/occurrences/", "/api/agreements/", "/api/statistics/", "/api/organizations/", "/api/programs/"):
        body = get(client, url).content.decode()
        for personal in ("official@example.org", "Yamada", "李娜", "Trần"):
            assert personal not in body, (url, personal)


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/api/occurrences/", {"year": "soon"}),
        ("/api/occurrences/", {"country": "XX"}),
        ("/api/agreements/", {"kind": "treaty"}),
        ("/api/programs/", {"kind": "party"}),
        ("/api/statistics/", {"program": "nope"}),
        ("/api/occurrences/", {"page": "999"}),
        ("/api/occurrences/", {"program": "a\x00b"}),
        ("/api/occurrences/no-such-thing/", {}),
        ("/api/nowhere/", {}),
    ],
)
def test_bad_input_is_a_clean_json_4xx(client, url, params):
    response = get(client, url, **params)
    assert 400 <= response.status_code < 500
    assert "detail" in response.json() or response.json()


def test_writes_are_refused(client):
    response = Client().post("/api/programs/", {"name": "x"})
    assert response.status_code == 405
    assert response.json()["detail"]


def test_schema_and_docs_are_served_without_a_cdn(client):
    schema = yaml.safe_load(client.get("/api/schema/").content)
    assert schema["openapi"].startswith("3.")
    assert {"/api/occurrences/", "/api/agreements/", "/api/statistics/", "/api/programs/{slug}/"} <= set(
        schema["paths"]
    )
    assert all(set(ops) <= {"get", "parameters"} for ops in schema["paths"].values())
    docs = client.get("/api/docs/").content.decode()
    assert "swagger-ui" in docs
    assert "cdn" not in docs.lower() and "unpkg" not in docs and "jsdelivr" not in docs
