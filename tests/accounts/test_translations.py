"""Every UI string of the project catalogs is translated into Korean, Simplified and Traditional Chinese and Japanese."""

import re
from pathlib import Path

import pytest

from notifications.services import notification_render

pytestmark = pytest.mark.unit

LOCALE = Path(__file__).resolve().parents[2] / "locale"


def _entries(po_text):
    """(msgid, translated?, fuzzy?) for each entry after the header; obsolete (#~) entries are skipped."""
    for block in po_text.split("\n\n")[1:]:
        lines = [line for line in block.splitlines() if not line.startswith("#~")]
        if not any(line.startswith("msgid ") for line in lines):
            continue
        msgid = re.search(r'^msgid "(.*)"', "\n".join(lines), re.M).group(1)
        strings = re.findall(r'^msgstr(?:\[\d\])? "(.*)"((?:\n".*")*)', "\n".join(lines), re.M)
        translated = all(first or rest.strip() for first, rest in strings)
        yield msgid, translated, any(line.startswith("#,") and "fuzzy" in line for line in lines)


@pytest.mark.parametrize("language", ["ko", "zh_Hans", "zh_Hant", "ja"])
def test_catalog_has_no_untranslated_or_fuzzy_strings(language):
    entries = list(_entries((LOCALE / language / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")))
    assert len(entries) > 600
    assert [msgid for msgid, translated, fuzzy in entries if not translated or fuzzy] == []


def test_there_is_one_catalog_the_project_locale():
    # An app's own locale/ folder would be outside the check above (its strings went untranslated).
    project = LOCALE.parent
    assert [str(path.relative_to(project)) for path in project.glob("*/locale")] == []


@pytest.mark.parametrize(
    ("language", "subject"),
    [
        ("ko", "교류 포털 비밀번호 재설정"),
        ("zh-hans", "重置交流门户密码"),
        ("zh-hant", "重設交流入口網站密碼"),
        ("ja", "交流ポータルのパスワード再設定"),
        ("en", "Reset your Exchange Portal password"),
    ],
)
def test_password_reset_email_rendered_in_each_language(language, subject):
    rendered_subject, text, html = notification_render(
        template="account_password_reset",
        language=language,
        context={"reset_url": "https://portal.example.org/r/", "valid_hours": 2},
    )
    assert rendered_subject == subject
    assert "https://portal.example.org/r/" in text
    assert 'href="https://portal.example.org/r/"' in html
