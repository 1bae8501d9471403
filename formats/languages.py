"""The reader's language, and names of languages, countries and amounts of money in it."""

import functools

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries

CODES = tuple(code for code, _name in settings.LANGUAGES)

# Names of the languages officials speak (profiles, programs' working languages), by code.
LANGUAGE_NAMES = {
    "ko": _("Korean"),
    "en": _("English"),
    "zh": _("Chinese"),
    "zh-hans": _("Simplified Chinese"),
    "zh-hant": _("Traditional Chinese"),
    "ja": _("Japanese"),
    "vi": _("Vietnamese"),
    "th": _("Thai"),
    "id": _("Indonesian"),
    "ms": _("Malay"),
    "tl": _("Filipino"),
    "mn": _("Mongolian"),
    "ru": _("Russian"),
    "fr": _("French"),
    "es": _("Spanish"),
    "de": _("German"),
}

# Where a language's usage differs from django-countries' catalog: Taiwan's government and
# press write 韓國 (its zh_Hant catalog has the colloquial 南韓).
_COUNTRY_NAMES = {("zh-hant", "KR"): "韓國"}

# How officials write an amount in each language: the digits grouped by thousands, then the
# currency as that language names it ("400,000원", "400,000韩元"); English keeps the ISO code.
_CURRENCY = {
    "KRW": {"ko": "{n}원", "ja": "{n}ウォン", "zh-hans": "{n}韩元", "zh-hant": "{n}韓元", "en": "{n} KRW"},
}


def active_language(language=None):
    """A code of settings.LANGUAGES: `language` if given, else the active one, else the default."""
    code = (language or translation.get_language() or settings.LANGUAGE_CODE).lower().replace("_", "-")
    if code in CODES:
        return code
    if code.startswith("zh"):
        return "zh-hant" if code in {"zh-tw", "zh-hk", "zh-mo"} else "zh-hans"
    base = code.split("-")[0]
    return base if base in CODES else settings.LANGUAGE_CODE


def language_name(code, language=None):
    """ "Korean", "한국어", "韩语" ... for a language code; the code itself when unknown."""
    code = str(code or "").strip().lower().replace("_", "-")
    name = LANGUAGE_NAMES.get(code)
    if name is None:
        return code
    with translation.override(active_language(language)):
        return str(name)


def language_names(codes, language=None):
    """Language names joined the way the language lists them: "Korean, English", "한국어, 영어", "韩语、英语"."""
    language = active_language(language)
    separator = "、" if language in {"ja", "zh-hans", "zh-hant"} else ", "
    return separator.join(language_name(code, language) for code in codes or [])


def country_name(code, language=None):
    """The country's name in the reader's language ("대한민국", "韓国", "韓國")."""
    code = str(code or "").upper()
    if not code:
        return ""
    return _country_names(active_language(language)).get(code) or code


@functools.cache
def _country_names(language):
    """Every country's name in one language, built once per process: a list of 100 rows (an admin
    changelist) names a country per row, and building the names is the costly part."""
    with translation.override(language):
        names = {code: str(name) for code, name in countries}
    names.update({code: name for (lang, code), name in _COUNTRY_NAMES.items() if lang == language})
    return names


def number(value, language=None):
    """An integer grouped by thousands: 400000 -> "400,000" (all five languages group by three)."""
    if value is None:
        return ""
    return f"{int(value):,}"


def money(amount, currency="KRW", language=None):
    """ "400,000 KRW", "400,000원", "400,000ウォン", "400,000韩元", "400,000韓元"."""
    if amount is None:
        return ""
    language = active_language(language)
    pattern = _CURRENCY.get(currency, {}).get(language, "{n} " + currency)
    return pattern.format(n=number(amount))


# The CJK face each language is set in (Debian's fonts-noto-cjk names them "Noto Sans CJK KR"...,
# Google Fonts and most systems "Noto Sans KR"...), then each system's own CJK face. The same
# stacks are in static/css/site.css under :lang(); emails cannot use a stylesheet.
FONT_STACKS = {
    "ko": "'Noto Sans KR', 'Noto Sans CJK KR', 'Apple SD Gothic Neo', 'Malgun Gothic', sans-serif",
    "ja": "'Noto Sans JP', 'Noto Sans CJK JP', 'Hiragino Sans', 'Yu Gothic', Meiryo, sans-serif",
    "zh-hans": "'Noto Sans SC', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
    "zh-hant": "'Noto Sans TC', 'Noto Sans CJK TC', 'PingFang TC', 'Microsoft JhengHei', sans-serif",
    "en": "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, 'Noto Sans', sans-serif",
}


def font_stack(language=None):
    return FONT_STACKS[active_language(language)]


# The portal language officials of a country most likely read (a delegate list that names none).
_COUNTRY_LANGUAGE = {
    "KR": "ko",
    "JP": "ja",
    "CN": "zh-hans",
    "SG": "zh-hans",
    "TW": "zh-hant",
    "HK": "zh-hant",
    "MO": "zh-hant",
}


def language_for_country(country):
    return _COUNTRY_LANGUAGE.get(str(country or "").upper(), "en")


def portal_language_code(value):
    """A portal language code (settings.LANGUAGES) from what a person may write in a list:
    "ko", "zh_Hant", "zh-TW", "Japanese", "日本語", "중국어 번체" ... None when it names none."""
    text = " ".join(str(value or "").split()).lower().replace("_", "-")
    if not text:
        return None
    if text in CODES:
        return text
    aliases = {"zh-cn": "zh-hans", "zh-sg": "zh-hans", "zh-tw": "zh-hant", "zh-hk": "zh-hant", "kr": "ko", "jp": "ja"}
    if text in aliases:
        return aliases[text]
    for code in CODES:
        for reader in CODES:
            if language_name(code, reader).lower() == text:
                return code
        with translation.override(code):
            if str(translation.get_language_info(code)["name_local"]).lower() == text:
                return code
    return None
