"""The public pages write languages, money, dates and times in the reader's form, and mark a
native-script name inside a page of another language with its own lang."""

import calendar
import datetime

import pytest
from django.utils import timezone

from programs.models import CostShare
from tests.factories import OccurrenceFactory, OrganizationFactory, ProgramFactory

pytestmark = pytest.mark.integration


@pytest.fixture
def program(db):
    taipei = OrganizationFactory(name_en="Taipei City Government", name_native="臺北市政府", country="TW")
    program = ProgramFactory(slug="k2h", name_en="K2H", name_ko="K2H 연수", languages=["en", "zh", "ja"])
    program.hosts.add(taipei)
    CostShare.objects.create(program=program, payer_role="GAOK", covers="Living expenses", monthly_allowance_krw=400000)
    return program


def _get(client, url, language):
    return client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()


@pytest.mark.parametrize(
    "language, languages, allowance",
    [
        ("en", "English, Chinese, Japanese", "living allowance 400,000 KRW a month"),
        ("ko", "영어, 중국어, 일본어", "월 체재비 400,000원"),
        ("ja", "英語、中国語、日本語", "月額滞在費 400,000ウォン"),
        ("zh-hans", "英语、中文、日语", "每月生活补贴400,000韩元"),
        ("zh-hant", "英語、中文、日語", "每月生活津貼400,000韓元"),
    ],
)
def test_program_page_names_languages_and_writes_the_allowance(client, program, language, languages, allowance):
    page = _get(client, program.get_absolute_url(), language)
    assert languages in page
    assert allowance in page
    assert "en, zh, ja" not in page and "400000" not in page


def test_a_hosts_native_name_carries_its_language(client, program):
    page = _get(client, program.get_absolute_url(), "en")
    assert 'Taipei City Government (<span class="native-name" lang="zh-Hant">臺北市政府</span>)' in page


@pytest.mark.parametrize(
    "language, dates, window",
    [
        ("en", "May 20–22, 2028", "March 1, 2027, 09:00 – March 30, 2027, 18:00 KST"),
        ("ko", "2028년 5월 20일~22일", "2027년 3월 1일 09:00 ~ 2027년 3월 30일 18:00 KST"),
        ("ja", "2028年5月20日～22日", "2027年3月1日 09:00 ～ 2027年3月30日 18:00 KST"),
        ("zh-hant", "2028年5月20日至22日", "2027年3月1日 09:00 至 2027年3月30日 18:00 KST"),
    ],
)
def test_occurrence_page_writes_dates_and_the_registration_window_with_its_zone(
    client, program, language, dates, window
):
    occurrence = OccurrenceFactory(
        program=program,
        start_date=datetime.date(2028, 5, 20),
        end_date=datetime.date(2028, 5, 22),
        registration_opens_at=timezone.make_aware(datetime.datetime(2027, 3, 1, 9, 0)),
        registration_closes_at=timezone.make_aware(datetime.datetime(2027, 3, 30, 18, 0)),
    )
    page = _get(client, occurrence.get_absolute_url(), language)
    assert dates in page and window in page


@pytest.mark.parametrize(
    "language, closes",
    [
        ("en", '<strong class="key">Closes</strong><span class="value">{month} {day}, {year}, 18:00 KST'),
        ("ko", "{year}년 {m}월 {day}일 18:00 KST"),
        ("ja", "{year}年{m}月{day}日 18:00 KST"),
        ("zh-hans", "{year}年{m}月{day}日 18:00 KST"),
    ],
)
def test_home_page_gives_the_closing_time_with_its_zone(client, program, language, closes):
    day = timezone.localdate() + datetime.timedelta(days=30)
    OccurrenceFactory(
        program=program, registration_closes_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(18)))
    )
    expected = closes.format(month=calendar.month_name[day.month], m=day.month, day=day.day, year=day.year)
    assert expected in _get(client, "/", language)


@pytest.mark.parametrize(
    "language, arrival",
    [("en", "May 19, 2028"), ("ko", "2028년 5월 19일"), ("ja", "2028年5月19日"), ("zh-hans", "2028年5月19日")],
)
def test_my_registration_writes_the_answered_arrival_date_like_the_other_dates(client, program, language, arrival):
    from tests.factories import RegistrationFactory, UserFactory

    user = UserFactory(email_verified_at=timezone.now())
    occurrence = OccurrenceFactory(
        program=program, start_date=datetime.date(2028, 5, 20), end_date=datetime.date(2028, 5, 22)
    )
    registration = RegistrationFactory(
        participant__user=user, occurrence=occurrence, answers={"arrival_date": "2028-05-19"}
    )
    client.force_login(user)
    page = _get(client, f"/registrations/{registration.pk}/", language)
    assert arrival in page
    assert "2028-05-19" not in page
