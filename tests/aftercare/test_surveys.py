"""Evaluation surveys: sent once to attendees after the last day, one reminder, answered once; results
hide any figure under 3 answers; free text only to staff; exported as CSV and XLSX."""

import datetime
import io
import zipfile

import pytest
from django.utils import timezone

from aftercare.models import Question, Survey, SurveyInvitation
from aftercare.surveys import REMINDER_DAYS, survey_answer, surveys_send_due
from notifications.models import Notification
from tests.cohorts.factories import hosted_occurrence, registration_in, staff_user
from tests.factories import OrganizationFactory, UserFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _in_all(text):
    return {f"text_{lang}": text for lang in ("en", "ko", "zh_hans", "zh_hant", "ja")}


@pytest.fixture
def survey_world():
    host = OrganizationFactory()
    today = timezone.localdate()
    occurrence = hosted_occurrence(
        host, start_date=today - datetime.timedelta(days=3), end_date=today - datetime.timedelta(days=2)
    )
    survey = Survey.objects.create(occurrence=occurrence, title_en="Evaluation", is_active=True)
    rating = Question.objects.create(survey=survey, order=1, kind="rating", **_in_all("Useful?"))
    choice = Question.objects.create(
        survey=survey, order=2, kind="choice", choices_en="Lectures\nVisits", **_in_all("Best part?")
    )
    text = Question.objects.create(survey=survey, order=3, kind="text", required=False, **_in_all("Change what?"))
    people = []
    for country, language in [("JP", "ja"), ("JP", "ja"), ("JP", "ja"), ("CN", "zh-hans"), ("KR", "ko")]:
        people.append(
            registration_in(
                occurrence, status="attended", country=country, preferred_language=language, user=UserFactory()
            )
        )
    registration_in(occurrence, status="no_show", country="KR")
    registration_in(occurrence, status="withdrawn", country="KR")
    return {"host": host, "occurrence": occurrence, "survey": survey, "q": (rating, choice, text), "people": people}


def test_survey_sent_once_to_attendees_in_their_language(survey_world):
    assert surveys_send_due() == {"invited": 5, "reminded": 0}
    assert surveys_send_due() == {"invited": 0, "reminded": 0}
    rows = Notification.objects.filter(template="survey_invitation")
    assert rows.count() == 5
    japanese = rows.filter(language="ja").first()
    title = survey_world["occurrence"].title_en
    assert japanese.subject == f"{title}はいかがでしたか。簡単な評価アンケート"
    assert "アンケートに回答する" in japanese.body_text
    token = SurveyInvitation.objects.get(registration=survey_world["people"][0]).token
    assert f"/aftercare/surveys/{token}/" in rows.get(recipient=survey_world["people"][0].participant.email).body_text


def test_survey_not_sent_before_the_last_day(survey_world):
    occurrence = survey_world["occurrence"]
    occurrence.end_date = timezone.localdate()
    occurrence.save()
    assert surveys_send_due() == {"invited": 0, "reminded": 0}


def test_one_reminder_to_those_who_have_not_answered(survey_world):
    surveys_send_due()
    first = SurveyInvitation.objects.get(registration=survey_world["people"][0])
    rating, choice, _text = survey_world["q"]
    survey_answer(token=first.token, answers={rating.pk: 5, choice.pk: 0}, language="ja")
    later = timezone.now() + datetime.timedelta(days=REMINDER_DAYS, hours=1)
    assert surveys_send_due(now=later) == {"invited": 0, "reminded": 4}
    assert surveys_send_due(now=later + datetime.timedelta(days=5)) == {"invited": 0, "reminded": 0}
    assert Notification.objects.filter(template="survey_reminder").count() == 4
    assert not Notification.objects.filter(
        template="survey_reminder", recipient=first.registration.participant.email
    ).exists()


def test_answer_page_once_in_japanese_and_bad_input(client, survey_world):
    surveys_send_due()
    invitation = SurveyInvitation.objects.get(registration=survey_world["people"][0])
    rating, choice, text = survey_world["q"]
    url = f"/aftercare/surveys/{invitation.token}/"
    client.cookies["django_language"] = "ja"
    bad = client.post(url, {f"q{rating.pk}": "9", f"q{choice.pk}": "0\x00", f"q{text.pk}": "x\x00y"})
    assert bad.status_code == 400
    assert invitation.__class__.objects.get(pk=invitation.pk).answered_at is None
    good = client.post(url, {f"q{rating.pk}": "4", f"q{choice.pk}": "1", f"q{text.pk}": "もっと時間を"})
    assert good.status_code == 200
    assert "ありがとうございました。回答を記録しました。" in good.content.decode()
    again = client.get(url)
    assert 'id="survey-done"' in again.content.decode()
    assert client.post(url, {f"q{rating.pk}": "1", f"q{choice.pk}": "0"}).status_code == 200
    invitation.refresh_from_db()
    assert invitation.response.language == "ja"
    assert invitation.response.answers.get(question=rating).value == 4


def _answer_all(world):
    surveys_send_due()
    rating, choice, text = world["q"]
    for index, registration in enumerate(world["people"]):
        token = SurveyInvitation.objects.get(registration=registration).token
        survey_answer(
            token=token,
            answers={rating.pk: 5 - (index % 2), choice.pk: index % 2, text.pk: f"note {index}"},
            language="en",
        )


def test_results_by_country_hide_groups_under_three(client, survey_world):
    _answer_all(survey_world)
    client.force_login(staff_user(survey_world["host"]))
    html = client.get(f"/aftercare/surveys/{survey_world['survey'].pk}/results/").content.decode()
    assert html.count('class="survey-chart"') == 2
    assert "Japan" in html and "China" not in html and "South Korea" not in html
    assert "2 countries with fewer than 3 answers are not shown separately." in html
    assert "note 3" in html  # staff read the free text


def test_one_small_country_is_not_left_to_subtraction(client, survey_world):
    """Japan 3, South Korea 3, China 1: with China alone hidden, total minus the shown countries would be
    China's answers; so the next smallest (Japan, first by name among the equal) is hidden too."""
    for _n in range(2):
        survey_world["people"].append(
            registration_in(
                survey_world["occurrence"], status="attended", country="KR", preferred_language="ko", user=UserFactory()
            )
        )
    _answer_all(survey_world)
    client.force_login(staff_user(survey_world["host"]))
    url = f"/aftercare/surveys/{survey_world['survey'].pk}/results/"
    response = client.get(url)
    for result in response.context["results"]:
        if result.question.kind != "text":
            assert [name for _code, name, _counts, _n in result.countries] == ["South Korea"]
            assert result.total - sum(n for *_rest, n in result.countries) == 4  # China and Japan together
    html = response.content.decode()
    assert "1 country with fewer than 3 answers is not shown separately." in html
    assert "1 more country is not shown separately, so that the small one cannot be worked out from the total." in html
    csv_text = client.get(f"{url[:-1]}.csv").content.decode("utf-8-sig")
    assert not any("China" in line or "Japan" in line for line in csv_text.splitlines())
    assert "Best part?,Lectures,South Korea,2" in csv_text.splitlines()


def test_participant_sees_charts_without_free_text(client, survey_world):
    _answer_all(survey_world)
    client.force_login(survey_world["people"][0].participant.user)
    html = client.get(f"/aftercare/surveys/{survey_world['survey'].pk}/results/").content.decode()
    assert 'class="survey-chart"' in html
    assert "note 3" not in html
    assert client.get(f"/aftercare/surveys/{survey_world['survey'].pk}/results.csv").status_code == 404


def test_fewer_than_three_answers_show_nothing(client, survey_world):
    surveys_send_due()
    rating, choice, _text = survey_world["q"]
    for registration in survey_world["people"][:2]:
        token = SurveyInvitation.objects.get(registration=registration).token
        survey_answer(token=token, answers={rating.pk: 5, choice.pk: 0}, language="en")
    client.force_login(staff_user(survey_world["host"]))
    html = client.get(f"/aftercare/surveys/{survey_world['survey'].pk}/results/").content.decode()
    assert 'class="survey-chart"' not in html
    assert html.count("Fewer than 3 answers: not shown.") == 3


def test_export_csv_and_xlsx(client, survey_world):
    _answer_all(survey_world)
    client.force_login(staff_user(survey_world["host"]))
    csv_text = client.get(f"/aftercare/surveys/{survey_world['survey'].pk}/results.csv").content.decode("utf-8-sig")
    lines = csv_text.splitlines()
    assert lines[0] == "Question,Answer,Country,Count"
    assert "Best part?,Lectures,All answers,3" in lines
    assert "Best part?,Lectures,Japan,2" in lines
    assert not any("China" in line for line in lines)
    xlsx = client.get(f"/aftercare/surveys/{survey_world['survey'].pk}/results.xlsx")
    with zipfile.ZipFile(io.BytesIO(b"".join([xlsx.content]))) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "Lectures" in sheet and "Japan" in sheet


def test_other_organizations_staff_cannot_read_results(client, survey_world):
    _answer_all(survey_world)
    client.force_login(staff_user(OrganizationFactory()))
    assert client.get(f"/aftercare/surveys/{survey_world['survey'].pk}/results/").status_code == 404
