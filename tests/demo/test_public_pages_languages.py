"""Every public page of the demo, in each language but English, has no English sentence in its
content outside proper names; the detector itself is checked on what it must and must not flag."""

import io

import pytest
from django.core.management import call_command

from programs.models import Program
from tests.support.english import english_runs, main_text
from workshops.models import Occurrence

LANGUAGES = ["ko", "zh-hans", "zh-hant", "ja"]


@pytest.mark.django_db
def test_every_program_and_occurrence_page_is_free_of_english(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())
    urls = ["/"]
    urls += [p.get_absolute_url() for p in Program.objects.all()]
    urls += [o.get_absolute_url() for o in Occurrence.objects.all()]
    found = {}
    for language in LANGUAGES:
        for url in urls:
            response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
            assert response.status_code == 200, url
            runs = english_runs(main_text(response.content.decode()))
            if runs:
                found[language, url] = runs
    assert len(urls) > 30
    assert found == {}


def test_english_runs_flags_sentences_and_spares_proper_names():
    assert english_runs("한국 서울 Introduction of the current status 현황") == ["Introduction of the current status"]
    assert english_runs("講師 YAMAMOTO Yasushi、Dr. CHUNG Sang Ki、KT 5G、BEXCO、Biz Portal") == []
    assert english_runs("京畿道人才开发院院长Kim Bok Ho与台北市") == []
    assert english_runs("Two words 그리고 a b") == []
    assert english_runs("언어 en, zh, ja") == []


pytestmark = [pytest.mark.integration]
