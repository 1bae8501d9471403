"""Dates, ranges and times in each language's form.

    en       May 2019 · May 20, 2028 · May 20–22, 2028 · March 30, 2027, 18:00 KST
    ko       2019년 5월 · 2028년 5월 20일 · 2028년 5월 20일~22일 · 2027년 3월 30일 18:00 KST
    ja       2019年5月 · 2028年5月20日 · 2028年5月20日～22日 · 2027年3月30日 18:00 KST
    zh-hans  2019年5月 · 2028年5月20日 · 2028年5月20日至22日 · 2027年3月30日 18:00 KST
    zh-hant  the same as zh-hans

Times are shown in the portal's time zone (settings.TIME_ZONE, Asia/Seoul) with its
abbreviation, since officials abroad read them too.
"""

import datetime

from django.utils import dateformat, timezone, translation
from django.utils.formats import get_format

from .languages import active_language

# (range separator, end format within the same month, end format within the same year)
_RANGES = {
    "ko": ("~", "j일", "n월 j일"),
    "ja": ("～", "j日", "n月j日"),
    "zh-hans": ("至", "j日", "n月j日"),
    "zh-hant": ("至", "j日", "n月j日"),
}
_YEAR = {"ko": "Y년", "ja": "Y年", "zh-hans": "Y年", "zh-hant": "Y年", "en": "Y"}


def _format(value, format_name_or_string, language):
    with translation.override(language):
        fmt = get_format(format_name_or_string) if format_name_or_string.isupper() else format_name_or_string
        return dateformat.format(value, fmt)


def date_long(value, language=None):
    """A day: "May 20, 2028", "2028년 5월 20일", "2028年5月20日"."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return _format(value, "DATE_FORMAT", active_language(language))


def year_month(value, language=None):
    """A month: "May 2019", "2019년 5월", "2019年5月"."""
    return "" if value is None else _format(value, "YEAR_MONTH_FORMAT", active_language(language))


def year_only(year, language=None):
    """A year: "2019", "2019년", "2019年" (an int or a date)."""
    if year is None:
        return ""
    language = active_language(language)
    value = year if isinstance(year, datetime.date) else datetime.date(int(year), 1, 1)
    return _format(value, _YEAR.get(language, "Y"), language)


def date_range(start, end, language=None):
    """Two days written once where they share the month or year: "May 20–22, 2028",
    "2028년 5월 20일~22일", "2028年5月30日至6月2日"."""
    language = active_language(language)
    if start is None:
        return ""
    if end is None or end == start:
        return date_long(start, language)
    if language in _RANGES:
        separator, same_month, same_year = _RANGES[language]
        if (start.year, start.month) == (end.year, end.month):
            end_text = _format(end, same_month, language)
        elif start.year == end.year:
            end_text = _format(end, same_year, language)
        else:
            end_text = date_long(end, language)
        return f"{date_long(start, language)}{separator}{end_text}"
    # English: "May 20–22, 2028", "May 30 – June 2, 2028", "December 30, 2027 – January 2, 2028".
    if (start.year, start.month) == (end.year, end.month):
        return f"{_format(start, 'F j', language)}–{end.day}, {end.year}"
    if start.year == end.year:
        return f"{_format(start, 'F j', language)} – {_format(end, 'F j, Y', language)}"
    return f"{date_long(start, language)} – {date_long(end, language)}"


def datetime_tz(value, language=None):
    """A moment in the portal's time zone, with its abbreviation: "March 30, 2027, 18:00 KST",
    "2027년 3월 30일 18:00 KST"."""
    if value is None:
        return ""
    language = active_language(language)
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    zone = local.tzname() or ""
    text = _format(local, "DATETIME_FORMAT", language)
    return f"{text} {zone}".strip()


def time_short(value, language=None):
    """A time of day on the 24-hour clock: "18:00"."""
    return "" if value is None else _format(value, "TIME_FORMAT", active_language(language))


def month_range(start, end, language=None):
    """Two months: "April – October 2026", "2026년 4월~10월", "2026年4月至10月"."""
    language = active_language(language)
    if start is None:
        return ""
    if end is None or (start.year, start.month) == (end.year, end.month):
        return year_month(start, language)
    if language in _RANGES:
        separator = _RANGES[language][0]
        month = {"ko": "n월"}.get(language, "n月")
        end_text = _format(end, month, language) if start.year == end.year else year_month(end, language)
        return f"{year_month(start, language)}{separator}{end_text}"
    if start.year == end.year:
        return f"{_format(start, 'F', language)} – {year_month(end, language)}"
    return f"{year_month(start, language)} – {year_month(end, language)}"


_DATETIME_RANGE_SEPARATOR = {"ko": " ~ ", "ja": " ～ ", "zh-hans": " 至 ", "zh-hant": " 至 "}


def datetime_range(start, end, language=None):
    """A window between two moments, the zone named once: "December 1, 2026, 09:00 – March 30,
    2027, 18:00 KST", "2026년 12월 1일 09:00 ~ 2027년 3월 30일 18:00 KST". An open end gives
    the start alone followed by the separator."""
    language = active_language(language)
    if start is None:
        return datetime_tz(end, language)
    separator = _DATETIME_RANGE_SEPARATOR.get(language, " – ")
    if end is None:
        return f"{datetime_tz(start, language)}{separator.rstrip()}"
    first, last = (timezone.localtime(v) if timezone.is_aware(v) else v for v in (start, end))
    if first.tzname() == last.tzname():
        return f"{_format(first, 'DATETIME_FORMAT', language)}{separator}{datetime_tz(end, language)}"
    return f"{datetime_tz(start, language)}{separator}{datetime_tz(end, language)}"
