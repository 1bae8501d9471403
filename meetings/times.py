"""A meeting's slot in the active time zone and language: "September 15, 2030, 10:00 – 11:00 KST",
"2030년 9월 15일 10:00 ~ 11:00 KST"; a slot over two days names both dates."""

from django.utils import timezone
from django.utils.translation import get_language

from formats.dates import date_long, datetime_range, time_short

_SEPARATOR = {"ko": " ~ ", "ja": " ～ ", "zh-hans": " 至 ", "zh-hant": " 至 "}


def slot_text(start, end):
    if start is None or end is None:
        return ""
    first, last = timezone.localtime(start), timezone.localtime(end)
    if first.date() != last.date():
        return datetime_range(start, end)
    language = get_language() or "en"
    comma = ", " if language.startswith("en") else " "
    separator = _SEPARATOR.get(language, " – ")
    return f"{date_long(first.date(), language)}{comma}{time_short(first, language)}{separator}{time_short(last, language)} {last.tzname()}"
