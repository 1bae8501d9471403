"""People's names in each culture's order, and how each language greets them.

A person is anything with `family_name`, `given_name` (romanized), `family_name_native`,
`given_name_native` and `country` (a participant), or an account (`first_name`, `last_name`,
and the participant's profile when there is one).

    display_name   en: "Wang Xiaoming", "Sato Yuki", "John Smith"   (family name first for
                   Chinese, Japanese, Korean and Vietnamese names, given name first otherwise)
                   ko: "김민지"   ja: "山田 太郎"   zh: "王小明", "山田太郎"   (the native script when the
                   reader's language writes it, else the romanized name in the culture's order)
    greeting       "김민지 님, 안녕하세요." · "山田 太郎 様" · "尊敬的王小明：" · "王小明 您好：" ·
                   "Dear Wang Xiaoming,"
"""

import re

from django.utils import translation
from django.utils.translation import pgettext

from .languages import active_language

FAMILY_NAME_FIRST = frozenset({"CN", "TW", "HK", "MO", "JP", "KR", "KP", "VN"})

_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

# The scripts a reader of each language reads a name in without transliteration.
_READS = {
    "ko": lambda text: bool(_HANGUL.search(text)),
    "ja": lambda text: bool(_HAN.search(text) or _KANA.search(text)) and not _HANGUL.search(text),
    "zh-hans": lambda text: bool(_HAN.search(text)) and not (_KANA.search(text) or _HANGUL.search(text)),
    "zh-hant": lambda text: bool(_HAN.search(text)) and not (_KANA.search(text) or _HANGUL.search(text)),
}


def _parts(person):
    """(family, given, family native, given native, country) of a participant or an account."""
    if not person:
        return "", "", "", "", ""  # nobody in particular (a template variable that is not set)
    if not hasattr(person, "family_name"):
        profile = getattr(person, "participant", None)  # an account: its profile, when it has one
        if profile is not None:
            return _parts(profile)
        if hasattr(person, "first_name"):
            return (person.last_name or "").strip(), (person.first_name or "").strip(), "", "", ""
        # One name as the person wrote it (a focal point): kept whole, in its own script.
        name = str(getattr(person, "name", "") or "").strip()
        return ("", "", name, "", "") if _HAN.search(name) or _HANGUL.search(name) else (name, "", "", "", "")
    return (
        (person.family_name or "").strip(),
        (person.given_name or "").strip(),
        (getattr(person, "family_name_native", "") or "").strip(),
        (getattr(person, "given_name_native", "") or "").strip(),
        str(getattr(person, "country", "") or "").upper(),
    )


def romanized_name(person, *, upper_family=False):
    """The Latin-letter name in the culture's order: "Wang Xiaoming", "Nguyen Van An", "John Smith";
    with `upper_family` the family name in capitals as passports and badges print it ("WANG Xiaoming")."""
    family, given, _fn, _gn, country = _parts(person)
    family = family.upper() if upper_family else family
    ordered = (family, given) if country in FAMILY_NAME_FIRST else (given, family)
    return " ".join(part for part in ordered if part)


def native_name(person, *, spaced=False):
    """The name in its own script, family name first, no space in CJK scripts: "김민지", "王小明",
    "山田太郎"; `spaced` separates a Japanese family and given name as Japanese letters address
    them ("山田 太郎 様"). A Latin-script native name keeps its spaces ("Nguyễn Văn An")."""
    _f, _g, family, given, country = _parts(person)
    if not (family or given):
        return ""
    if not (_HAN.search(family + given) or _HANGUL.search(family + given) or _KANA.search(family + given)):
        return " ".join(part for part in (family, given) if part)  # a Latin script (Vietnamese)
    joiner = " " if spaced and country == "JP" else ""
    return joiner.join(part for part in (family, given) if part)


def display_name(person, language=None):
    """The full name as a reader of `language` writes it (see the module docstring)."""
    language = active_language(language)
    native = native_name(person, spaced=language == "ja")
    reads = _READS.get(language)
    if native and reads is not None and reads(native):
        return native
    return romanized_name(person)


def greeting(person, language=None):
    """The opening line of an email: the form of address the language expects, with the name;
    a polite greeting without a name when there is none."""
    language = active_language(language)
    name = display_name(person, language)
    with translation.override(language):
        if not name:
            return pgettext("email greeting", "Hello,")
        # Translators: the opening of an email; keep the person's name and the honorific the
        # language expects ("%(name)s 님, 안녕하세요.", "%(name)s 様", "尊敬的%(name)s：").
        return pgettext("email greeting", "Dear %(name)s,") % {"name": name}


def name_lang(person):
    """The BCP 47 tag of a person's native-script name, for a lang attribute (None if unknown)."""
    _f, _g, family, given, country = _parts(person)
    return script_lang(family + given, country=country)


def script_lang(text, country=None):
    """The language a name or short text is written in, from its script and a country hint:
    Hangul "ko", kana "ja", Han characters by country ("ja", "zh-Hant", "zh-Hans")."""
    text = text or ""
    country = str(country or "").upper()
    if _HANGUL.search(text):
        return "ko"
    if _KANA.search(text):
        return "ja"
    if _HAN.search(text):
        if country == "JP":
            return "ja"
        if country in {"TW", "HK", "MO"}:
            return "zh-Hant"
        if country in {"CN", "SG"}:
            return "zh-Hans"
        if country == "KR":
            return "ko"
        return None
    return None
