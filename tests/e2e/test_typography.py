"""Typography at phone width (390 px) in each of the five languages, as the demo's official sees
the home, program, occurrence, registration and "My registrations" pages in Chromium:

- no word is broken across lines: no Korean word (a run of Hangul) and no Latin word anywhere in
  the page's main part, and no header cell of a table, is split between two lines ("참/가/자");
  measured per character with Range.getClientRects();
- every date on a page is written in the language's one long form ("2028년 5월 20일",
  "May 20, 2028"), never "11/30/2026", "2028-05-19" or "8:01 p.m.", and times carry KST;
- the page says its language and is set in that language's CJK face (Noto Sans KR/JP/SC/TC),
  with keep-all for Korean and strict line breaking for Japanese."""

import io
import re

import pytest
from django.core.management import call_command

from programs.models import Program
from tests.e2e.logins import log_in
from workshops.models import Occurrence

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LANGUAGES = ("ko", "en", "zh-hans", "zh-hant", "ja")
PASSWORD = "exchange-portal-demo"

# The words of a text node and of every table header cell, each with the line (top) of every character.
BROKEN_WORDS_JS = r"""
() => {
  const broken = [];
  const lineOf = (node, index) => {
    const range = document.createRange();
    range.setStart(node, index);
    range.setEnd(node, index + 1);
    const rects = Array.from(range.getClientRects()).filter(r => r.width > 0);
    return rects.length ? Math.round(rects[0].top) : null;
  };
  const splitWord = (node, start, end) => {
    const tops = new Set();
    for (let i = start; i < end; i++) {
      const top = lineOf(node, i);
      if (top !== null) tops.add(top);
    }
    return tops.size > 1;
  };
  const visible = el => el && el.offsetParent !== null;
  const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
  const word = /[\uac00-\ud7af]{2,}|[A-Za-z]{2,}/g;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!visible(node.parentElement)) continue;
    for (const match of node.data.matchAll(word)) {
      if (splitWord(node, match.index, match.index + match[0].length)) broken.push(match[0]);
    }
  }
  // Table headers: every label (CJK labels have no spaces) stays on one line.
  for (const th of document.querySelectorAll("main th")) {
    const inner = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
    for (let node = inner.nextNode(); node; node = inner.nextNode()) {
      for (const match of node.data.matchAll(/\S+/g)) {
        if (splitWord(node, match.index, match.index + match[0].length)) broken.push("th: " + match[0]);
      }
    }
  }
  return broken;
}
"""

STYLE_JS = """
() => {
  const style = getComputedStyle(document.body);
  return {lang: document.documentElement.lang, font: style.fontFamily, wordBreak: style.wordBreak,
          lineBreak: style.lineBreak, scrollWidth: document.documentElement.scrollWidth};
}
"""

# Date forms that must not appear, and the language's own long form.
FOREIGN_FORMS = [
    re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b"),  # 11/30/2026
    re.compile(r"\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b"),  # 2028-05-19, 2028/05/19
    re.compile(r"\b[ap]\.m\.|\b[AP]M\b|오전|오후|午前|午後|上午|下午"),  # 12-hour clocks
    re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.\s"),  # "Dec. 10"
]
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
LONG_FORM = {
    "en": re.compile(rf"\b(?:{MONTHS}) \d{{1,2}}(?:–\d{{1,2}})?, \d{{4}}\b|\b(?:{MONTHS}) \d{{4}}\b"),
    "ko": re.compile(r"\d{4}년 \d{1,2}월(?: \d{1,2}일)?"),
    "ja": re.compile(r"\d{4}年\d{1,2}月(?:\d{1,2}日)?"),
    "zh-hans": re.compile(r"\d{4}年\d{1,2}月(?:\d{1,2}日)?"),
    "zh-hant": re.compile(r"\d{4}年\d{1,2}月(?:\d{1,2}日)?"),
}
FACE = {"ko": "Noto Sans KR", "ja": "Noto Sans JP", "zh-hans": "Noto Sans SC", "zh-hant": "Noto Sans TC"}


def _pages(url):
    workshop = Occurrence.objects.get(slug="sample-cjk-workshop")
    return {
        "home": f"{url}/",
        "program": url + Program.objects.get(slug="cjk-trilateral-workshop").get_absolute_url(),
        "occurrence": url + workshop.get_absolute_url(),
        "registration": f"{url}/occurrences/sample-k2h-cohort/register/",
        "my registrations": f"{url}/registrations/",
    }


def test_no_word_broken_and_one_date_form_per_page_at_phone_width(page, live_server):
    call_command("load_demo", stdout=io.StringIO())
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, live_server.url, "official@example.org", PASSWORD)

    problems = []
    for language in LANGUAGES:
        page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
        for name, address in _pages(live_server.url).items():
            page.goto(address)
            where = f"{language} {name}"
            style = page.evaluate(STYLE_JS)
            if style["lang"].lower() != language:
                problems.append(f"{where}: html lang={style['lang']}")
            if language in FACE and FACE[language] not in style["font"]:
                problems.append(f"{where}: font {style['font']}")
            if language == "ko" and style["wordBreak"] != "keep-all":
                problems.append(f"{where}: word-break {style['wordBreak']}")
            if language == "ja" and style["lineBreak"] != "strict":
                problems.append(f"{where}: line-break {style['lineBreak']}")
            if style["scrollWidth"] > 390:
                problems.append(f"{where}: the page is {style['scrollWidth']} px wide")
            broken = page.evaluate(BROKEN_WORDS_JS)
            if broken:
                problems.append(f"{where}: words broken across lines: {broken[:8]}")
            text = page.inner_text("main")
            for form in FOREIGN_FORMS:
                if form.search(text):
                    problems.append(f"{where}: a date or time in another form: {form.findall(text)[:3]}")
            if not LONG_FORM[language].search(text):
                problems.append(f"{where}: no date in the language's long form")
            if name == "occurrence" and not re.search(r"\d{1,2}:\d{2} KST", text):
                problems.append(f"{where}: the registration window has no time with its zone")
    assert not problems, "\n".join(problems)
