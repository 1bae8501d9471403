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


def _occurrence(days_ahead, **kwargs):
    start = TODAY + datetime.timedelta(days=days_ahead)
    return OccurrenceFactory(start_date=start, end_date=start, **kwargs)


def _keys():
    return sorted(Notification.objects.values_list("key", flat=True))


def test_start_reminders_go_to_accepted_registrations_7_and_1_days_ahead(django_capture_on_commit_callbacks):
    in_7 = RegistrationFactory(occurrence=_occurrence(7, title_en="Seven"), status="accepted")
    in_1 = RegistrationFactory(occurrence=_occurrence(1), status="accepted")
    RegistrationFactory(occurrence=_occurrence(8), status="accepted")
    RegistrationFactory(occurrence=in_7.occurrence, status="waitlisted")
    RegistrationFactory(occurrence=_occurrence(3, is_cancelled=True), status="accepted")

    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_queue(today=TODAY)["start"] == 2

    assert {k for k in _keys() if k.startswith("reminder:start")} == {
        f"reminder:start:{in_7.pk}:7d",
        f"reminder:start:{in_1.pk}:1d",
    }
    subjects = sorted(
        m.subject for m in mail.outbox if m.extra_headers["X-Notification-Key"].startswith("reminder:start")
    )
    assert subjects == [f"{in_1.occurrence.title} starts tomorrow", "Seven starts in 7 days"]


def test_running_the_daily_job_again_sends_nothing_twice(django_capture_on_commit_callbacks):
    registration = RegistrationFactory(occurrence=_occurrence(5), status="accepted")
    with django_capture_on_commit_callbacks(execute=True):
        reminders_queue(today=TODAY)
        reminders_queue(today=TODAY)
        reminders_queue(today=TODAY + datetime.timedelta(days=1))
    assert [k for k in _keys() if k.startswith("reminder:start")] == [f"reminder:start:{registration.pk}:7d"]
    with django_capture_on_commit_callbacks(execute=True):
        reminders_queue(today=TODAY + datetime.timedelta(days=4))
    assert [k for k in _keys() if k.startswith("reminder:start")] == [
        f"reminder:start:{registration.pk}:1d",
        f"reminder:start:{registration.pk}:7d",
    ]
    assert len([m for m in mail.outbox if m.extra_headers["X-Notification-Key"].startswith("reminder:start")]) == 2


def test_followup_reminder_only_for_accepted_without_travel_details_in_programs_that_ask():
    workshop = ProgramFactory(kind=Program.Kind.WORKSHOP)
    research = ProgramFactory(kind=Program.Kind.RESEARCH)
    missing = RegistrationFactory(occurrence=_occurrence(10, program=workshop), status="accepted")
    RegistrationFactory(occurrence=missing.occurrence, status="accepted", followup_completed_at=timezone.now())
    RegistrationFactory(occurrence=_occurrence(10, program=research), status="accepted")
    RegistrationFactory(occurrence=_occurrence(30, program=workshop), status="accepted")

    assert reminders_queue(today=TODAY)["followup"] == 1
    assert [k for k in _keys() if k.startswith("reminder:followup")] == [f"reminder:followup:{missing.pk}:21d"]
    notification = Notification.objects.get(key=f"reminder:followup:{missing.pk}:21d")
    assert f"/registrations/{missing.pk}/travel/" in notification.body_text


def test_deadline_reminder_goes_to_alumni_who_have_not_registered_in_their_language():
    program = ProgramFactory(kind=Program.Kind.WORKSHOP)
    past = OccurrenceFactory(program=program, start_date=datetime.date(2020, 5, 1), end_date=datetime.date(2020, 5, 2))
    now = timezone.now()
    upcoming = OccurrenceFactory(
        program=program,
        registration_opens_at=now - datetime.timedelta(days=10),
        registration_closes_at=now + datetime.timedelta(days=3),
        title_en="Next",
        title_ko="다음 워크숍",
    )
    alumnus = ParticipantFactory(preferred_language="ko")
    RegistrationFactory(participant=alumnus, occurrence=past, status="completed")
    already = ParticipantFactory()
    RegistrationFactory(participant=already, occurrence=past, status="completed")
    RegistrationFactory(participant=already, occurrence=upcoming, status="submitted")
    rejected = ParticipantFactory()
    RegistrationFactory(participant=rejected, occurrence=past, status="rejected")

    assert reminders_queue(today=timezone.localdate())["deadline"] == 1
    notification = Notification.objects.get(key__startswith="reminder:deadline")
    assert notification.key == f"reminder:deadline:{upcoming.pk}:{alumnus.pk}:7d"
    assert notification.recipient == alumnus.email
    assert notification.language == "ko"
    assert "다음 워크숍" in notification.subject
    assert '<html lang="ko">' in notification.body_html


def test_deadline_reminder_skips_alumni_the_program_no_longer_admits_and_anonymised_ones():
    from reports.retention import participant_anonymise

    program = ProgramFactory(eligible_countries=["KR", "JP", "CN"], excluded_countries=["CN"])
    past = OccurrenceFactory(program=program, start_date=datetime.date(2020, 5, 1), end_date=datetime.date(2020, 5, 2))
    now = timezone.now()
    upcoming = OccurrenceFactory(
        program=program,
        registration_opens_at=now - datetime.timedelta(days=10),
        registration_closes_at=now + datetime.timedelta(days=3),
    )
    OccurrenceFactory(  # closes in more than 7 days: no reminder yet
        program=program,
        registration_opens_at=now - datetime.timedelta(days=10),
        registration_closes_at=now + datetime.timedelta(days=8),
    )
    alumni = {code: ParticipantFactory(country=code) for code in ("KR", "JP", "CN", "VN")}
    for participant in alumni.values():
        RegistrationFactory(participant=participant, occurrence=past, status="attended")
    anonymised = ParticipantFactory(country="KR")
    RegistrationFactory(participant=anonymised, occurrence=past, status="completed")
    participant_anonymise(participant=anonymised)

    assert reminders_queue(today=timezone.localdate())["deadline"] == 2
    assert sorted(
        Notification.objects.filter(key__startswith="reminder:deadline").values_list("key", flat=True)
    ) == sorted(f"reminder:deadline:{upcoming.pk}:{alumni[code].pk}:7d" for code in ("KR", "JP"))
