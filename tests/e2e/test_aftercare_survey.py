"""The past sample workshop's evaluation survey in Chromium: sent after the last day, answered in
Japanese from the emailed link at 390 px, and its results read by program staff in each of the five
languages: a chart with counts by country, Japan shown (3 answers), China and Korea (1 each) hidden, and
one by participant category (all five delegates)."""

import io

import pytest
from django.core.management import call_command

from aftercare.models import Question, Survey, SurveyInvitation
from aftercare.surveys import survey_answer, surveys_send_due
from notifications.models import Notification
from participants.models import ParticipantCategory, Registration
from tests.cohorts.factories import registration_in
from tests.e2e.logins import log_in_admin
from workshops.models import Occurrence

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DELEGATE = {"ko": "대표", "en": "Delegate", "zh-hans": "代表", "zh-hant": "代表", "ja": "代表"}
JAPAN = {"ko": "일본", "en": "Japan", "zh-hans": "日本", "zh-hant": "日本", "ja": "日本"}
HIDDEN = {
    "ko": "응답이 3건 미만인 2개국은 따로 표시하지 않습니다.",
    "en": "2 countries with fewer than 3 answers are not shown separately.",
    "zh-hans": "回答少于3份的 2 个国家未单独显示。",
    "zh-hant": "回答少於3份的 2 個國家未單獨顯示。",
    "ja": "回答が3件未満の2か国は個別に表示しません。",
}


def _link(body):
    start = body.index("/aftercare/surveys/")
    return body[start : body.index("/", start + len("/aftercare/surveys/")) + 1]


def test_survey_answered_in_japanese_and_results_by_country(page, live_server):
    call_command("load_demo", stdout=io.StringIO())
    past = Occurrence.objects.get(slug="sample-cjk-workshop-past")
    for index in range(2):
        registration_in(past, status="attended", country="JP", preferred_language="ja", email=f"jp{index}@example.org")
    # Every attendee registered as a delegate: the results break the answers down by category too.
    delegate = ParticipantCategory.objects.create(
        occurrence=past, **{f"name_{lang.replace('-', '_')}": name for lang, name in DELEGATE.items()}
    )
    Registration.objects.filter(occurrence=past).update(category=delegate)
    assert surveys_send_due() == {"invited": 5, "reminded": 0}

    # Sato Yuki reads the email in Japanese and answers from its link on a phone.
    sato = Registration.objects.get(occurrence=past, participant__email="sato.yuki@example.org")
    email = Notification.objects.get(template="survey_invitation", recipient="sato.yuki@example.org")
    assert email.language == "ja"
    page.set_viewport_size({"width": 390, "height": 844})
    page.context.add_cookies([{"name": "django_language", "value": "ja", "url": live_server.url}])
    page.goto(live_server.url + _link(email.body_text))
    assert page.locator("h1").inner_text() == "サンプルワークショップの評価"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_role("button", name="回答を送信").click()
    assert "下に示した回答を確認してください。" in page.locator("#survey-errors").inner_text()
    page.locator("#survey-form input[type=radio][value='5']").first.check()
    page.get_by_label("文化体験").check()
    page.get_by_label("次回、何を改善すべきでしょうか。").fill("交流の時間をもっと長く")
    page.get_by_role("button", name="回答を送信").click()
    assert page.locator("#survey-done").inner_text() == "ありがとうございました。回答を記録しました。"
    page.goto(live_server.url + _link(email.body_text))
    assert page.locator("#survey-done").inner_text() == "このアンケートにはすでに回答済みです。ありがとうございました。"
    assert SurveyInvitation.objects.get(registration=sato).response.language == "ja"

    survey = Survey.objects.get(occurrence=past)
    rating, choice, text = survey.questions.order_by("order")
    for invitation in SurveyInvitation.objects.filter(survey=survey, answered_at__isnull=True):
        survey_answer(token=invitation.token, answers={rating.pk: 4, choice.pk: 0}, language="en")

    log_in_admin(page, live_server.url, "staff@example.org")
    problems = []
    for language, japan in JAPAN.items():
        page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
        page.goto(f"{live_server.url}/aftercare/surveys/{survey.pk}/results/")
        where = language
        if page.locator("svg.survey-chart").count() != 4:
            problems.append(f"{where}: {page.locator('svg.survey-chart').count()} charts")
        table = page.locator(f"#question-{choice.pk} .by-country table")
        headers = table.locator("thead th").all_inner_texts()
        if headers[-1] != japan or len(headers) != 3:
            problems.append(f"{where}: columns {headers}")
        # Japan: Sato chose the cultural experience, the two others the lectures; 5 answers in all.
        rows = [r.split("\t") for r in table.locator("tbody tr").all_inner_texts()]
        if [r[1:] for r in rows] != [["4", "2"], ["0", "0"], ["1", "1"]]:
            problems.append(f"{where}: rows {rows}")
        if page.locator(f"#question-{choice.pk} .hidden-countries").inner_text() != HIDDEN[language]:
            problems.append(f"{where}: {page.locator(f'#question-{choice.pk} .hidden-countries').inner_text()!r}")
        categories = page.locator(f"#question-{choice.pk} .by-category thead th").all_inner_texts()
        if categories[-1:] != [DELEGATE[language]]:
            problems.append(f"{where}: category columns {categories}")
        # One written answer only: not shown, even to staff.
        if page.locator(f"#question-{text.pk} .too-few").count() != 1 or "交流の時間" in page.content():
            problems.append(f"{where}: a single written answer is shown")
        if page.evaluate("document.documentElement.scrollWidth") > 390:
            problems.append(f"{where}: wider than the screen")
    assert not problems, "\n".join(problems)
    assert Question.objects.filter(survey=survey).count() == 3
