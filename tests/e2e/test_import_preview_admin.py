"""The demo's GAOK staff member previews a delegate list that updates one delegate and adds another:
the preview names every row and shows what changes, old and new, on a laptop screen (issue 11.7)."""

import pytest

from tests.e2e.logins import log_in_admin
from tests.e2e.test_delegate_import_admin import GOOD, _csv, _upload

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DEMO_PASSWORD = "exchange-portal-demo"
TEXT = {
    "en": ("will be updated", "will be created", "no change"),
    "ko": ("갱신됨", "새로 만들어짐", "변경 없음"),
}


@pytest.mark.parametrize("language", ["en", "ko"])
def test_preview_names_each_row_and_shows_the_changes(page, live_server, tmp_path, language):
    import io

    from django.core.management import call_command

    call_command("load_demo", stdout=io.StringIO())
    page.set_viewport_size({"width": 1366, "height": 768})
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    log_in_admin(page, live_server.url, "staff@example.org")
    same = {**GOOD, "email": "sora.han@gg.example.org", "family_name": "Han", "given_name": "Sora",
            "family_name_native": "한", "given_name_native": "소라"}  # fmt: skip
    _upload(page, live_server.url, _csv(tmp_path, "first.csv", GOOD, same))
    page.locator("input[name=confirm]").click()
    page.wait_for_selector("#result_list, .messagelist")

    new = {**GOOD, "email": "minho.choi@gg.example.org", "family_name": "Choi", "given_name": "Minho",
           "family_name_native": "최", "given_name_native": "민호"}  # fmt: skip
    _upload(page, live_server.url, _csv(tmp_path, "second.csv", {**GOOD, "position": "Director"}, same, new))
    rows = page.locator("#rosters-dry-run tbody tr")
    updated, unchanged, created = rows.nth(0).inner_text(), rows.nth(1).inner_text(), rows.nth(2).inner_text()
    assert "PARK Jiwoo (박지우)" in updated and TEXT[language][0] in updated
    assert "Officer" in updated and "Director" in updated
    assert (
        rows.nth(0).locator("del").inner_text() == "Officer" and rows.nth(0).locator("ins").inner_text() == "Director"
    )
    assert "HAN Sora (한소라)" in unchanged and TEXT[language][2] in unchanged
    assert "CHOI Minho (최민호)" in created and TEXT[language][1] in created and "International Cooperation" in created
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366  # fits a laptop screen
