"""Nominating within an allocation: the seat rule shared with country quotas, substitution
deadlines, letters, the single-use invitation and the staff figures."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from delegations.errors import DelegationError, InvitationInvalid
from delegations.models import FocalPoint, Nomination, NominationEvent
from delegations.selectors import allocation_figures, allocations_of_focal_point
from delegations.services import (
    delegation_reminders_queue,
    nomination_from_token,
    nomination_invitation_token,
    nomination_letter_attach,
    nomination_register,
    nomination_substitute,
    nominations_create,
)
from notifications.models import Notification
from participants.errors import RegistrationError
from participants.models import Registration
from participants.services import registration_submit, registration_transition
from tests.factories import CountryQuotaFactory, OccurrenceFactory, ParticipantFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]

PROFILE = {"family_name": "Wang", "given_name": "Fang", "country": "CN", "preferred_language": "zh-hans"}


def _nominee(n, **extra):
    return {
        "family_name": "Wang",
        "given_name": f"Fang{n}",
        "email": f"nominee{n}@gov.example.cn",
        "language": "zh-hans",
        **extra,
    }


@pytest.fixture
def allocation():
    occurrence = OccurrenceFactory(capacity=20, admission="review")
    return CountryQuotaFactory(
        occurrence=occurrence,
        country="CN",
        seats=3,
        substitution_deadline=timezone.now() + datetime.timedelta(days=10),
    )


@pytest.fixture
def focal():
    return UserFactory(email="focal@gov.example.cn", email_verified_at=timezone.now())


def test_nominations_fill_the_allocation_and_one_more_is_refused(allocation, focal):
    nominations_create(allocation=allocation, nominees=[_nominee(1), _nominee(2)], by=focal)
    with pytest.raises(DelegationError, match="3 seats and 1 is left; 2 nominations cannot be added"):
        nominations_create(allocation=allocation, nominees=[_nominee(3), _nominee(4)], by=focal)
    assert Nomination.objects.count() == 2  # the list of two was refused whole
    nominations_create(allocation=allocation, nominees=[_nominee(3)], by=focal)
    with pytest.raises(DelegationError, match="0 are left"):
        nominations_create(allocation=allocation, nominees=[_nominee(4)], by=focal)
    allocation.refresh_from_db()
    assert (allocation.seats_nominated, Nomination.objects.count()) == (3, 3)
    invitations = Notification.objects.filter(template="nomination_invitation").order_by("pk")
    assert [n.recipient for n in invitations] == [f"nominee{i}@gov.example.cn" for i in (1, 2, 3)]
    assert invitations[0].subject == f"您已被推荐参加{allocation.occurrence.title}"  # the nominee's language


def test_nominations_refused_after_the_nomination_deadline(allocation, focal):
    allocation.nomination_deadline = timezone.now() - datetime.timedelta(minutes=1)
    allocation.save()
    with pytest.raises(DelegationError, match="nomination deadline has passed"):
        nominations_create(allocation=allocation, nominees=[_nominee(1)], by=focal)


def test_nominated_seats_are_kept_from_self_registration_of_the_same_country(allocation, focal):
    nominations_create(allocation=allocation, nominees=[_nominee(1), _nominee(2), _nominee(3)], by=focal)
    walk_in = ParticipantFactory(country="CN")
    registration = registration_submit(participant=walk_in, occurrence=allocation.occurrence, consent=True)
    with pytest.raises(RegistrationError, match="The 3 seats for China are taken."):
        registration_transition(registration=registration, to_status="accepted")


def test_the_nominee_registers_once_with_the_invitation(allocation, focal):
    (nomination,) = nominations_create(allocation=allocation, nominees=[_nominee(1)], by=focal)
    token = nomination_invitation_token(nomination)
    user = UserFactory(email="nominee1@gov.example.cn", email_verified_at=timezone.now())
    registration = nomination_register(token=token, user=user, profile=PROFILE, answers={}, consent=True)
    assert (registration.status, registration.allocation, registration.nominated_by) == ("submitted", allocation, focal)
    assert Nomination.objects.get().registration == registration
    with pytest.raises(InvitationInvalid, match="already been used"):
        nomination_from_token(token)
    registration_transition(registration=registration, to_status="accepted")
    allocation.refresh_from_db()
    assert (allocation.seats_taken, allocation.seats_nominated) == (1, 1)


def test_an_invitation_for_another_address_or_a_forged_one_is_refused(allocation, focal):
    (nomination,) = nominations_create(allocation=allocation, nominees=[_nominee(1)], by=focal)
    other = UserFactory(email="someone@example.org", email_verified_at=timezone.now())
    with pytest.raises(DelegationError, match="This invitation is for nominee1@gov.example.cn"):
        nomination_register(
            token=nomination_invitation_token(nomination), user=other, profile=PROFILE, answers={}, consent=True
        )
    with pytest.raises(InvitationInvalid, match="not valid"):
        nomination_from_token(nomination_invitation_token(nomination)[:-2] + "xx")
    assert Registration.objects.count() == 0


def test_an_expired_invitation_is_refused(allocation, focal, settings):
    (nomination,) = nominations_create(allocation=allocation, nominees=[_nominee(1)], by=focal)
    token = nomination_invitation_token(nomination)
    settings.DELEGATIONS_INVITATION_DAYS = -1
    with pytest.raises(InvitationInvalid, match="expired"):
        nomination_from_token(token)


def test_substitution_keeps_the_seat_cancels_the_old_registration_and_records_both(allocation, focal):
    (old,) = nominations_create(allocation=allocation, nominees=[_nominee(1)], by=focal)
    old_token = nomination_invitation_token(old)
    user = UserFactory(email="nominee1@gov.example.cn", email_verified_at=timezone.now())
    registration = nomination_register(token=old_token, user=user, profile=PROFILE, answers={}, consent=True)
    registration_transition(registration=registration, to_status="accepted")
    new = nomination_substitute(nomination=old, substitute=_nominee(9), by=focal)
    old.refresh_from_db()
    registration.refresh_from_db()
    allocation.refresh_from_db()
    assert (old.status, new.replaces, registration.status) == ("replaced", old, "cancelled")
    assert (allocation.seats_nominated, allocation.seats_taken) == (1, 0)
    assert list(NominationEvent.objects.filter(nomination=old).values_list("action", flat=True)) == [
        "nominated",
        "registered",
        "substituted_out",
    ]
    assert list(NominationEvent.objects.filter(nomination=new).values_list("action", "note")) == [
        ("substituted_in", "WANG Fang1 <nominee1@gov.example.cn>")
    ]


def test_substitution_refused_after_its_deadline(allocation, focal):
    (old,) = nominations_create(allocation=allocation, nominees=[_nominee(1)], by=focal)
    allocation.substitution_deadline = timezone.now() - datetime.timedelta(seconds=1)
    allocation.save()
    with pytest.raises(DelegationError, match="substitution deadline has passed"):
        nomination_substitute(nomination=old, substitute=_nominee(9), by=focal)
    assert Nomination.objects.get() == old


@pytest.mark.parametrize(
    ("content", "content_type"),
    [(b"PK\x03\x04 a zip", "application/pdf"), (b"%PDF-1.4 fine", "image/png"), (b"", "application/pdf")],
)
def test_a_letter_that_is_not_a_pdf_is_refused(allocation, focal, content, content_type):
    (nomination,) = nominations_create(allocation=allocation, nominees=[_nominee(1)], by=focal)
    upload = SimpleUploadedFile("letter.pdf", content, content_type=content_type)
    with pytest.raises(DelegationError, match="must be a PDF"):
        nomination_letter_attach(nomination=nomination, upload=upload, by=focal)
    nomination.refresh_from_db()
    assert not nomination.letter


def test_a_letter_is_stored_outside_media_root(allocation, focal, settings, client):
    (nomination,) = nominations_create(allocation=allocation, nominees=[_nominee(1)], by=focal)
    upload = SimpleUploadedFile("letter.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    nomination_letter_attach(nomination=nomination, upload=upload, by=focal)
    nomination.refresh_from_db()
    assert nomination.letter.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not nomination.letter.path.startswith(str(settings.MEDIA_ROOT))
    # Its only URL is the permission-checked private file view, which no rule opens to anyone.
    assert nomination.letter.url == f"/files/{nomination.letter.name}"
    assert client.get(nomination.letter.url).status_code == 404


def test_a_letter_over_the_size_limit_is_refused(allocation, focal, settings):
    settings.DELEGATIONS_LETTER_MAX_BYTES = 10
    (nomination,) = nominations_create(allocation=allocation, nominees=[_nominee(1)], by=focal)
    upload = SimpleUploadedFile("letter.pdf", b"%PDF-1.4 and more bytes", content_type="application/pdf")
    with pytest.raises(DelegationError, match="larger than"):
        nomination_letter_attach(nomination=nomination, upload=upload, by=focal)


def test_a_focal_point_reaches_only_its_own_party_and_occurrence(allocation):
    other_country = CountryQuotaFactory(occurrence=allocation.occurrence, country="JP", seats=2)
    other_occurrence = CountryQuotaFactory(occurrence=OccurrenceFactory(), country="CN", seats=2)
    FocalPoint.objects.create(email="focal@gov.example.cn", country="CN", occurrence=allocation.occurrence)
    user = UserFactory(email="focal@gov.example.cn", email_verified_at=timezone.now())
    assert list(allocations_of_focal_point(user)) == [allocation]
    unverified = UserFactory(email="FOCAL2@gov.example.cn")
    FocalPoint.objects.create(email="focal2@gov.example.cn", country="CN", occurrence=allocation.occurrence)
    assert list(allocations_of_focal_point(unverified)) == []
    assert other_country.pk and other_occurrence.pk


def test_a_program_grant_reaches_future_occurrences_only(allocation):
    program = allocation.occurrence.program
    past = CountryQuotaFactory(
        occurrence=OccurrenceFactory(program=program, start_date=datetime.date(2020, 5, 1)), country="CN", seats=2
    )
    FocalPoint.objects.create(email="focal@gov.example.cn", country="CN", program=program)
    user = UserFactory(email="focal@gov.example.cn", email_verified_at=timezone.now())
    assert list(allocations_of_focal_point(user)) == [allocation]
    assert past.pk


def test_staff_figures_per_allocation(allocation, focal):
    japan = CountryQuotaFactory(occurrence=allocation.occurrence, country="JP", seats=2)
    nominations = nominations_create(allocation=allocation, nominees=[_nominee(1), _nominee(2)], by=focal)
    user = UserFactory(email="nominee1@gov.example.cn", email_verified_at=timezone.now())
    registration = nomination_register(
        token=nomination_invitation_token(nominations[0]), user=user, profile=PROFILE, answers={}, consent=True
    )
    registration_transition(registration=registration, to_status="accepted")
    letter = SimpleUploadedFile("l.pdf", b"%PDF-1.4\n", content_type="application/pdf")
    nomination_letter_attach(nomination=nominations[0], upload=letter, by=focal)
    figures = {
        row["party"]: {
            k: row[k] for k in ("seats", "nominated", "registered", "accepted", "missing_letters", "missing_travel")
        }
        for row in allocation_figures(occurrence_id=allocation.occurrence_id)
    }
    assert figures == {
        "China": {
            "seats": 3,
            "nominated": 2,
            "registered": 1,
            "accepted": 1,
            "missing_letters": 1,
            "missing_travel": 1,
        },
        "Japan": {
            "seats": 2,
            "nominated": 0,
            "registered": 0,
            "accepted": 0,
            "missing_letters": 0,
            "missing_travel": 0,
        },
    }
    assert japan.pk


def test_reminders_go_to_focal_points_and_unregistered_nominees_in_their_language_once_a_day(allocation, focal):
    FocalPoint.objects.create(email=focal.email, country="CN", occurrence=allocation.occurrence, language="ja")
    nominations_create(allocation=allocation, nominees=[_nominee(1, language="ko")], by=focal)
    counts = delegation_reminders_queue(occurrence_id=allocation.occurrence_id)
    again = delegation_reminders_queue(occurrence_id=allocation.occurrence_id)
    assert counts == again == {"focal_points": 1, "nominees": 1}
    focal_mail = Notification.objects.get(template="delegation_reminder_focal_point")
    nominee_mail = Notification.objects.get(template="delegation_reminder_nominee")
    assert (focal_mail.recipient, focal_mail.language) == ("focal@gov.example.cn", "ja")
    assert focal_mail.subject == f"リマインダー: {allocation.occurrence.title}の代表団"
    assert (nominee_mail.recipient, nominee_mail.language) == ("nominee1@gov.example.cn", "ko")
    assert nominee_mail.subject == f"알림: {allocation.occurrence.title} 등록을 완료해 주십시오"
    assert "/invitations/" in nominee_mail.body_text


def test_an_organizations_allocation_holds_its_nominees_seats_apart_from_the_country_quota(focal):
    from tests.factories import OrganizationFactory

    occurrence = OccurrenceFactory(capacity=20, admission="auto")
    province = OrganizationFactory(name_en="Shandong Province", country="CN")
    country_quota = CountryQuotaFactory(occurrence=occurrence, country="CN", seats=1)
    by_province = CountryQuotaFactory(occurrence=occurrence, country="", organization=province, seats=2)
    (nomination,) = nominations_create(allocation=by_province, nominees=[_nominee(1)], by=focal)
    user = UserFactory(email="nominee1@gov.example.cn", email_verified_at=timezone.now())
    registration = nomination_register(
        token=nomination_invitation_token(nomination), user=user, profile=PROFILE, answers={}, consent=True
    )
    assert registration.status == "accepted"  # automatic admission, into the province's seats
    walk_in = registration_submit(participant=ParticipantFactory(country="CN"), occurrence=occurrence, consent=True)
    assert walk_in.status == "accepted"  # China's own seat is still free
    country_quota.refresh_from_db()
    by_province.refresh_from_db()
    assert (country_quota.seats_taken, by_province.seats_taken, by_province.seats_nominated) == (1, 1, 1)
    assert by_province.party_name == "Shandong Province"


def test_staff_cannot_lower_an_allocation_below_its_nominations(allocation, focal):
    from django.forms import modelform_factory

    from backoffice.admin.occurrences import CountryQuotaForm
    from workshops.models import CountryQuota

    CountryQuotaForm = modelform_factory(  # noqa: N806 - the admin's form, as its inline builds it
        CountryQuota, form=CountryQuotaForm, fields=("country", "organization", "seats", "occurrence")
    )
    nominations_create(allocation=allocation, nominees=[_nominee(1), _nominee(2)], by=focal)
    allocation.refresh_from_db()
    data = {"country": "CN", "seats": "1", "occurrence": allocation.occurrence_id}
    form = CountryQuotaForm(data=data, instance=allocation)
    assert not form.is_valid()
    assert form.errors["seats"] == ["2 seats are nominated already; the allocation cannot be lower."]
    both = CountryQuotaForm(data={**data, "seats": "5", "organization": ""}, instance=allocation)
    assert both.is_valid(), both.errors
