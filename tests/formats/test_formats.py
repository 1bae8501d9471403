"""The formatting helpers in each of the five languages (formats/)."""

import datetime
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from formats import dates, languages, names

pytestmark = pytest.mark.unit

LANGUAGES = ("en", "ko", "ja", "zh-hans", "zh-hant")
SEOUL = datetime.timezone(datetime.timedelta(hours=9))


def person(family, given, family_native="", given_native="", country=""):
    return SimpleNamespace(
        family_name=family,
        given_name=given,
        family_name_native=family_native,
        given_name_native=given_native,
        country=country,
    )


WANG = person("Wang", "Xiaoming", "王", "小明", "CN")
YAMADA = person("Yamada", "Taro", "山田", "太郎", "JP")
HONG = person("Hong", "Gildong", "홍", "길동", "KR")
CHEN = person("Chen", "Yi-ting", "陳", "怡婷", "TW")
NGUYEN = person("Nguyen", "Van An", "Nguyễn", "Văn An", "VN")
SMITH = person("Smith", "John", country="GB")


@pytest.mark.parametrize(
    "language, month, day, same_month, across_months, across_years",
    [
        ("en", "May 2019", "May 20, 2028", "May 20–22, 2028", "May 30 – June 2, 2028", "December 30, 2027 – January 2, 2028"),
        ("ko", "2019년 5월", "2028년 5월 20일", "2028년 5월 20일~22일", "2028년 5월 30일~6월 2일", "2027년 12월 30일~2028년 1월 2일"),
        ("ja", "2019年5月", "2028年5月20日", "2028年5月20日～22日", "2028年5月30日～6月2日", "2027年12月30日～2028年1月2日"),
        ("zh-hans", "2019年5月", "2028年5月20日", "2028年5月20日至22日", "2028年5月30日至6月2日", "2027年12月30日至2028年1月2日"),
        ("zh-hant", "2019年5月", "2028年5月20日", "2028年5月20日至22日", "2028年5月30日至6月2日", "2027年12月30日至2028年1月2日"),
    ],
)  # fmt: skip
def test_dates_and_ranges(language, month, day, same_month, across_months, across_years):
    d = datetime.date
    assert dates.year_month(d(2019, 5, 1), language) == month
    assert dates.date_long(d(2028, 5, 20), language) == day
    assert dates.date_range(d(2028, 5, 20), d(2028, 5, 22), language) == same_month
    assert dates.date_range(d(2028, 5, 30), d(2028, 6, 2), language) == across_months
    assert dates.date_range(d(2027, 12, 30), d(2028, 1, 2), language) == across_years
    assert dates.date_range(d(2028, 5, 20), d(2028, 5, 20), language) == day


@pytest.mark.parametrize(
    "language, expected",
    [
        ("en", "March 30, 2027, 18:00 KST"),
        ("ko", "2027년 3월 30일 18:00 KST"),
        ("ja", "2027年3月30日 18:00 KST"),
        ("zh-hans", "2027年3月30日 18:00 KST"),
        ("zh-hant", "2027年3月30日 18:00 KST"),
    ],
)
def test_moments_in_seoul_time_with_the_zone(language, expected):
    utc = datetime.datetime(2027, 3, 30, 9, 0, tzinfo=datetime.UTC)  # 18:00 in Seoul
    assert dates.datetime_tz(utc, language) == expected


@pytest.mark.parametrize(
    "language, year, months",
    [
        ("en", "2022", "April – October 2026"),
        ("ko", "2022년", "2026년 4월~10월"),
        ("ja", "2022年", "2026年4月～10月"),
        ("zh-hans", "2022年", "2026年4月至10月"),
        ("zh-hant", "2022年", "2026年4月至10月"),
    ],
)
def test_years_and_month_ranges(language, year, months):
    assert dates.year_only(2022, language) == year
    assert dates.month_range(datetime.date(2026, 4, 1), datetime.date(2026, 10, 31), language) == months


@pytest.mark.parametrize(
    "language, money, names_of_languages, korea, taiwan",
    [
        ("en", "400,000 KRW", "English, Chinese, Japanese", "South Korea", "Taiwan"),
        ("ko", "400,000원", "영어, 중국어, 일본어", "대한민국", "대만"),
        ("ja", "400,000ウォン", "英語、中国語、日本語", "韓国", "台湾"),
        ("zh-hans", "400,000韩元", "英语、中文、日语", "韩国", "台湾"),
        ("zh-hant", "400,000韓元", "英語、中文、日語", "韓國", "台灣"),
    ],
)
def test_money_language_and_country_names(language, money, names_of_languages, korea, taiwan):
    assert languages.money(400000, "KRW", language) == money
    assert languages.language_names(["en", "zh", "ja"], language) == names_of_languages
    assert languages.country_name("KR", language) == korea
    assert languages.country_name("tw", language) == taiwan


@pytest.mark.parametrize(
    "language, wang, yamada, hong, chen",
    [
        ("en", "Wang Xiaoming", "Yamada Taro", "Hong Gildong", "Chen Yi-ting"),
        ("ko", "Wang Xiaoming", "Yamada Taro", "홍길동", "Chen Yi-ting"),
        ("ja", "王小明", "山田 太郎", "Hong Gildong", "陳怡婷"),
        ("zh-hans", "王小明", "山田太郎", "Hong Gildong", "陳怡婷"),
        ("zh-hant", "王小明", "山田太郎", "Hong Gildong", "陳怡婷"),
    ],
)
def test_display_name_in_the_readers_script_and_the_cultures_order(language, wang, yamada, hong, chen):
    assert [names.display_name(p, language) for p in (WANG, YAMADA, HONG, CHEN)] == [wang, yamada, hong, chen]
    assert names.display_name(SMITH, language) == "John Smith"  # given name first outside East Asia
    assert names.display_name(NGUYEN, language) == "Nguyen Van An"  # Vietnamese: family name first


@pytest.mark.parametrize(
    "language, greeting, nameless",
    [
        ("en", "Dear Wang Xiaoming,", "Hello,"),
        ("ko", "홍길동 님, 안녕하세요.", "안녕하세요."),
        ("ja", "山田 太郎 様", "ご担当者様"),
        ("zh-hans", "尊敬的王小明：", "您好："),
        ("zh-hant", "陳怡婷 您好：", "您好："),
    ],
)
def test_greeting_in_each_language(language, greeting, nameless):
    reader = {"en": WANG, "ko": HONG, "ja": YAMADA, "zh-hans": WANG, "zh-hant": CHEN}[language]
    assert names.greeting(reader, language) == greeting
    assert names.greeting(None, language) == nameless


def test_an_account_is_greeted_through_its_profile_or_its_own_names():
    account = SimpleNamespace(first_name="Minji", last_name="Kim", participant=HONG)
    assert names.greeting(account, "ko") == "홍길동 님, 안녕하세요."
    bare = SimpleNamespace(first_name="Portal", last_name="Administrator", participant=None)
    assert names.greeting(bare, "en") == "Dear Portal Administrator,"


def test_romanized_name_for_badges_capitalises_the_family_name():
    assert names.romanized_name(WANG, upper_family=True) == "WANG Xiaoming"
    assert names.romanized_name(SMITH, upper_family=True) == "John SMITH"


@pytest.mark.parametrize(
    "text, country, lang",
    [("김민지", "", "ko"), ("さとう", "", "ja"), ("山田", "JP", "ja"), ("陳怡婷", "TW", "zh-Hant"), ("王小明", "CN", "zh-Hans"), ("Smith", "GB", None)],
)  # fmt: skip
def test_script_lang_for_lang_attributes(text, country, lang):
    assert names.script_lang(text, country=country) == lang


@pytest.mark.parametrize("language", LANGUAGES)
def test_django_formats_give_one_form_per_page(language):
    # Django's own short formats ("11/30/2026", "2028-5-20") and 12-hour clocks are overridden
    # (formats/conf): a template that asks for SHORT_DATE_FORMAT gets the long form too.
    moment = datetime.datetime(2026, 11, 30, 20, 1, tzinfo=SEOUL)
    with translation.override(language), timezone.override(SEOUL):
        html = Template('{{ d|date:"SHORT_DATE_FORMAT" }}|{{ d|date:"SHORT_DATETIME_FORMAT" }}').render(
            Context({"d": moment})
        )
    short_date, short_datetime = html.split("|")
    assert short_date == dates.date_long(moment.date(), language)
    assert short_datetime.endswith("20:01") and "/" not in short_datetime


@pytest.mark.parametrize("language", LANGUAGES)
def test_template_filters(language):
    with translation.override(language):
        html = Template(
            "{% load formats %}{{ start|date_range:end }}|{{ amount|money }}|{{ codes|language_names }}|{% greeting p %}|"
            "{% lang_span native 'TW' %}|{{ code|html_lang }}"
        ).render(
            Context(
                {
                    "start": datetime.date(2028, 5, 20),
                    "end": datetime.date(2028, 5, 22),
                    "amount": 400000,
                    "codes": ["ko"],
                    "p": CHEN,
                    "native": "陳怡婷",
                    "code": "zh-hant",
                }
            )
        )
    rng, money, langs, greeting, span, tag = html.split("|")
    assert rng == dates.date_range(datetime.date(2028, 5, 20), datetime.date(2028, 5, 22), language)
    assert money == languages.money(400000, "KRW", language)
    assert langs == languages.language_name("ko", language)
    assert greeting == names.greeting(CHEN, language)
    assert span == '<span class="native-name" lang="zh-Hant">陳怡婷</span>'
    assert tag == "zh-Hant"


@pytest.mark.parametrize(
    "value, code",
    [("ko", "ko"), ("zh_Hant", "zh-hant"), ("zh-TW", "zh-hant"), ("Japanese", "ja"), ("日本語", "ja"), ("한국어", "ko"), ("简体中文", "zh-hans"), ("EN", "en"), ("Klingon", None), ("", None)],
)  # fmt: skip
def test_portal_language_code_reads_codes_and_names(value, code):
    assert languages.portal_language_code(value) == code


@pytest.mark.parametrize(
    "language, expected",
    [
        ("en", "December 1, 2026, 09:00 – March 30, 2027, 18:00 KST"),
        ("ko", "2026년 12월 1일 09:00 ~ 2027년 3월 30일 18:00 KST"),
        ("ja", "2026年12月1日 09:00 ～ 2027年3月30日 18:00 KST"),
        ("zh-hans", "2026年12月1日 09:00 至 2027年3月30日 18:00 KST"),
        ("zh-hant", "2026年12月1日 09:00 至 2027年3月30日 18:00 KST"),
    ],
)
def test_a_registration_window_names_its_zone_once(language, expected):
    opens = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=SEOUL)
    closes = datetime.datetime(2027, 3, 30, 9, 0, tzinfo=datetime.UTC)  # 18:00 in Seoul
    assert dates.datetime_range(opens, closes, language) == expected
    assert dates.datetime_range(opens, None, language).startswith(dates.datetime_tz(opens, language))
