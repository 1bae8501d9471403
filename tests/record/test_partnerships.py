"""The public partnerships registry: filters, the Taipei-Gyeonggi agreements' facts from seed 003,
what staff did not publish, and the public document."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse

from programs.models import Agreement
from tests.factories import AgreementFactory, OrganizationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]

LIST = reverse("record:partnerships")
MOU = reverse("record:partnership_detail", args=["taipei-gyeonggi-exchange-mou-2017"])
FRIENDSHIP = reverse("record:partnership_detail", args=["taipei-gyeonggi-friendship-2000"])


@pytest.fixture
def demo(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())


def listed(response):
    html = response.content.decode()
    if 'id="partnership-list"' not in html:
        return []
    block = html[html.index('id="partnership-list"') : html.index("</ul>", html.index('id="partnership-list"'))]
    return [part.split(">", 1)[1].split("<", 1)[0] for part in block.split('class="c-tit"><a href=')[1:]]


@pytest.fixture
def registry():
    seoul = OrganizationFactory(name_en="Seoul Metropolitan Government", slug="seoul", country="KR")
    hanoi = OrganizationFactory(name_en="Hanoi People's Committee", slug="hanoi", country="VN")
    paris = OrganizationFactory(name_en="City of Paris", slug="paris", country="FR")
    sister = AgreementFactory(
        title_en="Seoul-Hanoi sister relation", kind="sister", signed_on="2013-05-04", is_public=True
    )
    sister.parties.set([seoul, hanoi])
    mou = AgreementFactory(title_en="Seoul-Paris MOU", kind="mou", signed_on="2021-03-01", is_public=True)
    mou.parties.set([seoul, paris])
    hidden = AgreementFactory(title_en="Unpublished MOU", kind="mou", signed_on="2021-06-01", is_public=False)
    hidden.parties.set([seoul, hanoi])


def test_registry_lists_only_public_agreements_newest_first(client, registry):
    assert listed(client.get(LIST)) == ["Seoul-Paris MOU", "Seoul-Hanoi sister relation"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kind": "sister"}, ["Seoul-Hanoi sister relation"]),
        ({"country": "FR"}, ["Seoul-Paris MOU"]),
        ({"region": "southeast_asia"}, ["Seoul-Hanoi sister relation"]),
        ({"region": "europe", "kind": "sister"}, []),
        ({"organization": "hanoi"}, ["Seoul-Hanoi sister relation"]),
        ({"year": "2021"}, ["Seoul-Paris MOU"]),
        ({"q": "paris"}, ["Seoul-Paris MOU"]),
        ({"q": "hanoi people"}, ["Seoul-Hanoi sister relation"]),
        ({"q": "Unpublished"}, []),
    ],
)
def test_registry_filters(client, registry, query, expected):
    response = client.get(LIST, query)
    assert response.status_code == 200
    assert listed(response) == expected


@pytest.mark.parametrize(
    "query", [{"year": "soon"}, {"kind": "treaty"}, {"organization": "nowhere"}, {"country": "ZZ"}]
)
def test_registry_refuses_bad_filters_with_a_field_error(client, registry, query):
    response = client.get(LIST, query, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html
    assert listed(response) == []


def test_mou_page_states_the_seed_facts(client, demo):
    response = client.get(MOU, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Civil Servants Exchange and Training MOU" in html
    assert "September 26, 2017" in html
    assert "Kim Bok Ho, Director, Gyeonggi Provincial Human Resource Development Institute" in html
    assert "Qu Zhao-Xoang, Director, Taipei Department of Civil Servant Development" in html
    witnesses = html[html.index('id="witnesses"') :]
    assert "Ko Wen-je (柯文哲), Mayor of Taipei" in witnesses[: witnesses.index("</ul>")]
    assert "15 civil servants per cohort" in html
    assert "14 days" in html
    assert "Taipei City - Gyeonggi Province Friendship MOU" in html  # what it builds on
    cohorts = html[html.index('id="cohorts"') :]
    assert "2017" in cohorts and "2018" in cohorts
    assert cohorts.index("Taipei Department of Civil Servant Development") < cohorts.index("2018")


def test_mou_page_in_korean_has_translated_titles(client, demo):
    html = client.get(MOU, HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    assert "공무원 교류 및 연수 양해각서" in html
    assert "경기도인재개발원장" in html
    assert "타이베이 시장" in html
    assert "2017년 9월 26일" in html


def test_friendship_page_tells_of_june_2000_and_the_2015_visit(client, demo):
    html = client.get(FRIENDSHIP, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "June 2000" in html
    assert "2015" in html and "Soo-Young Park" in html
    assert "Civil Servants Exchange and Training MOU" in html  # followed by


def test_unpublished_agreement_page_and_document_are_404(client, registry):
    hidden = Agreement.objects.get(title_en="Unpublished MOU")
    assert client.get(reverse("record:partnership_detail", args=[hidden.slug])).status_code == 404


def test_document_downloads_only_when_staff_made_it_public(client, registry):
    agreement = Agreement.objects.get(title_en="Seoul-Paris MOU")
    agreement.document.save("mou.pdf", ContentFile(b"%PDF-1.4 sample"))
    url = reverse("record:partnership_document", args=[agreement.slug])
    assert client.get(url).status_code == 404
    assert (
        "Download the agreement"
        not in client.get(
            reverse("record:partnership_detail", args=[agreement.slug]), HTTP_ACCEPT_LANGUAGE="en"
        ).content.decode()
    )
    agreement.document_is_public = True
    agreement.save()
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 sample"
