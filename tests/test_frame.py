"""The KRDS page frame on every public page: the identifier band, the header naming the portal
and its host bodies, the main menu, breadcrumbs, the footer with contact and the policy pages,
in each of the five languages."""

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

LANGUAGES = ("ko", "en", "zh-hans", "zh-hant", "ja")
POLICY_PAGES = {
    "/about/": "About the portal",
    "/contact/": "Contact",
    "/privacy/": "Privacy policy",
    "/accessibility/": "Accessibility statement",
}


def _get(client, path, language):
    client.cookies["django_language"] = language
    return client.get(path)


@pytest.mark.parametrize("language", LANGUAGES)
def test_policy_pages_answer_in_each_language_with_their_heading(client, language):
    for path, heading in POLICY_PAGES.items():
        response = _get(client, path, language)
        assert response.status_code == 200, path
        with translation.override(language):
            translated = gettext(heading)
        if language != "en":
            assert translated != heading, f"{heading!r} has no {language} translation"
        body = response.content.decode()
        assert f'<h1 class="h2">{translated}</h1>' in body
        assert f'<span aria-current="page">{translated}</span>' in body  # the breadcrumb's last step


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_carries_the_frame_in_each_language(client, language):
    body = _get(client, "/", language).content.decode()
    with translation.override(language):
        expected = [
            gettext("An official website of Korean public bodies"),
            gettext("Governors Association of Korea (GAOK)"),
            gettext("Ministry of Foreign Affairs"),
            gettext("Privacy policy"),
            gettext("Accessibility statement"),
            gettext("Menu"),
        ]
    for text in expected:
        assert text in body, text
    assert 'id="krds-masthead"' in body and 'id="krds-footer"' in body and 'id="site-nav"' in body
    assert "<script>" not in body and " style=" not in body  # nothing inline, for the CSP


@override_settings(
    PORTAL_HOST_ORGANIZATIONS=["Gyeonggi Provincial Government"],
    PORTAL_CONTACT_EMAIL="help@gg.example.kr",
    PORTAL_CONTACT_PHONE="+82 31-120",
)
def test_header_and_footer_name_the_configured_host_and_contact(client):
    body = _get(client, "/contact/", "en").content.decode()
    assert '<span class="host-names"><span>Gyeonggi Provincial Government</span></span>' in body
    assert "This website is run by Gyeonggi Provincial Government." in body
    assert 'href="mailto:help@gg.example.kr"' in body
    assert 'href="tel:+8231-120"' in body


def test_unknown_address_answers_the_framed_404_page(client):
    response = _get(client, "/no-such-page/", "ko")
    assert response.status_code == 404
    with translation.override("ko"):
        assert gettext("Page not found") in response.content.decode()
    assert 'id="krds-masthead"' in response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_admin_names_itself_for_staff_with_the_host_organizations(client, language):

    with translation.override(language):
        name = gettext("Exchange Portal — staff")
        host = gettext("Governors Association of Korea (GAOK)")
    if language != "en":
        assert name != "Exchange Portal — staff"
    body = _get(client, "/admin/login/", language).content.decode()
    assert f'<div id="site-name"><a href="/admin/">{name}</a>' in body
    assert host in body
    assert "<title>" in body and name in body.split("</title>")[0]
    assert "Django" not in body.split("<body")[1].split('id="content"')[0]


@pytest.mark.parametrize(
    ("language", "separator"), [("en", ", "), ("ko", ", "), ("ja", "、"), ("zh-hans", "、"), ("zh-hant", "、")]
)
def test_footer_lists_the_host_organizations_with_the_languages_own_separator(client, language, separator):
    body = _get(client, "/contact/", language).content.decode()
    with translation.override(language):
        names = [str(name) for name in settings.PORTAL_HOST_ORGANIZATIONS]
        assert len(names) == 2
        sentence = gettext("This website is run by %(names)s.") % {"names": separator.join(names)}
    assert sentence in body
