"""The Bureau is found from every page's navigation and from the Online Bureau's program page."""

import pytest
from django.urls import reverse

from tests.factories import OrganizationFactory, ProgramFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]

LABELS = {
    "en": "Online Bureau",
    "ko": "온라인 사무소",
    "zh-hans": "在线办事处",
    "zh-hant": "線上辦事處",
    "ja": "オンライン事務所",
}


@pytest.mark.parametrize("language", list(LABELS))
def test_navigation_links_to_the_bureau_in_every_language(client, language):
    page = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert f'href="/bureau/" id="nav-bureau">{LABELS[language]}</a>' in page


@pytest.mark.parametrize("language", list(LABELS))
def test_program_page_of_the_online_bureau_links_to_it(client, language):
    program = ProgramFactory(slug="online-bureau", kind="service")
    program.hosts.set([OrganizationFactory()])
    page = client.get(reverse("workshops:program_detail", args=[program.slug]), HTTP_ACCEPT_LANGUAGE=language)
    assert 'href="/bureau/" id="program-link-1"' in page.content.decode()


def test_other_programs_pages_have_no_bureau_link(client):
    program = ProgramFactory(slug="k2h")
    page = client.get(reverse("workshops:program_detail", args=[program.slug])).content.decode()
    assert "program-link-1" not in page
