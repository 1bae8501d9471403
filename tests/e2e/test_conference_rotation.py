"""The conference rotation in Chromium: staff (not a superuser) propose the next edition of the
Korea-China-Japan conference from the demo's edition hosted by China and get Japan, the next
country of the rotation; the public history shows the rotation at 390 px in five languages."""

import io

import pytest
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext

from formats.languages import country_name
from tests.e2e.logins import log_in_admin
from workshops.models import Occurrence

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LANGUAGES = ("ko", "en", "zh-hans", "zh-hant", "ja")


def test_staff_propose_the_next_edition_in_the_next_country(page, live_server):
    call_command("load_demo", stdout=io.StringIO())
    china = Occurrence.objects.get(slug="sample-kcj-conference-china")
    log_in_admin(page, live_server.url, "staff@example.org")
    page.goto(f"{live_server.url}/admin/workshops/occurrence/?program__id__exact={china.program_id}")
    page.check(f"input[name=_selected_action][value='{china.pk}']")
    page.select_option("select[name=action]", "next_edition")
    page.locator("button[name=index]").click()
    page.wait_for_selector(".messagelist .success")

    proposed = Occurrence.objects.get(program=china.program, number=2)
    assert str(proposed.country) == "JP" and proposed.year == china.year + 1 and proposed.is_sample
    assert f"/admin/workshops/occurrence/{proposed.pk}/change/" in page.url

    page.set_viewport_size({"width": 390, "height": 844})
    problems = []
    for language in LANGUAGES:
        page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
        page.goto(f"{live_server.url}/record/programs/kcj-local-governments-conference/")
        rotation = page.locator("#rotation").inner_text()
        names = [country_name(code, language) for code in ("CN", "JP", "KR")]
        with translation.override(language):
            next_host = gettext("Next host: %(country)s.") % {"country": names[2]}
        if " → ".join(names) not in rotation:
            problems.append(f"{language}: rotation reads {rotation!r}")
        if next_host not in rotation:  # after Japan comes Korea
            problems.append(f"{language}: next host in {rotation!r}")
        if page.evaluate("document.documentElement.scrollWidth") > 390:
            problems.append(f"{language}: wider than the screen")
    assert not problems, "\n".join(problems)
