"""The focal point's and the nominee's pages in each of the five languages on a 390 px phone:
translated, and nothing wider than the screen."""

import io
import re

import pytest
from django.core import mail
from django.core.management import call_command

from accounts.models import User
from delegations.services import nominations_create
from tests.e2e.logins import log_in
from workshops.models import CountryQuota

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DEMO_PASSWORD = "exchange-portal-demo"
# The heading of the nominee list, the substitute button and the invitation's account form.
TEXT = {
    "en": ("Nominees", "Substitute", "Create your account"),
    "ko": ("피추천자", "교체", "계정 만들기"),
    "ja": ("被推薦者", "交代", "アカウントを作成"),
    "zh-hans": ("被推荐人", "替换", "创建账户"),
    "zh-hant": ("被推薦人", "替換", "建立帳戶"),
}


WIDEST = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > 391)
  .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 5)"""


def _fits(page):
    return page.evaluate("document.documentElement.scrollWidth") <= 390 or page.evaluate(WIDEST)


@pytest.mark.parametrize("language", list(TEXT))
def test_delegation_pages_in_each_language_at_phone_width(page, live_server, language):
    call_command("load_demo", stdout=io.StringIO())
    china = CountryQuota.objects.get(occurrence__slug="sample-cjk-delegations", country="CN")
    nominations_create(
        allocation=china,
        nominees=[
            {"family_name": "Sun", "given_name": "Qian", "email": "sun.qian@gov.example.cn", "language": language}
        ],
        by=User.objects.get(email="focal.china@example.org"),
    )
    nominees, substitute, account = TEXT[language]
    url = live_server.url
    page.set_viewport_size({"width": 390, "height": 844})
    page.context.add_cookies([{"name": "django_language", "value": language, "url": url}])
    log_in(page, url, "focal.china@example.org")

    page.goto(f"{url}/delegations/")
    assert page.locator("html").get_attribute("lang").lower() == language  # zh-Hans as BCP 47 writes it
    assert _fits(page), "home"
    page.locator(".allocation-link").click()
    page.wait_for_selector("#nominees")
    assert page.locator("main h2").first.inner_text() == nominees
    assert page.locator(".substitute-link").inner_text() == substitute
    assert _fits(page) is True, "allocation"
    page.screenshot(path=f"/tmp/deleg_allocation_{language}.png", full_page=True)
    page.locator(".substitute-link").click()
    page.wait_for_selector("#substitute-form")
    assert _fits(page), "substitute"

    # The nominee's invitation, in the language the focal point chose for them.
    (invitation,) = [m for m in mail.outbox if m.to == ["sun.qian@gov.example.cn"]]
    link = re.search(r"http://\S+/invitations/\S+/", invitation.body).group(0)
    page.context.clear_cookies()
    page.context.add_cookies([{"name": "django_language", "value": language, "url": url}])
    page.goto(link)
    assert page.locator("main h2").inner_text() == account
    assert _fits(page), "invitation"
