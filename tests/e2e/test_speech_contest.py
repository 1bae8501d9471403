"""The speech contest per language in Chromium: the Japanese judge scores the Japanese
preliminary on /staff/judging/ and never reaches the English one; staff (not a superuser) close
it and draw the Japanese final in the admin; the public results page shows released rankings per
language, at 390 px in each of the five languages."""

import io

import pytest
from django.core.management import call_command

from cohorts.models import SpeechRound, SpeechScore
from tests.e2e.logins import log_in, log_in_admin

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

HEADING = {
    "ko": "결과: ",
    "en": "Results: ",
    "zh-hans": "结果：",
    "zh-hant": "結果：",
    "ja": "結果：",
}
NOT_YET = {
    "ko": "이 언어의 결과는 아직 공개되지 않았습니다.",
    "en": "The results in this language are not released yet.",
    "zh-hans": "该语种的结果尚未公布。",
    "zh-hant": "該語種的結果尚未公布。",
    "ja": "この言語の結果はまだ公開されていません。",
}


def _round(language, kind=SpeechRound.Kind.PRELIMINARY):
    return SpeechRound.objects.get(occurrence__slug="sample-speech-contest", language=language, kind=kind)


def test_a_judge_scores_the_japanese_preliminary_and_staff_draw_its_final(page, live_server):
    call_command("load_demo", stdout=io.StringIO())
    japanese, english = _round("ja"), _round("en")
    log_in(page, live_server.url, "judge.japanese@example.org")
    page.locator("#nav-judging").click()
    rounds = page.locator("#judging-rounds").inner_text()
    assert "(Japanese)" in rounds and "(English)" not in rounds

    page.locator("#judging-rounds a").first.click()
    assert "(Japanese)" in page.locator("#round-title").inner_text()
    inputs = page.locator("#marks input[type=number]")
    assert inputs.count() == 3 * 3  # three contestants, three criteria
    # A mark above the criterion's 40 points is refused (by the server too) and nothing is saved.
    assert inputs.nth(0).get_attribute("max") == "40"
    page.evaluate("document.querySelector('#marks-form').noValidate = true")
    inputs.nth(0).fill("45")
    page.locator("#marks-form button[type=submit]").click()
    page.wait_for_selector(".invalid-feedback")
    assert SpeechScore.objects.filter(entry__round=japanese).count() == 0
    marks = ["38", "28", "27", "30", "20", "21", "35", "29", "26"]
    for n, mark in enumerate(marks):
        inputs.nth(n).fill(mark)
    page.locator("#marks-form button[type=submit]").click()
    page.wait_for_selector(".alert-success")
    assert SpeechScore.objects.filter(entry__round=japanese).count() == 9
    # The English round is not the Japanese judge's: it does not exist for them.
    response = page.goto(f"{live_server.url}/staff/judging/rounds/{english.pk}/")
    assert response.status == 404

    page.context.clear_cookies()
    log_in_admin(page, live_server.url, "staff@example.org")
    page.goto(f"{live_server.url}/admin/cohorts/speechround/?language__exact=ja&kind__exact=preliminary")
    for action in ("close", "advance"):
        page.check(f"input[name=_selected_action][value='{japanese.pk}']")
        page.select_option("select[name=action]", action)
        page.locator("button[name=index]").click()
        page.wait_for_selector(".messagelist")
    final = _round("ja", SpeechRound.Kind.FINAL)
    # The two best Japanese speakers (advance the best 2), and no English speaker.
    assert [e.registration.participant.email for e in final.entries.order_by("order")] == [
        "han.dohyun@example.org",
        "oh.junseo@example.org",
    ]
    assert _round("ja").closed_at is not None and english.entries.count() == 3

    # Now closed, the judge sees the ranking on their page.
    page.context.clear_cookies()
    log_in(page, live_server.url, "judge.japanese@example.org")
    page.goto(f"{live_server.url}/staff/judging/rounds/{japanese.pk}/")
    assert page.locator("#results tbody tr").count() == 3


def test_contest_results_in_each_language_at_phone_width(page, live_server):
    call_command("load_demo", stdout=io.StringIO())
    contest = _round("zh").occurrence
    page.set_viewport_size({"width": 390, "height": 844})
    problems = []
    for language, heading in HEADING.items():
        page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
        page.goto(f"{live_server.url}/contests/{contest.pk}/results/")
        where = language
        if page.locator("html").get_attribute("lang").lower() != language:
            problems.append(f"{where}: lang")
        if not page.locator("h1").inner_text().startswith(heading):
            problems.append(f"{where}: heading {page.locator('h1').inner_text()!r}")
        # The Chinese preliminary is released: its ranking, best first (the demo's marks).
        rows = page.locator("#results-zh tbody tr")
        if rows.count() != 3 or not rows.first.inner_text().startswith("1"):
            problems.append(f"{where}: Chinese ranking {rows.count()}")
        if NOT_YET[language] not in page.locator("#results-ja").inner_text():
            problems.append(f"{where}: Japanese results shown before release")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            problems.append(f"{where}: the page is {width} px wide")
    assert not problems, "\n".join(problems)
