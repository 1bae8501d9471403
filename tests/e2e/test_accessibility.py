"""Accessibility held by axe-core (the npm package, injected by Playwright from node_modules) on
the public pages, in each of the five languages, at 1280 and 390 px: any serious or critical
violation fails, named with the page, the rule and the first elements it found; so does a page
wider than the screen."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.e2e.logins import log_in
from workshops.models import Occurrence

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LANGUAGES = ("ko", "en", "zh-hans", "zh-hant", "ja")
WIDTHS = (1280, 390)
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.1 A and AA, which KWCAG 2.2 follows.
RUN_AXE_JS = """
async () => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}});
  return result.violations
    .filter(v => v.impact === "serious" || v.impact === "critical")
    .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", ")}`);
}
"""


def _check(page, url, where, problems):
    page.goto(url)
    # evaluate() runs outside the page's Content-Security-Policy, which refuses inline scripts.
    page.evaluate(AXE.read_text())
    for violation in page.evaluate(RUN_AXE_JS):
        problems.append(f"{where}: {violation}")
    # Nothing wider than the screen: no sideways scrolling at any width.
    screen, page_width = page.evaluate("[window.innerWidth, document.documentElement.scrollWidth]")
    if page_width > screen:
        problems.append(f"{where}: the page is {page_width} px wide")


def _public_pages(url):
    workshop = Occurrence.objects.get(slug="sample-cjk-workshop")
    return {
        "home": f"{url}/",
        "program": f"{url}/programs/cjk-trilateral-workshop/",
        "occurrence": url + workshop.get_absolute_url(),
        "sign-up": f"{url}/accounts/signup/",
        "log-in": f"{url}/accounts/login/",
        "password reset": f"{url}/accounts/password/reset/",
        "certificate verification": f"{url}/verify/no-such-token/",
        "not found": f"{url}/no-such-page/",
        "about": f"{url}/about/",
        "privacy": f"{url}/privacy/",
        "library": f"{url}/library/",
        "exhibition": f"{url}/exhibitions/asean-rok-exhibition-2019/",
    }


def _official_pages(url):
    cohort = Occurrence.objects.get(slug="sample-k2h-cohort")
    return {
        "registration": f"{url}/occurrences/{cohort.slug}/register/",
        "my registrations": f"{url}/registrations/",
        "profile": f"{url}/profile/",
        "bureau": f"{url}/bureau/",
        "bureau request": f"{url}/bureau/new/",
        "alumni": f"{url}/alumni/",
        "alumni directory": f"{url}/alumni/programs/cjk-trilateral-workshop/",
        "materials and photos": f"{url}/occurrences/sample-cjk-workshop-past/",
    }


@pytest.mark.parametrize("width", WIDTHS)
def test_public_pages_have_no_serious_accessibility_violation(page, live_server, width):
    call_command("load_demo", stdout=io.StringIO())
    page.set_viewport_size({"width": width, "height": 900})
    problems = []
    for language in LANGUAGES:
        page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
        for name, address in _public_pages(live_server.url).items():
            _check(page, address, f"{language} {width}px {name}", problems)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width", WIDTHS)
def test_officials_pages_have_no_serious_accessibility_violation(page, live_server, width):
    call_command("load_demo", stdout=io.StringIO())
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server.url, "official@example.org")
    problems = []
    for language in LANGUAGES:
        page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
        for name, address in _official_pages(live_server.url).items():
            _check(page, address, f"{language} {width}px {name}", problems)
    assert not problems, "\n".join(problems)
