"""Chromium under the strict Content-Security-Policy: the main public pages, an official's pages,
the staff admin's main pages and the API docs load without a single violation (each would be a
script that did not run or a style that did not apply)."""

import io

import pytest
from django.core.management import call_command

from tests.e2e.logins import log_in, log_in_admin
from workshops.models import Occurrence

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Registered before any page script runs; Playwright injects it outside the page's policy.
LISTEN_JS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""


def _visit(page, url, problems):
    page.goto(url)
    page.wait_for_load_state("networkidle")
    violations = page.evaluate("window.__cspViolations")
    if violations:
        problems.append(f"{url}: {violations}")


def test_main_pages_raise_no_csp_violation(page, live_server):
    call_command("load_demo", stdout=io.StringIO())
    url = live_server.url
    page.add_init_script(LISTEN_JS)
    console = []
    page.on("console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None)
    problems = []
    workshop = Occurrence.objects.get(slug="sample-cjk-workshop")
    cohort = Occurrence.objects.get(slug="sample-k2h-cohort")

    for path in [
        "/",
        "/programs/cjk-trilateral-workshop/",
        workshop.get_absolute_url(),
        "/record/",
        "/record/programs/cjk-trilateral-workshop/statistics/",
        "/about/",
        "/accounts/signup/",
        "/accounts/password/reset/",
        "/api/docs/",
    ]:
        _visit(page, url + path, problems)
    page.set_viewport_size({"width": 390, "height": 844})
    _visit(page, f"{url}/about/", problems)
    page.locator("#krds-header .btn-menu").click()  # the menu's script runs
    assert page.locator("#site-nav").is_visible()
    page.set_viewport_size({"width": 1280, "height": 900})

    log_in(page, url, "official@example.org")
    for path in ["/registrations/", "/profile/", f"/occurrences/{cohort.slug}/register/", "/bureau/"]:
        _visit(page, url + path, problems)
    page.context.clear_cookies()

    log_in_admin(page, url, "staff@example.org")
    for path in [
        "/admin/",
        f"/admin/workshops/occurrence/{workshop.pk}/change/",
        "/admin/participants/registration/",
        "/admin/notifications/notification/",
        f"/admin/workshops/occurrence/{workshop.pk}/delegations/",
    ]:
        _visit(page, url + path, problems)
    page.context.clear_cookies()
    log_in_admin(page, url, "checkin@example.org")
    _visit(page, f"{url}/staff/occurrences/{cohort.pk}/checkin/?q=a", problems)

    assert not problems, "\n".join(problems)
    assert not console, console
