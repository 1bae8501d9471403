"""Travel details reminders by the occurrence's due date: to accepted officials without travel
details, each step once, through the outbox, in the recipient's language."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from notifications.models import Notification
from participants.reminders import reminders_queue
from programs.models import Program
from tests.factories import OccurrenceFactory, ParticipantFactory, ProgramFactory, RegistrationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]

TODAY = datetime.date(2031, 3, 10)
DAY = datetime.timedelta(days=1)


def _keys():
    return sorted(k for k in Notification.objects.values_list("key", flat=True) if k.startswith("reminder:followup"))


@pytest.fixture
def occurrence():
    start = TODAY + 40 * DAY
    return OccurrenceFactory(
        program=ProgramFactory(kind=Program.Kind.WORKSHOP),
        title_en="CJK Workshop 30",
        title_ko="제30회 한중일 워크숍",
        title_ja="第30回日中韓ワークショップ",
        start_date=start,
        end_date=start + DAY,
        travel_details_due=TODAY + 10 * DAY,
    )


def test_reminded_a_week_before_the_due_date_and_on_it_once_each_in_their_language(
    occurrence, django_capture_on_commit_callbacks
):
    korean = RegistrationFactory(
        occurrence=occurrence, status="accepted", participant=ParticipantFactory(preferred_language="ko")
    )
    japanese = RegistrationFactory(
        occurrence=occurrence, status="accepted", participant=ParticipantFactory(preferred_language="ja")
    )
    RegistrationFactory(occurrence=occurrence, status="accepted", followup_completed_at=timezone.now())
    RegistrationFactory(occurrence=occurrence, status="waitlisted")

    with django_capture_on_commit_callbacks(execute=True):
        reminders_queue(today=TODAY)  # 10 days before the due date: nothing yet
    assert _keys() == []

    with django_capture_on_commit_callbacks(execute=True):
        for day in (3, 4, 5):  # a week before, and the days after it: one reminder
            reminders_queue(today=TODAY + day * DAY)
    assert _keys() == [f"reminder:followup:{korean.pk}:due7d", f"reminder:followup:{japanese.pk}:due7d"]

    with django_capture_on_commit_callbacks(execute=True):
        for day in (10, 11, 12):  # the due date and later: one more
            reminders_queue(today=TODAY + day * DAY)
    assert _keys() == [
        f"reminder:followup:{korean.pk}:due0d",
        f"reminder:followup:{korean.pk}:due7d",
        f"reminder:followup:{japanese.pk}:due0d",
        f"reminder:followup:{japanese.pk}:due7d",
    ]
    sent = {m.to[0]: m for m in mail.outbox if m.extra_headers["X-Notification-Key"].startswith("reminder:followup")}
    assert len([m for m in mail.outbox if "followup" in m.extra_headers["X-Notification-Key"]]) == 4
    korean_mail = [m for m in mail.outbox if m.to == [korean.participant.email]]
    assert len(korean_mail) == 2
    assert "제30회 한중일 워크숍" in korean_mail[0].subject
    assert "2031년 3월 20일까지 보내 주십시오." in korean_mail[0].body
    assert f"/registrations/{korean.pk}/travel/" in korean_mail[0].body
    assert "第30回日中韓ワークショップ" in sent[japanese.participant.email].subject
    assert "2031年3月20日までにお送りください。" in sent[japanese.participant.email].body


def test_no_reminder_once_the_travel_details_are_sent(occurrence, django_capture_on_commit_callbacks):
    registration = RegistrationFactory(occurrence=occurrence, status="accepted")
    with django_capture_on_commit_callbacks(execute=True):
        reminders_queue(today=TODAY + 3 * DAY)
    registration.followup_completed_at = timezone.now()
    registration.save()
    with django_capture_on_commit_callbacks(execute=True):
        reminders_queue(today=TODAY + 10 * DAY)
    assert _keys() == [f"reminder:followup:{registration.pk}:due7d"]
