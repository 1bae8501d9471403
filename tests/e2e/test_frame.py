"""The page frame in Chromium: on a phone the main menu folds behind a Menu button that opens and
closes it (mouse and keyboard), the header stays short, and focus is always visible; on a desktop
the menu is open and the button absent. Korean, then each other language at phone width."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

FOCUS_JS = """
() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {tag: el.tagName, outline: parseFloat(style.outlineWidth) || 0, outlineStyle: style.outlineStyle};
}
"""


def test_menu_folds_on_a_phone_and_opens_by_button_and_keyboard(page, live_server):
    page.set_viewport_size({"width": 390, "height": 844})
    page.context.add_cookies([{"name": "django_language", "value": "ko", "url": live_server.url}])
    page.goto(f"{live_server.url}/about/")
    menu_button = page.get_by_role("button", name="메뉴")
    record_link = page.locator("#site-nav").get_by_role("link", name="기록", exact=True)
    assert menu_button.is_visible()
    assert menu_button.get_attribute("aria-expanded") == "false"
    assert not record_link.is_visible()
    header_height = page.evaluate("document.getElementById('krds-header').getBoundingClientRect().bottom")
    assert header_height < 200, f"the header takes {header_height} px of 844"

    menu_button.click()
    assert menu_button.get_attribute("aria-expanded") == "true"
    assert record_link.is_visible()
    # Escape closes it and gives focus back to the button.
    record_link.focus()
    page.keyboard.press("Escape")
    assert not record_link.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('btn-menu')")
    # Enter on the focused button opens it again; the focus ring shows where the keyboard is.
    focus = page.evaluate(FOCUS_JS)
    assert focus["outline"] >= 2 and focus["outlineStyle"] == "solid", focus
    page.keyboard.press("Enter")
    assert record_link.is_visible()
    record_link.click()
    page.wait_for_url(f"{live_server.url}/record/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


LOADED_FACES_JS = """
async () => {
  await document.fonts.ready;
  return Array.from(document.fonts).filter(f => f.status === "loaded").map(f => f.family.replace(/["']/g, ""));
}
"""
FACE = {
    "ko": "Pretendard GOV Variable",
    "en": "Pretendard GOV Variable",
    "ja": "Pretendard JP Variable",
    "zh-hans": "Noto Sans SC",
    "zh-hant": "Noto Sans TC",
}


@pytest.mark.parametrize("language", list(FACE))
def test_each_language_is_set_in_its_self_hosted_face(page, live_server, language):
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page.goto(f"{live_server.url}/about/")
    assert FACE[language] in page.evaluate(LOADED_FACES_JS)
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith(f'"{FACE[language]}"')


@pytest.mark.parametrize("language", ["en", "zh-hans", "zh-hant", "ja"])
def test_frame_fits_a_phone_in_each_language(page, live_server, language):
    page.set_viewport_size({"width": 390, "height": 844})
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    for path in ("/", "/contact/", "/accounts/login/"):
        page.goto(live_server.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        with translation.override(language):
            menu = gettext("Menu")
        assert page.get_by_role("button", name=menu).is_visible(), path
        assert page.locator("#krds-masthead").is_visible()


def test_desktop_shows_the_menu_without_the_button_and_the_skip_link_on_focus(page, live_server):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/contact/")
    assert not page.locator("#krds-header .btn-menu").is_visible()
    assert page.locator("#site-nav").get_by_role("link", name="Record", exact=True).is_visible()
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    assert skip.is_visible()
    assert page.evaluate(FOCUS_JS)["outline"] >= 2
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
