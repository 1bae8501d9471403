"""Each staff role's day on the demo data, in Chromium, with the demo's own accounts.

The check-in desk (on a 390 px phone) finds 李娜 and "Yamada Taro" in the K2H sample cohort,
checks them in, undoes one, and sees the head-count move, also when another phone checks
someone in. A reviewer accepts a registration and is offered neither export nor ceremony. A
judge sees and scores only the round they judge, on the judges' page (/staff/judging/), and only
reads it in the admin. (tests/e2e/test_speech_contest.py follows a contest round to its final.)"""

import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from cohorts.models import AttendanceDay, SpeechRound, SpeechScore
from cohorts.services import attendance_mark
from participants.models import Registration
from tests.e2e.logins import log_in, log_in_admin

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DEMO_PASSWORD = "exchange-portal-demo"
K2H = "Sample K2H cohort"


@pytest.fixture
def demo():
    call_command("load_demo", stdout=io.StringIO())


def _no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_check_in_desk_checks_in_li_na_and_yamada_taro_undoes_one_on_a_phone(page, live_server, demo):
    page.set_viewport_size({"width": 390, "height": 844})
    log_in_admin(page, live_server.url, "checkin@example.org")
    # From the admin index to the occurrence page to its check-in link, as the desk would.
    page.get_by_role("link", name="Occurrences").first.click()
    page.get_by_role("link", name=re.compile(K2H)).first.click()
    page.get_by_role("link", name="Check-in", exact=True).click()
    expect(page.locator("h1")).to_have_text("Check-in")
    # The cohort runs months from now: the day offered is its first day, not today.
    expect(page.locator("#checkin-day option:checked")).to_contain_text("April 1, 2028")
    count = page.locator("#checkin-count")
    expect(count).to_have_text("0 of 3 checked in")
    _no_sideways_scroll(page)

    page.fill("#checkin-q", "李娜")
    page.get_by_role("button", name="Find").click()
    results = page.locator(".checkin-results tbody tr")
    expect(results).to_have_count(1)
    expect(results.first).to_contain_text("Li Na")
    results.first.get_by_role("button", name="Check in").click()
    expect(page.locator(".alert")).to_contain_text("checked in for 2028-04-01")
    expect(count).to_have_text("1 of 3 checked in")

    page.fill("#checkin-q", "Yamada Taro")
    page.get_by_role("button", name="Find").click()
    expect(results.first).to_contain_text("山田太郎")
    results.first.get_by_role("button", name="Check in").click()
    expect(count).to_have_text("2 of 3 checked in")
    _no_sideways_scroll(page)

    # A mistake: Yamada was not there yet.
    results.first.get_by_role("button", name="Undo").click()
    expect(page.locator(".alert")).to_contain_text("is undone")
    expect(count).to_have_text("1 of 3 checked in")
    expect(results.first.get_by_role("button", name="Check in")).to_be_visible()
    yamada = Registration.objects.get(participant__email="yamada.taro@example.org")
    assert yamada.status == Registration.Status.ACCEPTED
    assert AttendanceDay.history.filter(history_type="-", registration_id=yamada.pk).get().history_user.email == (
        "checkin@example.org"
    )

    # Another phone at the door checks Trần Thị Lan in: this page's head-count follows, no reload.
    page.evaluate("window.__same_page = true")
    tran = Registration.objects.get(participant__email="tran.thi.lan@example.org")
    attendance_mark(registration=tran, day=tran.occurrence.start_date)
    expect(count).to_have_text("2 of 3 checked in", timeout=12_000)
    assert page.evaluate("window.__same_page") is True

    # Changing the day shows that day's head-count and check-in buttons.
    page.select_option("#checkin-day", "2028-04-02")
    expect(count).to_have_text("0 of 3 checked in")
    page.fill("#checkin-q", "tran thi lan")
    page.get_by_role("button", name="Find").click()
    expect(results.first).to_contain_text("Trần Thị Lan")
    results.first.get_by_role("button", name="Check in").click()
    expect(page.locator(".alert")).to_contain_text("checked in for 2028-04-02")
    assert sorted(AttendanceDay.objects.filter(registration=tran).values_list("day", flat=True))[-1].isoformat() == (
        "2028-04-02"
    )
    _no_sideways_scroll(page)


def test_reviewer_accepts_a_registration_and_is_offered_no_export_or_ceremony(page, live_server, demo):
    log_in_admin(page, live_server.url, "reviewer@example.org")
    page.get_by_role("link", name="Registrations").first.click()
    page.get_by_role("link", name=re.compile("NGUYEN Van An")).first.click()
    page.get_by_role("button", name="Accept").click()
    expect(page.locator(".messagelist")).to_contain_text("The registration is now accepted.")
    nguyen = Registration.objects.get(participant__email="nguyen.van.an@example.org")
    assert nguyen.status == Registration.Status.ACCEPTED
    assert nguyen.status_changes.last().changed_by.email == "reviewer@example.org"

    page.goto(f"{live_server.url}/admin/workshops/occurrence/{nguyen.occurrence_id}/change/")
    expect(page.locator(".object-tools")).to_contain_text("Registrations")
    expect(page.get_by_role("link", name="Export roster")).to_have_count(0)
    expect(page.get_by_role("button", name="Hold the certification ceremony")).to_have_count(0)
    # The registration list offers no export action either.
    page.goto(f"{live_server.url}/admin/participants/registration/")
    options = page.locator("select[name=action] option").all_text_contents()
    assert not [o for o in options if "Export" in o]

    # Typed by hand, the export page says kindly why not, in the reader's language.
    page.context.add_cookies([{"name": "django_language", "value": "ko", "url": live_server.url}])
    response = page.goto(f"{live_server.url}/rosters/occurrences/{nguyen.occurrence_id}/export/")
    assert response.status == 403
    expect(page.locator("h1")).to_have_text("이 페이지는 회원님의 역할에 포함되지 않습니다")


def test_judge_sees_and_scores_only_their_round(page, live_server, demo):
    # judge@ judges the English preliminary: LEE Seojun and the demo's two English contestants
    # (demo/contest.py). The Chinese and Japanese preliminaries have their own judges, staff@ the finals.
    english = SpeechRound.objects.get(occurrence__slug="sample-speech-contest", kind="preliminary", language="en")
    log_in(page, live_server.url, "judge@example.org")
    page.locator("#nav-judging").click()
    rounds = page.locator("#judging-rounds li")
    expect(rounds).to_have_count(1)
    expect(rounds.first).to_contain_text("Preliminary (English)")

    rounds.first.locator("a").click()
    expect(page.locator("#round-title")).to_contain_text("Preliminary (English)")
    contestants = page.locator("#marks tbody th")
    expect(contestants).to_have_count(3)
    assert [name.lower() for name in contestants.all_inner_texts()] == ["lee seojun", "park jiwoo", "choi yuna"]
    inputs = page.locator("#marks input[type=number]")
    expect(inputs).to_have_count(3 * 3)  # three contestants, three criteria
    for n, mark in enumerate(["35", "25.5", "28", "30", "22", "24", "31", "27", "20"]):
        inputs.nth(n).fill(mark)
    page.locator("#marks-form button[type=submit]").click()
    expect(page.locator(".alert-success")).to_contain_text("Your scores are saved.")
    scores = SpeechScore.objects.filter(judge__email="judge@example.org")
    assert scores.count() == 9
    assert set(scores.values_list("entry__round", flat=True)) == {english.pk}
    lee = scores.filter(entry__registration__participant__email="lee.seojun@example.org")
    assert sorted(str(s.score) for s in lee) == ["25.50", "28.00", "35.00"]

    # Every other round of the contest (the other languages, the finals) does not exist for them.
    for other in SpeechRound.objects.filter(occurrence=english.occurrence).exclude(pk=english.pk):
        response = page.goto(f"{live_server.url}/staff/judging/rounds/{other.pk}/")
        assert response.status == 404, other

    # In the admin the judge only reads: their round, their own scores, and scores nothing there.
    page.context.clear_cookies()
    log_in_admin(page, live_server.url, "judge@example.org")
    page.get_by_role("link", name="Speech contest rounds").first.click()
    rows = page.locator("#result_list tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Preliminary")
    page.goto(f"{live_server.url}/admin/cohorts/speechscore/")
    expect(page.locator("#result_list tbody tr")).to_have_count(9)
    expect(page.get_by_role("link", name=re.compile("Add speech"))).to_have_count(0)
    response = page.goto(f"{live_server.url}/admin/cohorts/speechscore/add/")
    assert response.status == 403

    final = SpeechRound.objects.get(occurrence=english.occurrence, kind="final", language="en")
    page.goto(f"{live_server.url}/admin/cohorts/speechround/{final.pk}/change/")
    expect(page.locator(".messagelist")).to_contain_text("doesn’t exist")


def test_the_check_in_page_reads_in_every_language_on_a_phone(page, live_server, demo):
    from django.utils import translation

    page.set_viewport_size({"width": 390, "height": 844})
    log_in_admin(page, live_server.url, "checkin@example.org")
    k2h = Registration.objects.filter(participant__email="li.na@example.org").get().occurrence
    head_count = {
        "ko": "3명 중 0명 체크인",
        "ja": "3人中0人がチェックイン済み",
        "zh-hans": "已签到 0 / 3 人",
        "zh-hant": "已報到 0 / 3 人",
    }
    for language, expected in head_count.items():
        page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
        page.goto(f"{live_server.url}/staff/occurrences/{k2h.pk}/checkin/?q=Li+Na")
        with translation.override(language):
            heading = translation.gettext("Check-in")
        expect(page.locator("html")).to_have_attribute("lang", re.compile(f"^{language}$", re.IGNORECASE))
        expect(page.locator("h1")).to_have_text(heading)
        expect(page.locator("#checkin-count")).to_have_text(expected)
        expect(page.locator(".checkin-results tbody tr")).to_contain_text("李娜")
        _no_sideways_scroll(page)
