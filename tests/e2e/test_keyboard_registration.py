"""An official registers with the keyboard alone: Tab to each field, type, Space for boxes, Enter
to send; every element the keyboard reaches shows a visible focus ring."""

import pytest

from participants.models import Registration
from tests.e2e.test_registration_flow import PASSWORD, _occurrence, _verified_official

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

FOCUSED_JS = """
() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const ring = (parseFloat(style.outlineWidth) || 0) >= 2 && style.outlineStyle !== "none";
  return {id: el.id, tag: el.tagName, type: el.type || "", required: !!el.required, value: el.value || "",
          checked: !!el.checked, text: (el.innerText || "").trim().slice(0, 40), ring,
          inForm: !!el.closest("#registration-form"),
          languagesChecked: !!document.querySelector("[name='profile-languages']:checked")};
}
"""


def _tab_until(page, predicate, unringed, limit=120):
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_JS)
        if not focused["ring"] and focused["tag"] != "BODY":  # BODY: the focus left for the browser's own bar
            unringed.append(focused["id"] or focused["text"] or focused["tag"])
        if predicate(focused):
            return focused
    raise AssertionError("the keyboard never reached the element")


def test_official_registers_with_the_keyboard_alone(page, live_server):
    occurrence = _occurrence()
    _verified_official()
    url = live_server.url
    unringed = []

    page.goto(f"{url}/accounts/login/")
    _tab_until(page, lambda f: f["id"] == "id_username", unringed)
    page.keyboard.type("official.kr@example.org")
    _tab_until(page, lambda f: f["id"] == "id_password", unringed)
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_selector("#nav-user-email")

    page.goto(url + occurrence.get_absolute_url())
    _tab_until(page, lambda f: f["tag"] == "A" and f["text"] == "Register", unringed)
    page.keyboard.press("Enter")
    page.wait_for_selector("#registration-form")

    # Through the form in the keyboard's order, filling what is required and still empty.
    while True:
        focused = _tab_until(page, lambda f: f["inForm"], unringed)
        if focused["tag"] == "BUTTON" and focused["type"] == "submit":
            break
        if focused["id"] == "id_consent" or (
            focused["id"].startswith("id_profile-languages_") and not focused["languagesChecked"]
        ):
            page.keyboard.press("Space")
        elif focused["required"] and not focused["value"]:
            if focused["tag"] == "SELECT":
                page.keyboard.press("ArrowDown")
            elif focused["type"] == "date":
                page.keyboard.type("05192031")
            else:
                page.keyboard.type("Test")
    page.keyboard.press("Enter")
    page.wait_for_selector("#registration-status")

    registration = Registration.objects.get(participant__email="official.kr@example.org", occurrence=occurrence)
    assert registration.status in ("submitted", "accepted")
    assert not unringed, f"no visible focus on: {unringed}"
