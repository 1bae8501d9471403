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
from participants.models import ParticipantCategory, Registration
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
            assert [name for _code, name, _counts, _n in result.by_country.groups] == ["South Korea"]
            assert result.total - sum(n for *_rest, n in result.by_country.groups) == 4  # China and Japan together
    html = response.content.decode()
    assert "1 country with fewer than 3 answers is not shown separately." in html
    assert "1 more country is not shown separately, so that the small one cannot be worked out from the total." in html
    csv_text = client.get(f"{url[:-1]}.csv").content.decode("utf-8-sig")
    assert not any("China" in line or "Japan" in line for line in csv_text.splitlines())
    assert "Best part?,Lectures,South Korea,All answers,2" in csv_text.splitlines()


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
    assert lines[0] == "Question,Answer,Country,Category,Count"
    assert "Best part?,Lectures,All answers,All answers,3" in lines
    assert "Best part?,Lectures,Japan,All answers,2" in lines
    assert not any("China" in line for line in lines)
    xlsx = client.get(f"/aftercare/surveys/{survey_world['survey'].pk}/results.xlsx")
    with zipfile.ZipFile(io.BytesIO(b"".join([xlsx.content]))) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "Lectures" in sheet and "Japan" in sheet


def test_other_organizations_staff_cannot_read_results(client, survey_world):
    _answer_all(survey_world)
    client.force_login(staff_user(OrganizationFactory()))
    assert client.get(f"/aftercare/surveys/{survey_world['survey'].pk}/results/").status_code == 404


def _category(occurrence, order, en, ko):
    names = {"name_en": en, "name_ko": ko, "name_zh_hans": en, "name_zh_hant": en, "name_ja": en}
    return ParticipantCategory.objects.create(occurrence=occurrence, order=order, **names)


@pytest.fixture
def category_world(survey_world):
    """Seven attendees: delegates JP, JP, CN, KR; heads of delegation JP, KR, KR; nobody a student supporter yet."""
    occurrence = survey_world["occurrence"]
    for _n in range(2):
        survey_world["people"].append(
            registration_in(occurrence, status="attended", country="KR", preferred_language="ko", user=UserFactory())
        )
    delegate = _category(occurrence, 1, "Delegate", "대표")
    head = _category(occurrence, 2, "Head of delegation", "단장")
    student = _category(occurrence, 3, "Student supporter", "학생 서포터즈")
    people = survey_world["people"]
    for index, registration in enumerate(people):
        Registration.objects.filter(pk=registration.pk).update(category=head if index in (2, 5, 6) else delegate)
    survey_world["categories"] = (delegate, head, student)
    return survey_world


def _choice_result(response, world):
    return next(r for r in response.context["results"] if r.question == world["q"][1])


def test_results_by_category_with_counts_in_the_readers_language(client, category_world):
    _answer_all(category_world)
    delegate, head, _student = category_world["categories"]
    # The category is the one the registration had when it answered: a later move does not change the results.
    Registration.objects.filter(pk=category_world["people"][0].pk).update(category=head)
    client.force_login(staff_user(category_world["host"]))
    url = f"/aftercare/surveys/{category_world['survey'].pk}/results/"
    response = client.get(url)
    choice = _choice_result(response, category_world)
    # Choices alternate Lectures, Visits by attendee: delegates 0, 1, 3, 4; heads 2, 5, 6.
    assert choice.by_category.groups == [
        (delegate.pk, "Delegate", [2, 2], 4),
        (head.pk, "Head of delegation", [2, 1], 3),
    ]
    assert choice.category_table == [("Lectures", 4, [2, 2]), ("Visits", 3, [2, 1])]
    html = response.content.decode()
    assert html.count('class="survey-chart"') == 4  # two questions, by country and by category
    assert "By participant category" in html and "hidden-categories" not in html
    assert ">Head of delegation: 1</title>" in html  # the Visits segment of the category chart
    client.cookies["django_language"] = "ko"
    korean = client.get(url)
    assert [name for _pk, name, _c, _n in _choice_result(korean, category_world).by_category.groups] == ["대표", "단장"]
    assert '<th scope="col" class="num">단장</th>' in korean.content.decode()


def test_small_category_is_hidden_with_the_next_smallest(client, category_world):
    _delegate, head, student = category_world["categories"]
    supporter = registration_in(
        category_world["occurrence"], status="attended", country="JP", preferred_language="ja", user=UserFactory()
    )
    Registration.objects.filter(pk=supporter.pk).update(category=student)
    category_world["people"].append(supporter)
    _answer_all(category_world)
    client.force_login(staff_user(category_world["host"]))
    url = f"/aftercare/surveys/{category_world['survey'].pk}/results/"
    response = client.get(url)
    choice = _choice_result(response, category_world)
    # Student supporters 1 (hidden), heads 3: hidden too, or the total minus the delegates would give the one.
    assert [name for _pk, name, _c, _n in choice.by_category.groups] == ["Delegate"]
    assert (choice.by_category.hidden, choice.by_category.protected) == (1, 1)
    html = response.content.decode()
    assert "1 participant category with fewer than 3 answers is not shown separately." in html
    assert (
        "1 more participant category is not shown separately, so that the small one cannot be worked out from the total."
        in html
    )
    assert "Student supporter" not in html and "Head of delegation" not in html
    csv_text = client.get(f"{url[:-1]}.csv").content.decode("utf-8-sig")
    assert "Student supporter" not in csv_text and "Head of delegation" not in csv_text
    assert "Best part?,Lectures,All answers,Delegate,2" in csv_text.splitlines()


def test_no_category_breakdown_without_categories(client, survey_world):
    _answer_all(survey_world)
    client.force_login(staff_user(survey_world["host"]))
    url = f"/aftercare/surveys/{survey_world['survey'].pk}/results/"
    response = client.get(url)
    assert all(result.by_category is None for result in response.context["results"])
    html = response.content.decode()
    assert "by-category" not in html and "By participant category" not in html
    lines = client.get(f"{url[:-1]}.csv").content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Question,Answer,Country,Category,Count"
    assert {line.split(",")[3] for line in lines[1:]} == {"All answers"}


def test_export_carries_the_category_breakdown(client, category_world):
    _answer_all(category_world)
    client.force_login(staff_user(category_world["host"]))
    url = f"/aftercare/surveys/{category_world['survey'].pk}/results"
    lines = client.get(f"{url}.csv").content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Question,Answer,Country,Category,Count"
    assert [line for line in lines if line.startswith("Best part?,Visits,")] == [
        "Best part?,Visits,All answers,All answers,3",
        "Best part?,Visits,South Korea,All answers,1",  # China alone is hidden, so Japan (first of the 3s) too
        "Best part?,Visits,All answers,Delegate,2",
        "Best part?,Visits,All answers,Head of delegation,1",
    ]
    client.cookies["django_language"] = "ko"
    xlsx = client.get(f"{url}.xlsx")
    with zipfile.ZipFile(io.BytesIO(xlsx.content)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "단장" in sheet and "대표" in sheet


def test_answers_without_a_category_are_a_group_of_their_own(client, category_world):
    """Heads of delegation moved out of any category before the survey: their 3 answers show as "No category"."""
    _delegate, head, _student = category_world["categories"]
    Registration.objects.filter(category=head).update(category=None)
    _answer_all(category_world)
    client.force_login(staff_user(category_world["host"]))
    response = client.get(f"/aftercare/surveys/{category_world['survey'].pk}/results/")
    groups = _choice_result(response, category_world).by_category.groups
    assert [(name, counts, n) for _pk, name, counts, n in groups] == [
        ("Delegate", [2, 2], 4),
        ("No category", [2, 1], 3),
    ]
