"""The operator reads the outbox's health above the notifications list: in each language, on a phone."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from notifications.models import Notification
from notifications.services import notifications_drain_outbox
from tests.e2e.logins import log_in_admin
from tests.support.workers import restore_periodic_jobs

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DEMO_PASSWORD = "exchange-portal-demo"
HEADINGS = {
    "en": ("Outbox: needs attention", "Outbox: healthy"),
    "ko": ("발송함: 확인 필요", "발송함: 정상"),
    "zh-hans": ("发件箱：需要处理", "发件箱：正常"),
    "ja": ("送信待ち: 要確認", "送信待ち: 正常"),
}
LABEL = {
    "en": "Last successful drain run",
    "ko": "마지막 재처리 성공",
    "zh-hans": "最近一次成功补发",
    "ja": "最後に成功した再処理",
}


def _stuck_row():
    row = Notification.objects.create(
        key="stuck:1",
        template="registration_received",
        recipient="stuck@example.org",
        language="en",
        subject="s",
        body_text="b",
    )
    old = timezone.now() - timezone.timedelta(minutes=30)
    Notification.objects.filter(pk=row.pk).update(created_at=old, updated_at=old)


@pytest.mark.parametrize("language", list(HEADINGS))
def test_outbox_health_reads_in_each_language_at_phone_width(page, live_server, language):
    restore_periodic_jobs()  # the drain's schedule, as migrated (an earlier browser test emptied the tables)
    call_command("load_demo", stdout=io.StringIO())
    _stuck_row()
    page.set_viewport_size({"width": 390, "height": 844})
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    log_in_admin(page, live_server.url, "admin@example.org")

    page.goto(f"{live_server.url}/admin/notifications/notification/")
    panel = page.locator("section.outbox-health")
    needs_attention, healthy = HEADINGS[language]
    assert panel.locator("h2").inner_text() == needs_attention
    assert LABEL[language] in panel.inner_text()
    assert panel.locator("ul.errorlist li").count() == 2  # the drain never ran; one row is overdue
    box = panel.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390  # nothing cut off on a phone
    page.screenshot(path=f"/tmp/outbox-health-{language}.png", full_page=False)

    notifications_drain_outbox()  # what beat does every minute
    page.reload()
    assert panel.locator("h2").inner_text() == healthy
    assert panel.locator("ul.errorlist").count() == 0
