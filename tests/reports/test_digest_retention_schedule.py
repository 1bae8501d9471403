import datetime

import pytest
from django.core import mail
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from notifications.models import Notification
from participants.models import Participant, Registration
from reports.digest import digests_send_weekly
from reports.retention import participants_purge_expired
from tests.factories import OccurrenceFactory, OrganizationFactory, ProgramFactory, RegistrationFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def test_beat_schedule_has_every_periodic_job():
    tasks = dict(PeriodicTask.objects.filter(enabled=True).values_list("task", "name"))
    assert {
        "notifications.drain_outbox",
        "participants.send_reminders",
        "reports.send_staff_digest",
        "reports.expire_reports",
        "reports.purge_personal_data",
    } <= set(tasks)
    drain = PeriodicTask.objects.get(task="notifications.drain_outbox")
    assert (drain.interval.every, drain.interval.period) == (1, "minutes")
    digest = PeriodicTask.objects.get(task="reports.send_staff_digest")
    assert (digest.crontab.minute, digest.crontab.hour, digest.crontab.day_of_week) == ("0", "8", "1")


def test_weekly_digest_shows_each_staff_member_their_own_programs_once_a_week(django_capture_on_commit_callbacks):
    mine, theirs = OrganizationFactory(), OrganizationFactory()
    own, other = ProgramFactory(), ProgramFactory()
    own.hosts.add(mine)
    other.hosts.add(theirs)
    own_occurrence = OccurrenceFactory(program=own, title_en="Own Workshop")
    RegistrationFactory.create_batch(2, occurrence=own_occurrence, status="submitted")
    RegistrationFactory(occurrence=own_occurrence, status="waitlisted")
    RegistrationFactory(occurrence=OccurrenceFactory(program=other, title_en="Other Workshop"), status="submitted")
    UserFactory(is_staff=True, organization=mine, email="staff@example.org")
    UserFactory(is_staff=True, organization=OrganizationFactory())  # nothing to read: no digest

    with django_capture_on_commit_callbacks(execute=True):
        assert digests_send_weekly() == 1
        assert digests_send_weekly() == 1  # the same week: the key refuses a second email
    digests = [m for m in mail.outbox if m.to == ["staff@example.org"]]
    assert len(digests) == 1
    assert digests[0].subject == "Weekly digest: 3 new registrations"
    assert "- Own Workshop: 3\n" in digests[0].body
    assert "- Own Workshop: 1\n" in digests[0].body
    assert "Other Workshop" not in digests[0].body
    assert [m.to for m in mail.outbox] == [["staff@example.org"]]
    assert Notification.objects.filter(template="staff_digest").count() == 1


def test_retention_purge_anonymises_only_participants_whose_registrations_all_ended_long_ago(settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 365
    long_ago = datetime.date(2015, 5, 1)
    old = OccurrenceFactory(start_date=long_ago, end_date=long_ago, year=2015)
    recent = OccurrenceFactory()
    gone = RegistrationFactory(occurrence=old, status="completed", participant__country="JP", answers={"diet": "vegan"})
    kept = RegistrationFactory(occurrence=old, status="completed")
    RegistrationFactory(occurrence=recent, participant=kept.participant, status="accepted")
    Participant.objects.update(created_at=timezone.now() - datetime.timedelta(days=3000))
    Notification.objects.create(
        key="old",
        template="registration_accepted",
        recipient=gone.participant.email,
        language="en",
        subject="Dear Kim",
        body_text="Dear Kim",
        status="sent",
    )
    Notification.objects.create(
        key="unsent",
        template="registration_accepted",
        recipient=gone.participant.email,
        language="en",
        subject="Dear Kim",
        body_text="Dear Kim",
        status="retrying",
    )

    assert participants_purge_expired() == 1
    assert participants_purge_expired() == 0

    anonymised = Participant.objects.get(pk=gone.participant_id)
    assert (anonymised.family_name, anonymised.given_name, anonymised.email, anonymised.phone) == (
        "-",
        "-",
        f"participant-{anonymised.pk}@anonymised.invalid",
        "",
    )
    assert anonymised.country == "JP"
    assert Participant.history.filter(id=anonymised.pk).count() == 0
    assert Registration.objects.get(pk=gone.pk).answers == {}
    assert Registration.objects.get(pk=gone.pk).status == "completed"
    assert Notification.objects.get(key="old").body_text == ""
    assert Notification.objects.get(key="old").status == "sent"
    unsent = Notification.objects.get(key="unsent")
    assert (unsent.status, unsent.body_text, unsent.last_error) == (
        "failed",
        "",
        "Recipient's personal data erased (retention period).",
    )
    assert Participant.objects.get(pk=kept.participant_id).family_name == "Kim"
    assert Registration.objects.filter(occurrence=old, status="completed").count() == 2


@pytest.mark.parametrize(
    "precision, start, kept",
    [
        ("year", datetime.date(2025, 1, 1), True),  # "2025": may have run after the cutoff
        ("month", datetime.date(2025, 6, 1), True),  # "June 2025": may have run after 15 June
        ("month", datetime.date(2025, 5, 1), False),  # "May 2025": over before the cutoff
        ("day", datetime.date(2025, 6, 1), False),
    ],
)
def test_retention_purge_reads_a_month_or_year_only_date_at_its_precision(settings, precision, start, kept):
    settings.PERSONAL_DATA_RETENTION_DAYS = 365  # cutoff 2025-06-15 for today 2026-06-15
    occurrence = OccurrenceFactory(start_date=start, end_date=None, date_precision=precision, year=start.year)
    registration = RegistrationFactory(occurrence=occurrence, status="completed")
    Participant.objects.update(created_at=timezone.now() - datetime.timedelta(days=3000))

    assert participants_purge_expired(today=datetime.date(2026, 6, 15)) == (0 if kept else 1)
    assert (Participant.objects.get(pk=registration.participant_id).family_name != "-") is kept


@pytest.mark.django_db(transaction=True)
def test_retention_purge_erases_certificate_pdfs_and_placement_insurance_numbers(settings):
    from django.core.files.base import ContentFile

    from jobs.storage import private_storage

    default_storage = private_storage()

    from cohorts.models import Certificate, InvitationLetter, Placement, Verification

    settings.PERSONAL_DATA_RETENTION_DAYS = 365
    long_ago = datetime.date(2015, 5, 1)
    registration = RegistrationFactory(
        occurrence=OccurrenceFactory(start_date=long_ago, end_date=long_ago, year=2015), status="completed"
    )
    certificate = Certificate.objects.create(
        registration=registration,
        number="K2H-2015-001",
        issued_on=long_ago,
        verification=Verification.objects.create(kind=Verification.Kind.CERTIFICATE),
    )
    certificate.file.save("K2H-2015-001.pdf", ContentFile(b"%PDF-1.4 Certificate for Kim Minsu"))
    pdf = certificate.file.name
    placement = Placement.objects.create(
        registration=registration,
        host=OrganizationFactory(),
        department="Tourism",
        training_start=long_ago,
        training_end=long_ago,
        insurance_policy="POL-778812",
        note="Allergic to peanuts",
    )
    # Passport details (entered for a visa letter) and the letter's PDF are personal data too.
    from participants.models import PassportDetails

    PassportDetails.objects.create(
        participant=registration.participant,
        full_name="KIM MINSU",
        nationality="KR",
        number="M12345678",
        expires_on=datetime.date(2030, 1, 1),
    )
    letter = InvitationLetter.objects.create(
        registration=registration,
        reference="GAOK-K2H-2015-001",
        issued_on=long_ago,
        verification=Verification.objects.create(kind=Verification.Kind.INVITATION_LETTER),
    )
    letter.file.save("GAOK-K2H-2015-001.pdf", ContentFile(b"%PDF-1.4 Letter, passport M12345678"))
    letter_pdf = letter.file.name
    Participant.objects.update(created_at=timezone.now() - datetime.timedelta(days=3000))

    assert participants_purge_expired() == 1

    assert not PassportDetails.objects.exists()
    assert not default_storage.exists(letter_pdf)
    letter.refresh_from_db()
    assert (letter.reference, letter.file.name) == ("GAOK-K2H-2015-001", "")
    assert not default_storage.exists(pdf)
    certificate.refresh_from_db()
    assert (certificate.number, certificate.file.name) == ("K2H-2015-001", "")
    placement.refresh_from_db()
    assert (placement.department, placement.insurance_policy, placement.note) == ("Tourism", "", "")
    assert Placement.history.filter(registration_id=registration.pk).count() == 0
