"""Applying for an organization: only a verified official, one application per organization,
never past the places; staff decide with a reason; every change recorded and emailed."""

import pytest
from django.db import IntegrityError, transaction

from applications.models import ApplicationEvent, OrganizationApplication, OrganizationCall
from applications.services import ApplicationError, application_decide, application_submit, application_withdraw
from notifications.models import Notification
from tests.factories import OrganizationFactory, UserFactory

from .conftest import fields, verified_official

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def test_application_submit_by_a_verified_official_takes_a_place_and_records_it(call, official, province):
    application = application_submit(call=call, user=official, organization=province, **fields())
    call.refresh_from_db()
    assert (application.status, call.places_taken) == ("submitted", 1)
    assert [(e.from_status, e.to_status, e.by) for e in application.events.all()] == [("", "submitted", official)]
    notice = Notification.objects.get(key=f"organization_application:{application.pk}:submitted")
    assert notice.recipient == official.email
    assert notice.subject == "Gyeonggi Province has applied for Glocalization Lecturing 2027"


def test_application_submit_by_someone_not_verified_for_the_organization_is_refused(call, province):
    unconfirmed = UserFactory()
    from bureau.models import Requester

    Requester.objects.create(user=unconfirmed, organization=province)  # asked, never confirmed
    with pytest.raises(ApplicationError) as refused:
        application_submit(call=call, user=unconfirmed, organization=province, **fields())
    assert refused.value.message == (
        "You are not verified to act for Gyeonggi Province. Ask for it on the Online Bureau's page; staff confirm it."
    )
    assert OrganizationApplication.objects.count() == 0
    assert OrganizationCall.objects.get(pk=call.pk).places_taken == 0


def test_application_submit_for_another_organization_than_the_verified_one_is_refused(call, official):
    suwon = OrganizationFactory(kind="city", name_en="Suwon-si")
    with pytest.raises(ApplicationError, match="not verified to act for Suwon-si"):
        application_submit(call=call, user=official, organization=suwon, **fields())
    assert OrganizationApplication.objects.count() == 0


def test_application_submit_twice_for_one_organization_is_refused(call, official, province):
    colleague = verified_official(province)
    application_submit(call=call, user=official, organization=province, **fields())
    with pytest.raises(ApplicationError) as refused:
        application_submit(call=call, user=colleague, organization=province, **fields())
    assert refused.value.message == "Gyeonggi Province has already applied for this occurrence."
    assert OrganizationCall.objects.get(pk=call.pk).places_taken == 1


def test_application_submit_past_the_places_is_refused_and_declining_frees_a_place(call):
    staff = UserFactory(is_staff=True)
    applied = []
    for number in range(12):
        organization = OrganizationFactory(kind="city", name_en=f"City {number}")
        applied.append(
            application_submit(call=call, user=verified_official(organization), organization=organization, **fields())
        )
    thirteenth = OrganizationFactory(kind="city", name_en="Suwon-si")
    official = verified_official(thirteenth)
    with pytest.raises(ApplicationError) as refused:
        application_submit(call=call, user=official, organization=thirteenth, **fields())
    assert refused.value.message == (
        "All 12 places are taken: Suwon-si cannot apply any more. "
        "Write to the organizers if you would like them to add places."
    )
    assert OrganizationApplication.objects.count() == 12
    application_decide(application=applied[0], to_status="declined", by=staff, reason="Venue not available")
    assert OrganizationCall.objects.get(pk=call.pk).places_taken == 11
    assert application_submit(call=call, user=official, organization=thirteenth, **fields()).status == "submitted"


def test_call_database_refuses_overbooking_even_past_the_service(call):
    with pytest.raises(IntegrityError), transaction.atomic():
        OrganizationCall.objects.filter(pk=call.pk).update(places_taken=13)


def test_coaching_call_refuses_a_province(call, official, province):
    call.cities_only = True
    call.save()
    with pytest.raises(ApplicationError, match="Only cities, counties and districts may apply"):
        application_submit(call=call, user=official, organization=province, **fields())


def test_application_submit_to_a_closed_call_is_refused(call, official, province):
    from django.utils import timezone

    call.closes_at = timezone.now()
    call.save()
    with pytest.raises(ApplicationError, match="not open"):
        application_submit(call=call, user=official, organization=province, **fields())


def test_application_decide_declining_without_a_reason_is_refused(call, official, province):
    application = application_submit(call=call, user=official, organization=province, **fields())
    with pytest.raises(ApplicationError, match="Give the reason for declining"):
        application_decide(application=application, to_status="declined", by=UserFactory(is_staff=True), reason=" ")
    application.refresh_from_db()
    assert application.status == "submitted"
    assert ApplicationEvent.objects.filter(application=application).count() == 1


def test_application_decide_a_declined_application_cannot_be_accepted(call, official, province):
    staff = UserFactory(is_staff=True)
    application = application_submit(call=call, user=official, organization=province, **fields())
    application_decide(application=application, to_status="declined", by=staff, reason="Full program this year")
    with pytest.raises(ApplicationError, match="cannot become Accepted"):
        application_decide(application=application, to_status="accepted", by=staff)


def test_application_accept_is_emailed_in_the_applicants_language(call, province):
    official = verified_official(province, preferred_language="ko", first_name="서연", last_name="이")
    application = application_submit(call=call, user=official, organization=province, **fields())
    application_decide(application=application, to_status="accepted", by=UserFactory(is_staff=True))
    notice = Notification.objects.get(key=f"organization_application:{application.pk}:accepted")
    assert (notice.language, notice.recipient) == ("ko", official.email)
    assert "승인되었습니다" in notice.subject
    assert [e.to_status for e in application.events.all()] == ["submitted", "accepted"]


def test_application_withdraw_frees_the_place_at_once_and_is_recorded(call, official, province):
    colleague = verified_official(province)
    application = application_submit(call=call, user=official, organization=province, **fields())
    application_withdraw(application=application, by=colleague)
    application.refresh_from_db()
    call.refresh_from_db()
    assert (application.status, call.places_taken, call.places_left) == ("withdrawn", 0, 12)
    assert [(e.from_status, e.to_status, e.by) for e in application.events.all()] == [
        ("", "submitted", official),
        ("submitted", "withdrawn", colleague),
    ]
    # The official who sent it learns that a colleague withdrew it.
    notice = Notification.objects.get(key=f"organization_application:{application.pk}:withdrawn")
    assert notice.recipient == official.email
    assert notice.subject == "The application of Gyeonggi Province for Glocalization Lecturing 2027 is withdrawn"


def test_application_withdraw_of_a_full_call_lets_another_apply_and_the_count_agrees_with_the_database(call):
    applied = []
    for number in range(12):
        organization = OrganizationFactory(kind="city", name_en=f"City {number}")
        applied.append(
            application_submit(call=call, user=verified_official(organization), organization=organization, **fields())
        )
    application_withdraw(application=applied[3], by=applied[3].submitted_by)
    assert OrganizationCall.objects.get(pk=call.pk).places_taken == 11
    thirteenth = OrganizationFactory(kind="city", name_en="Suwon-si")
    application_submit(call=call, user=verified_official(thirteenth), organization=thirteenth, **fields())
    call.refresh_from_db()
    holding = OrganizationApplication.objects.filter(call=call, status__in=["submitted", "accepted"]).count()
    assert call.places_taken == holding == 12
    fourteenth = OrganizationFactory(kind="city", name_en="Yongin-si")
    with pytest.raises(ApplicationError, match="All 12 places are taken"):
        application_submit(call=call, user=verified_official(fourteenth), organization=fourteenth, **fields())
    with pytest.raises(IntegrityError), transaction.atomic():
        OrganizationCall.objects.filter(pk=call.pk).update(places_taken=13)


@pytest.mark.parametrize(
    "decision,reason,message",
    [
        (
            "accepted",
            "",
            "GAOK's staff have already accepted this application: it can no longer be withdrawn here. "
            "If Gyeonggi Province cannot take part, write to the organizers.",
        ),
        (
            "declined",
            "Full program this year",
            "GAOK's staff have already decided on this application: it can no longer be withdrawn.",
        ),
    ],
)
def test_application_withdraw_after_staff_decided_is_refused(call, official, province, decision, reason, message):
    application = application_submit(call=call, user=official, organization=province, **fields())
    application_decide(application=application, to_status=decision, by=UserFactory(is_staff=True), reason=reason)
    with pytest.raises(ApplicationError) as refused:
        application_withdraw(application=application, by=official)
    assert refused.value.message == message
    application.refresh_from_db()
    assert application.status == decision
    assert application.events.count() == 2
    assert OrganizationCall.objects.get(pk=call.pk).places_taken == (1 if decision == "accepted" else 0)


def test_application_withdraw_by_someone_not_verified_for_the_organization_is_refused(call, official, province):
    application = application_submit(call=call, user=official, organization=province, **fields())
    suwon = OrganizationFactory(kind="city", name_en="Suwon-si")
    with pytest.raises(ApplicationError, match="not verified to act for Gyeonggi Province"):
        application_withdraw(application=application, by=verified_official(suwon))
    assert OrganizationApplication.objects.get(pk=application.pk).status == "submitted"
    assert OrganizationCall.objects.get(pk=call.pk).places_taken == 1


def test_application_withdraw_twice_is_refused_and_staff_cannot_decide_a_withdrawn_one(call, official, province):
    application = application_submit(call=call, user=official, organization=province, **fields())
    application_withdraw(application=application, by=official)
    with pytest.raises(ApplicationError, match="already withdrawn"):
        application_withdraw(application=application, by=official)
    with pytest.raises(ApplicationError, match="An application that is Withdrawn cannot become Accepted"):
        application_decide(application=application, to_status="accepted", by=UserFactory(is_staff=True))
    assert OrganizationCall.objects.get(pk=call.pk).places_taken == 0


def test_a_local_government_that_withdrew_may_apply_again_but_never_twice_at_once(call, official, province):
    first = application_submit(call=call, user=official, organization=province, **fields())
    application_withdraw(application=first, by=official)
    again = application_submit(call=call, user=official, organization=province, **fields(needs="Protocol, again"))
    assert again.pk != first.pk and again.status == "submitted"
    assert OrganizationCall.objects.get(pk=call.pk).places_taken == 1
    with pytest.raises(ApplicationError, match="has already applied"):
        application_submit(call=call, user=official, organization=province, **fields())
    with pytest.raises(IntegrityError), transaction.atomic():
        OrganizationApplication.objects.create(call=call, organization=province, **fields())
