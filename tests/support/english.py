"""Find English sentences left in a page meant to be in another language.

A run of three or more Latin-script words is taken for an English sentence, unless it is a
proper name or acronym the content keeps in every language (people's names as the seeds write
them, BEXCO, "Biz Portal", the 3Ps). Used by the test-client checks (tests/demo/) and the
browser test (tests/e2e/test_content_languages.py).
"""

import html
import re

# Names and terms that stay in Latin script in every language (the seeds' romanisation).
PROPER_NAMES = (
    "YAMAMOTO Yasushi",
    "Dr. CHUNG Sang Ki",
    "Yoon Young-chan",
    "Pak Un-jong",
    "Yoon Jong-won",
    "Chung Eui-yong",
    "Kim Boo-kyum",
    "Chin Young",
    "Tjahjo Kumolo",
    "Khammanh Sounvileuth",
    "Kim Bok Ho",
    "Qu Zhao-Xoang",
    "Soo-Young Park",
    "Ko Wen-je",
    "Zhou Li-Fang",
    "Biz Portal",
    "People, Peace and Prosperity",
    "Exchange Portal",
    "Excel (XLSX)",
)
_WORD = r"[A-Za-z][A-Za-z'’.\-]*"
_RUN = re.compile(rf"{_WORD}(?:[ \t,:;/&()]+{_WORD}){{2,}}")


def visible_text(markup):
    """The text of an HTML fragment, without tags, scripts or styles, entities decoded."""
    markup = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", markup)
    markup = re.sub(r"(?s)<[^>]+>", " ", markup)
    return re.sub(r"\s+", " ", html.unescape(markup)).strip()


def main_text(markup):
    match = re.search(r"(?s)<main\b[^>]*>(.*)</main>", markup)
    return visible_text(match.group(1) if match else markup)


def english_runs(text):
    """Runs of 3+ Latin words that are not an allowed proper name."""
    for name in PROPER_NAMES:
        text = text.replace(name, " ")
    runs = []
    for run in _RUN.findall(text):
        words = re.findall(_WORD, run)
        # Language codes ("en, zh, ja") are not a sentence; naming languages is a formatting matter.
        if len(words) >= 3 and not all(re.fullmatch(r"[a-z]{2}", word) for word in words):
            runs.append(run)
    return runs
