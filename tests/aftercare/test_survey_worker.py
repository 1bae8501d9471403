"""The evaluation survey goes out through the real beat and worker: beat runs aftercare.send_surveys,
the worker sends the outbox rows, and the SMTP server receives each attendee's email in their language."""

import datetime

import pytest
from django.utils import timezone

from aftercare.models import Question, Survey, SurveyInvitation
from tests.cohorts.factories import hosted_occurrence, registration_in
from tests.factories import OrganizationFactory
from tests.support.workers import BeatProcess, restore_periodic_jobs, schedule_every, wait_until

pytestmark = [pytest.mark.worker]


def test_beat_sends_the_survey_after_the_last_day(celery_worker_process, smtp_server, settings):
    today = timezone.localdate()
    occurrence = hosted_occurrence(
        OrganizationFactory(),
        title_en="Autumn Workshop",
        title_ja="秋のワークショップ",
        start_date=today - datetime.timedelta(days=2),
        end_date=today - datetime.timedelta(days=1),
    )
    survey = Survey.objects.create(occurrence=occurrence, title_en="Evaluation", is_active=True)
    Question.objects.create(survey=survey, kind="rating", text_en="Useful?")
    japanese = registration_in(
        occurrence, status="attended", country="JP", preferred_language="ja", email="sato@example.org"
    )
    registration_in(occurrence, status="attended", country="KR", preferred_language="ko", email="kim@example.org")
    registration_in(occurrence, status="no_show", country="KR", email="absent@example.org")

    restore_periodic_jobs()
    assert schedule_every(1, tasks=["aftercare.send_surveys"]) == ["aftercare.send_surveys"]
    beat = BeatProcess(broker_url=settings.CELERY_BROKER_URL).start()
    try:
        wait_until(lambda: len(smtp_server.messages) >= 2, timeout=60)
    finally:
        beat.stop()
    [received] = smtp_server.received_by("sato@example.org")
    assert received["Subject"].strip() == "秋のワークショップはいかがでしたか。簡単な評価アンケート"
    token = SurveyInvitation.objects.get(registration=japanese).token
    assert f"/aftercare/surveys/{token}/" in received.get_body(("plain",)).get_content()
    assert len(smtp_server.received_by("kim@example.org")) == 1
    assert smtp_server.received_by("absent@example.org") == []
    survey.refresh_from_db()
    assert survey.sent_at is not None
