"""MOIS program staff (the demo's program-staff account, not a superuser) keep the ASEAN-ROK 2019
roundtable's participant categories inline on its admin page in Korean, in Chromium: the inline and
its columns read in Korean, a negative number of seats is refused with a Korean message beside the
field while everything typed in every row stays on the page and nothing is saved, and once the
seats are corrected the edit and the new category are saved together."""

import io

import pytest
from django.core.management import call_command
from django.utils import translation
from playwright.sync_api import expect

from participants.models import ParticipantCategory
from tests.e2e.logins import log_in_admin
from workshops.models import Occurrence

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SLUG = "asean-rok-roundtable-2019"
NEW = {
    "name_en": "Observer from a partner ministry",
    "name_ko": "협력 부처 참관인",
    "name_zh_hans": "合作部委观察员",
    "name_zh_hant": "合作部會觀察員",
    "name_ja": "協力省庁のオブザーバー",
}


def _korean(message, **params):
    with translation.override("ko"):
        text = translation.gettext(message) % params if params else translation.gettext(message)
    assert text != (message % params if params else message), f"no Korean for {message!r}"
    return text


def test_program_staff_edit_and_add_categories_in_korean_and_keep_what_they_typed(page, live_server):
    call_command("load_demo", stdout=io.StringIO())
    occurrence = Occurrence.objects.get(slug=SLUG)
    before = list(ParticipantCategory.objects.filter(occurrence=occurrence).order_by("order", "pk"))
    assert [c.name_en for c in before] == [
        "Minister (head of delegation)",
        "ASEAN official",
        "Student studying in Korea",
    ]
    officials = before[1]

    page.context.add_cookies([{"name": "django_language", "value": "ko", "url": live_server.url}])
    log_in_admin(page, live_server.url, "mois.staff@example.org")
    page.goto(f"{live_server.url}/admin/workshops/occurrence/{occurrence.pk}/change/")
    group = page.locator("#participant_categories-group")
    expect(group.locator("h2").first).to_contain_text("참가자 구분")
    header = group.locator("thead")
    for label in ("순서", "좌석", "사용 좌석", "담당자 심사", "명찰 색상"):
        expect(header).to_contain_text(label)
    expect(header.locator('img.help-tooltip[title="비워 두면 이 구분만의 정원 제한이 없습니다."]')).to_have_count(1)

    # The second category (ASEAN officials) gets a new Korean name and, by a slip, -5 seats;
    # a new category is added with its five names and 30 seats.
    row = next(i for i in range(3) if page.input_value(f"#id_participant_categories-{i}-name_en") == "ASEAN official")
    page.fill(f"#id_participant_categories-{row}-name_ko", "아세안 회원국 공무원")
    page.fill(f"#id_participant_categories-{row}-capacity", "-5")
    add = _korean("Add another %(verbose_name)s", verbose_name=_korean("participant category"))
    group.get_by_role("button", name=add).click()
    for field, value in NEW.items():
        page.fill(f"#id_participant_categories-3-{field}", value)
    page.fill("#id_participant_categories-3-order", "4")
    page.fill("#id_participant_categories-3-capacity", "30")
    page.uncheck("#id_participant_categories-3-needs_review")
    page.fill("#id_participant_categories-3-badge_colour", "#5d4037")
    page.locator("input[name=_continue]").click()

    expect(page.locator(".errornote")).to_be_visible()
    error = _korean("Ensure this value is greater than or equal to %(limit_value)s.", limit_value=0)
    expect(page.locator(f"#participant_categories-{row} .errorlist")).to_have_text(error)
    # Nothing typed is lost: the edited row and the new one come back as they were written.
    assert page.input_value(f"#id_participant_categories-{row}-name_ko") == "아세안 회원국 공무원"
    assert page.input_value(f"#id_participant_categories-{row}-capacity") == "-5"
    for field, value in NEW.items():
        assert page.input_value(f"#id_participant_categories-3-{field}") == value
    assert page.input_value("#id_participant_categories-3-capacity") == "30"
    assert not page.is_checked("#id_participant_categories-3-needs_review")
    assert page.input_value("#id_participant_categories-3-badge_colour") == "#5d4037"
    # ...and nothing is saved, not even the valid new row.
    assert ParticipantCategory.objects.filter(occurrence=occurrence).count() == 3
    officials.refresh_from_db()
    assert (officials.name_ko, officials.capacity) == ("아세안 공무원", None)

    page.fill(f"#id_participant_categories-{row}-capacity", "150")
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    expect(page.locator(".errornote")).to_have_count(0)
    officials.refresh_from_db()
    assert (officials.name_ko, officials.capacity) == ("아세안 회원국 공무원", 150)
    added = ParticipantCategory.objects.get(occurrence=occurrence, name_en=NEW["name_en"])
    assert (added.name_ja, added.capacity, added.needs_review, added.badge_colour, added.order) == (
        NEW["name_ja"],
        30,
        False,
        "#5d4037",
        4,
    )
