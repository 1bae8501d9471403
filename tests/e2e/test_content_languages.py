"""The demo official reads the public and personal pages in each of the five languages, in
Chromium: no English sentence is left in the content outside proper names (issue 12)."""

import io

import pytest
from django.core.management import call_command

from participants.models import Registration
from tests.e2e.logins import log_in
from tests.support.english import english_runs

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["ko", "en", "zh-hans", "zh-hant", "ja"]


def _choose_language(page, code):
    page.select_option("#language-select", code)
    page.locator("form[action$='/i18n/setlang/'] button[type=submit]").click()
    page.wait_for_selector(f"html[lang='{code}']")


def test_demo_official_reads_every_page_in_each_language(page, live_server):
    call_command("load_demo", stdout=io.StringIO())
    registration = Registration.objects.get(
        participant__email="official@example.org", occurrence__slug="sample-cjk-workshop"
    )
    paths = {
        "home": "/",
        "program (CJK workshop)": "/programs/cjk-trilateral-workshop/",
        "program (ASEAN-ROK)": "/programs/asean-rok-roundtable/",
        "occurrence (open sample)": "/occurrences/sample-cjk-workshop/",
        "occurrence (ASEAN-ROK 2019)": "/occurrences/asean-rok-roundtable-2019/",
        "occurrence (Heads of Missions)": "/occurrences/heads-of-missions-2018/",
        "registration form": "/occurrences/sample-k2h-cohort/register/",
        "my registrations": "/registrations/",
        "registration": f"/registrations/{registration.pk}/",
    }
    log_in(page, live_server.url, "official@example.org")
    english = {}
    for code in LANGUAGES:
        page.goto(live_server.url + "/")
        _choose_language(page, code)
        for name, path in paths.items():
            page.goto(live_server.url + path)
            assert page.locator("html").get_attribute("lang").lower() == code, (code, name)
            text = page.inner_text("main")
            assert len(text) > 40, (code, name)
            if code != "en":
                runs = english_runs(text)
                if runs:
                    english[code, name] = runs
    assert english == {}
