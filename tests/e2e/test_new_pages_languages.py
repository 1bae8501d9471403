"""The pages issues 21 and 22 added, read by the demo's own people in each of the five languages on
a 390 px phone: found (no 404, no 500), nothing wider than the screen, <html lang> right, and no
English of the interface left in the main content of a page meant to be in another language.

How a leftover is told from demo data: a piece of text (a text node, or a placeholder, label or
button value) of <main> that reads the same in English and in the other language is a leftover
when, after removing every text the database holds (what staff and the demo typed, in any
language), it still has English words that the interface's own sources hold: a msgid of the
catalogue, text in a template, or a string of the project's Python code. Names, emails, numbers,
acronyms and content typed only in English are therefore never flagged; an untranslated msgid or a
template sentence without {% translate %} is.
"""

import gettext
import io
import re
from functools import cache
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import models

from tests.e2e.logins import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["en", "ko", "zh-hans", "zh-hant", "ja"]
PO_DIR = {"ko": "ko", "zh-hans": "zh_Hans", "zh-hant": "zh_Hant", "ja": "ja"}
ROOT = Path(settings.BASE_DIR)
SKIP_DIRS = {".venv", "node_modules", "tests", "demo", "migrations", "locale", "static", ".git", "bench", "scripts"}

# Every text a person reads in <main>: text nodes, and the words of placeholders, labels and buttons.
TEXTS = """() => {
  const main = document.querySelector('main');
  if (!main) return [];
  const out = [];
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.parentElement.closest('script, style, template, noscript')) continue;
    out.push(node.textContent);
  }
  for (const el of main.querySelectorAll('[placeholder], [title], [aria-label], img[alt]')) {
    for (const name of ['placeholder', 'title', 'aria-label', 'alt']) {
      if (el.getAttribute(name)) out.push(el.getAttribute(name));
    }
  }
  for (const el of main.querySelectorAll('input[type=submit], input[type=button]')) out.push(el.value);
  return out.map(t => t.replace(/\\s+/g, ' ').trim()).filter(Boolean);
}"""
WIDEST = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > 391)
  .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 5)"""

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_RUN = re.compile(r"[A-Za-z][A-Za-z'’\-]*(?:[ ,:;.()&/]+[A-Za-z][A-Za-z'’\-]*)*")
_PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sd]|\{\w*\}")


@cache
def _catalogues():
    """The compiled translations (msgid -> msgstr) per language, and the msgids with placeholders as
    patterns. A msgid missing from a catalogue is untranslated there."""
    found = {}
    for code, folder in PO_DIR.items():
        with open(ROOT / "locale" / folder / "LC_MESSAGES" / "django.mo", "rb") as mo:
            catalog = gettext.GNUTranslations(mo)._catalog
        found[code] = {key: value for key, value in catalog.items() if isinstance(key, str) and key}
    patterns = []
    for msgid in found["ko"]:
        if _PLACEHOLDER.search(msgid):
            parts = [re.escape(part) for part in _PLACEHOLDER.split(msgid)]
            patterns.append((msgid, re.compile(".+?".join(parts))))
    return found, patterns


@cache
def _sources():
    """The interface's own text: templates and the project's Python code (not tests, not the demo)."""
    chunks = []
    for path in sorted(ROOT.rglob("*")):
        if set(path.relative_to(ROOT).parts) & SKIP_DIRS or path.suffix not in {".html", ".txt", ".py"}:
            continue
        if path.is_file():
            chunks.append(path.read_text(errors="ignore"))
    return re.sub(r"\s+", " ", "\n".join(chunks))


def _database_texts():
    """Every text the database holds, longest first: what the demo and staff typed, in any language."""
    values = set()
    for model in apps.get_models():
        if model._meta.app_label in {"notifications", "sessions", "admin"}:
            continue  # rendered emails and logs repeat the interface's own sentences
        fields = [f.attname for f in model._meta.concrete_fields if isinstance(f, (models.CharField, models.TextField))]
        if not fields:
            continue
        for row in model.objects.values_list(*fields):
            for value in row:
                if value and len(value.strip()) >= 2:
                    values.add(value.strip())
                    values.update(line.strip() for line in value.splitlines() if len(line.strip()) >= 2)
    return sorted(values, key=len, reverse=True)


def _in_sources(run):
    return re.search(rf"(?<![A-Za-z]){re.escape(run)}(?![A-Za-z])", _sources()) is not None


def _leftovers(english, other, code, database):
    """The texts of the `code` page that are English interface text left untranslated."""
    catalogue, patterns = _catalogues()
    translated = catalogue[code]
    found = []
    for text in sorted(set(english) & set(other)):
        if not any(len(w) >= 3 for w in _WORD.findall(text)) or "@" in text or "://" in text:
            continue
        msgid = text if text in translated else next((m for m, p in patterns if p.fullmatch(text)), None)
        if msgid is not None and translated[msgid] == msgid:
            continue  # a translation the same as the English is deliberate ("PDF")
        if text in database:
            continue
        rest = text
        for value in database:
            if len(value) >= 3 and value in rest:
                rest = rest.replace(value, " | ")
        for run in _RUN.findall(rest):
            words = [w for w in _WORD.findall(run) if len(w) >= 3 and not w.isupper()]
            if words and _in_sources(run):
                found.append(text)
                break
    return found


def _past():
    from workshops.models import Occurrence

    return Occurrence.objects.get(slug="sample-cjk-workshop-past")


def _application_form():
    from applications.models import OrganizationCall

    call = OrganizationCall.objects.get(occurrence__program__slug="glocalization-lecturing", occurrence__is_sample=True)
    return f"/applications/apply/{call.occurrence.slug}/"


def _application_detail():
    """An application of the requester's own local government (the demo's are of other ones)."""
    from applications.models import OrganizationApplication
    from applications.selectors import applications_of_user_organizations
    from bureau.selectors import organizations_represented_by

    requester = _user("requester@example.org")
    application = applications_of_user_organizations(requester).first()
    if application is None:
        application = OrganizationApplication.objects.order_by("pk").first()
        OrganizationApplication.objects.filter(pk=application.pk).update(
            organization=organizations_represented_by(requester).first(), submitted_by=requester
        )
    return f"/applications/{application.pk}/"


def _user(email):
    from accounts.models import User

    return User.objects.get(email=email)


_made = {}  # what a reader's pages share within one test (one meeting for the list and its page)


def _cjk_meeting():
    """China's delegation asks Japan's for a meeting at the CJK sample (an occurrence GAOK's staff manage)."""
    if "meeting" not in _made:
        _made["meeting"] = _make_cjk_meeting()
    return _made["meeting"]


def _make_cjk_meeting():
    from delegations.models import Nomination
    from meetings.services import meeting_request
    from workshops.models import CountryQuota

    china, japan = (
        CountryQuota.objects.get(occurrence__slug="sample-cjk-delegations", country=country) for country in ("CN", "JP")
    )
    head = Nomination.objects.create(
        allocation=china, family_name="Wang", given_name="Fang", email="wang@gov.example.cn"
    )
    return meeting_request(
        requester=china, counterpart=japan, topic="Sister-city cooperation", head_id=head.pk, by=None
    )


def _meeting_request():
    from workshops.models import CountryQuota

    quota = CountryQuota.objects.get(occurrence__slug="sample-cjk-delegations", country="CN")
    return f"/meetings/request/{quota.pk}/"


def _exhibit():
    from exhibitions.models import Exhibit

    exhibit = Exhibit.objects.filter(exhibition__slug="asean-rok-exhibition-2019").order_by("pk").first()
    return f"/exhibitions/asean-rok-exhibition-2019/exhibits/{exhibit.pk}/"


def _alumni_entry(email):
    from aftercare.models import AlumniEntry

    return AlumniEntry.objects.get(participant__email=email)


def _alumni_write():
    return f"/alumni/programs/cjk-trilateral-workshop/write/{_alumni_entry('official@example.org').pk}/"


def _alumni_message():
    from aftercare.alumni import alumni_message_send

    message = alumni_message_send(
        user=_user("official@example.org"),
        recipient_entry=_alumni_entry("sato.yuki@example.org"),
        body="Hello, could we meet during my visit to Kyoto?",
    )
    return f"/alumni/messages/{message.pk}/"


def _photo_removal():
    from aftercare.models import Photo

    group = Photo.objects.get(caption_en="Commemorative Group Photo of 2019 Workshop")
    photo = Photo.objects.create(
        occurrence=_past(),
        caption_en="Closing ceremony (sample)",
        image=group.image.name,
        thumbnail=group.thumbnail.name,
    )
    return f"/aftercare/photos/{photo.pk}/removal/"


def _survey_answer():
    from aftercare.models import SurveyInvitation
    from aftercare.surveys import surveys_send_due

    surveys_send_due()
    invitation = SurveyInvitation.objects.get(registration__participant__email="official@example.org")
    return f"/aftercare/surveys/{invitation.token}/"


def _survey_results():
    from aftercare.models import Survey, SurveyInvitation
    from aftercare.surveys import survey_answer, surveys_send_due

    surveys_send_due()
    survey = Survey.objects.get(occurrence=_past())
    rating, choice, *_rest = survey.questions.order_by("order")
    for invitation in SurveyInvitation.objects.filter(survey=survey):
        survey_answer(token=invitation.token, answers={rating.pk: 4, choice.pk: 0}, language="en")
    return f"/aftercare/surveys/{survey.pk}/results/"


def _speaker():
    from aftercare.models import SpeakerInvitation

    invitation = SpeakerInvitation.objects.create(occurrence=_past(), name="Sample Speaker", email="speaker@example.jp")
    return f"/aftercare/speakers/{invitation.token}/"


def _round(language):
    from cohorts.models import SpeechRound

    return SpeechRound.objects.get(
        occurrence__slug="sample-speech-contest", language=language, kind=SpeechRound.Kind.PRELIMINARY
    )


# name: (demo account or None for a visitor, the page's address or a function making its data first)
PAGES = {
    "applications": ("requester@example.org", "/applications/"),
    "application form": ("requester@example.org", _application_form),
    "application": ("requester@example.org", _application_detail),
    "meetings": ("focal.china@example.org", "/meetings/"),
    "meeting request": ("focal.china@example.org", _meeting_request),
    "meetings of an occurrence": ("staff@example.org", lambda: f"/meetings/occurrence/{_cjk_meeting().occurrence_id}/"),
    "meeting": ("staff@example.org", lambda: f"/meetings/{_cjk_meeting().pk}/"),
    "exhibition": (None, "/exhibitions/asean-rok-exhibition-2019/"),
    "exhibit": (None, _exhibit),
    "alumni": ("sato.yuki@example.org", "/alumni/"),
    "alumni directory": ("sato.yuki@example.org", "/alumni/programs/cjk-trilateral-workshop/"),
    "alumni entry": ("sato.yuki@example.org", lambda: f"/alumni/entries/{_alumni_entry('sato.yuki@example.org').pk}/"),
    "alumni write": ("sato.yuki@example.org", _alumni_write),
    "alumni message": ("sato.yuki@example.org", _alumni_message),
    "materials and photos": ("official@example.org", "/occurrences/sample-cjk-workshop-past/"),
    "photo removal": ("official@example.org", _photo_removal),
    "survey": (None, _survey_answer),
    "survey results": ("staff@example.org", _survey_results),
    "library": (None, "/library/"),
    "speaker invitation": (None, _speaker),
    "judging": ("judge.japanese@example.org", "/staff/judging/"),
    "judging round": ("judge.japanese@example.org", lambda: f"/staff/judging/rounds/{_round('ja').pk}/"),
    "contest results": (None, lambda: f"/contests/{_round('zh').occurrence_id}/results/"),
    "rotation history": (None, "/record/programs/kcj-local-governments-conference/"),
}


# The pages grouped by who reads them, in the order above: one demo load and one sign-in per reader.
READERS = {}
for _name, (_account, _path) in PAGES.items():
    READERS.setdefault(_account or "visitor", []).append(_name)


@pytest.mark.parametrize("reader", list(READERS))
def test_new_pages_in_each_language_at_phone_width(page, live_server, reader):
    call_command("load_demo", stdout=io.StringIO())
    _made.clear()
    url = live_server.url
    page.set_viewport_size({"width": 390, "height": 844})
    if reader != "visitor":
        log_in(page, url, reader)
    problems = []
    for name in READERS[reader]:
        path = PAGES[name][1]
        path = path() if callable(path) else path
        database = _database_texts()
        texts = {}
        for code in LANGUAGES:
            page.context.add_cookies([{"name": "django_language", "value": code, "url": url}])
            response = page.goto(url + path)
            if response.status in (404, 500) or response.status >= 500:
                problems.append(f"{name}, {code}: status {response.status}")
                continue
            if page.locator("html").get_attribute("lang").lower() != code:
                problems.append(f"{name}, {code}: html lang {page.locator('html').get_attribute('lang')}")
            if page.evaluate("document.documentElement.scrollWidth") > 390:
                problems.append(f"{name}, {code}: wider than 390 px: {page.evaluate(WIDEST)}")
            texts[code] = page.evaluate(TEXTS)
            if code != "en" and "en" in texts:
                leftovers = _leftovers(texts["en"], texts[code], code, database)
                if leftovers:
                    problems.append(f"{name}, {code}: English left: {leftovers}")
    assert problems == []
