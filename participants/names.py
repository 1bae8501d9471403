"""How names are written and found: the native-script name and the check-in search key.

East Asian names in Han, Hangul or Kana are written family name first with no space (李娜,
山田太郎, 김민지); other scripts keep a space (Nguyễn Văn An). A person is found by their full
name in either order, in native script or romanized, with or without spaces, with or without
diacritics ("tran thi lan" finds Trần Thị Lan): `search_key` stores every such spelling,
normalised by `name_fold`, and a query is folded the same way (participants.selectors).
"""

import re
import unicodedata

# Han (with extensions and compatibility ideographs), Hiragana, Katakana, Hangul.
_CJK = re.compile(
    "[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f]"
)
# Letters that carry no combining mark to strip: Vietnamese đ, and a few Latin-script others.
_BASE_LETTERS = str.maketrans({"đ": "d", "ð": "d", "ø": "o", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i"})
SEPARATOR = "|"


def is_cjk(text):
    return bool(text) and all(_CJK.match(ch) for ch in text if not ch.isspace())


def native_join(family, given):
    """The native-script full name: no space between CJK parts, a space otherwise."""
    family, given = (family or "").strip(), (given or "").strip()
    if not family or not given:
        return family or given
    return f"{family}{given}" if is_cjk(family) and is_cjk(given) else f"{family} {given}"


def name_fold(text):
    """Lower case, no diacritics, no spaces or punctuation: "Trần Thị Lan" -> "tranthilan"."""
    text = unicodedata.normalize("NFKD", (text or "").casefold()).translate(_BASE_LETTERS)
    return "".join(ch for ch in text if not unicodedata.combining(ch) and ch.isalnum())


def search_key(*, family_name, given_name, family_name_native, given_name_native, email):
    """Every spelling a person may be searched by, folded, joined by SEPARATOR (which no fold contains)."""
    spellings = []
    for family, given in ((family_name, given_name), (family_name_native, given_name_native)):
        spellings += [name_fold(f"{family}{given}"), name_fold(f"{given}{family}")]
    spellings.append(name_fold(email))
    unique = dict.fromkeys(s for s in spellings if s)
    return SEPARATOR.join(unique)
