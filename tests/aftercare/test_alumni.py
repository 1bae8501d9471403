"""The alumni network on the server: who may join, who sees a directory, the rate limit on messages,
abuse reports staff read in the admin, leaving, and the retention purge."""

import datetime

import pytest
from django.utils import timezone

from aftercare.alumni import MESSAGES_PER_DAY, AlumniError, alumni_join, alumni_message_send
from aftercare.models import AlumniAbuseReport, AlumniEntry, AlumniMessage
from notifications.models import Notification
from reports.retention import participant_anonymise
from tests.cohorts.factories import staff_user
from tests.factories import (
    OccurrenceFactory,
    OrganizationFactory,
    ParticipantFactory,
    ProgramFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

ENTRY = {"country": "KR", "organization": "Gyeonggi", "position": "Officer", "languages": ["ko"], "note": "Hello"}


def _past_occurrence(program, **fields):
    start = timezone.localdate() - datetime.timedelta(days=30)
    return OccurrenceFactory(program=program, start_date=start, end_date=start + datetime.timedelta(days=1), **fields)


def _official(occurrence, status="attended", **fields):
    user = UserFactory()
    participant = ParticipantFactory(user=user, email=user.email, **fields)
    registration = RegistrationFactory(participant=participant, occurrence=occurrence, status=status)
    return user, participant, registration


@pytest.fixture
def world():
    program = ProgramFactory(slug="cjk")
    host = OrganizationFactory()
    program.hosts.add(host)
    past = _past_occurrence(program)
    kim_user, kim, kim_registration = _official(past, family_name="Kim", given_name="Minji")
    sato_user, sato, sato_registration = _official(
        past, family_name="Sato", given_name="Yuki", family_name_native="佐藤", given_name_native="由紀",
        country="JP", preferred_language="ja",
    )  # fmt: skip
    kim_entry = alumni_join(user=kim_user, registration=kim_registration, data=ENTRY)
    sato_entry = alumni_join(user=sato_user, registration=sato_registration, data={**ENTRY, "country": "JP"})
    return {
        "program": program,
        "host": host,
        "past": past,
        "kim": kim_user,
        "kim_entry": kim_entry,
        "sato": sato_user,
        "sato_entry": sato_entry,
    }


def test_join_prefills_the_profile_and_refuses_who_did_not_attend(client, world):
    program = world["program"]
    user, participant, registration = _official(_past_occurrence(program), position="Director", country="CN")
    client.force_login(user)
    page = client.get(f"/alumni/join/{registration.pk}/")
    assert page.status_code == 200
    assert page.context["form"].initial["position"] == "Director"
    assert page.context["form"].initial["country"] == "CN"

    # Accepted for an occurrence that has not happened yet, or a no-show: not an alumnus.
    future = OccurrenceFactory(program=program)
    _u, _p, upcoming = _official(future, status="accepted")
    with pytest.raises(AlumniError):
        alumni_join(user=_u, registration=upcoming, data=ENTRY)
    no_show_user, _p, no_show = _official(world["past"], status="no_show")
    client.force_login(no_show_user)
    assert client.get(f"/alumni/join/{no_show.pk}/").status_code == 404
    assert not AlumniEntry.objects.filter(participant__user=no_show_user).exists()


def test_directory_refuses_a_non_alumnus(client, world):
    # An attendee who has not joined, and a stranger: neither sees the directory nor can write.
    attendee, _p, _r = _official(world["past"])
    stranger = UserFactory()
    for user in (attendee, stranger):
        client.force_login(user)
        response = client.get("/alumni/programs/cjk/")
        assert response.status_code == 403
        assert "Kim" not in response.content.decode()
        assert client.post(f"/alumni/programs/cjk/write/{world['kim_entry'].pk}/", {"body": "Hi"}).status_code == 404
    assert AlumniMessage.objects.count() == 0


def test_directory_search_by_name_country_and_edition(client, world):
    client.force_login(world["kim"])
    names = lambda response: [e.participant.family_name for e in response.context["page_obj"].object_list]  # noqa: E731
    assert names(client.get("/alumni/programs/cjk/")) == ["Kim", "Sato"]
    assert names(client.get("/alumni/programs/cjk/", {"q": "佐藤"})) == ["Sato"]
    assert names(client.get("/alumni/programs/cjk/", {"country": "JP"})) == ["Sato"]
    assert names(client.get("/alumni/programs/cjk/", {"edition": world["past"].pk})) == ["Kim", "Sato"]
    bad = client.get("/alumni/programs/cjk/", {"edition": "not-a-number"})
    assert bad.status_code == 400 and "not valid" in bad.content.decode()


def test_message_rate_limit_per_sender_per_day(client, world):
    client.force_login(world["kim"])
    url = f"/alumni/programs/cjk/write/{world['sato_entry'].pk}/"
    for index in range(MESSAGES_PER_DAY):
        assert client.post(url, {"body": f"Message {index}"}).status_code == 302
    refused = client.post(url, {"body": "One too many"})
    assert refused.status_code == 400
    assert f"You have sent {MESSAGES_PER_DAY} messages in the last 24 hours" in refused.content.decode()
    # What was typed stays in the form.
    assert "One too many" in refused.content.decode()
    assert AlumniMessage.objects.count() == MESSAGES_PER_DAY
    assert Notification.objects.filter(template="alumni_message").count() == MESSAGES_PER_DAY
    # A day later the sender may write again.
    tomorrow = timezone.now() + datetime.timedelta(days=1, minutes=1)
    alumni_message_send(user=world["kim"], recipient_entry=world["sato_entry"], body="Next day", now=tomorrow)
    assert AlumniMessage.objects.count() == MESSAGES_PER_DAY + 1
    # The limit is the sender's: Sato may still write to Kim today.
    alumni_message_send(user=world["sato"], recipient_entry=world["kim_entry"], body="Thanks")


def test_message_email_carries_no_sender_address(world):
    message = alumni_message_send(user=world["kim"], recipient_entry=world["sato_entry"], body="こんにちは")
    email = Notification.objects.get(key=f"alumni_message:{message.pk}")
    assert email.recipient == world["sato"].email
    assert email.language == "ja" and email.reply_to == ""
    assert world["kim"].email not in email.body_text + email.body_html + email.subject
    assert f"/alumni/messages/{message.pk}/" in email.body_text


def test_abuse_report_once_and_seen_by_program_staff(client, world):
    message = alumni_message_send(user=world["kim"], recipient_entry=world["sato_entry"], body="Buy my product")
    # The sender cannot report their own message, nor can anyone else read it.
    client.force_login(world["kim"])
    assert client.post(f"/alumni/messages/{message.pk}/report/", {"reason": "x"}).status_code == 400
    client.force_login(UserFactory())
    assert client.get(f"/alumni/messages/{message.pk}/").status_code == 404
    client.force_login(world["sato"])
    assert client.post(f"/alumni/messages/{message.pk}/report/", {"reason": "Advertising"}).status_code == 302
    again = client.post(f"/alumni/messages/{message.pk}/report/", {"reason": "Advertising"})
    assert again.status_code == 400 and "already reported" in again.content.decode()
    report = AlumniAbuseReport.objects.get()
    assert (report.message, report.reason, report.status) == (message, "Advertising", "open")

    staff = staff_user(world["host"])
    client.force_login(staff)
    listing = client.get("/admin/aftercare/alumniabusereport/")
    assert listing.status_code == 200 and "Advertising" in listing.content.decode()
    # Staff of another program do not see it.
    client.force_login(staff_user(OrganizationFactory()))
    assert "Advertising" not in client.get("/admin/aftercare/alumniabusereport/").content.decode()


def test_leaving_removes_the_entry_at_once(client, world):
    client.force_login(world["sato"])
    assert client.post(f"/alumni/entries/{world['sato_entry'].pk}/leave/").status_code == 302
    assert not AlumniEntry.objects.filter(pk=world["sato_entry"].pk).exists()
    client.force_login(world["kim"])
    response = client.get("/alumni/programs/cjk/")
    assert [e.participant.family_name for e in response.context["page_obj"].object_list] == ["Kim"]
    assert client.get(f"/alumni/programs/cjk/write/{world['sato_entry'].pk}/").status_code == 404


def test_retention_purge_deletes_entries_and_messages(world):
    alumni_message_send(user=world["kim"], recipient_entry=world["sato_entry"], body="Hello")
    alumni_message_send(user=world["sato"], recipient_entry=world["kim_entry"], body="Hi")
    participant_anonymise(participant=world["kim"].participant)
    assert list(AlumniEntry.objects.values_list("participant__family_name", flat=True)) == ["Sato"]
    assert AlumniMessage.objects.count() == 0


def test_staff_write_to_alumni_through_the_cohort_message(client, world):
    staff = staff_user(world["host"])
    client.force_login(staff)
    entries = [world["kim_entry"].pk, world["sato_entry"].pk]
    page = client.post("/admin/aftercare/alumnientry/", {"action": "write_to_alumni", "_selected_action": entries})
    # The compose page of mailings, with the registrations the two alumni attended.
    assert page.status_code == 200
    assert page.context["recipient_count"] == 2
    form = page.context["form"]
    assert sorted(form.initial["registrations"].split(",")) == sorted(
        str(AlumniEntry.objects.get(pk=pk).registration_id) for pk in entries
    )
    sent = client.post(
        "/admin/participants/registration/message/",
        {
            "token": form.initial["token"],
            "registrations": form.initial["registrations"],
            "subject_en": "Alumni meeting",
            "body_en": "Dear {name}, join us.",
            "_send": "1",
        },
    )
    assert sent.status_code == 302
    assert sorted(Notification.objects.filter(template="cohort_message").values_list("recipient", flat=True)) == sorted(
        [world["kim"].email, world["sato"].email]
    )


def test_staff_remove_the_sender_of_a_reported_message(client, world):
    message = alumni_message_send(user=world["kim"], recipient_entry=world["sato_entry"], body="Spam")
    client.force_login(world["sato"])
    client.post(f"/alumni/messages/{message.pk}/report/", {"reason": "Spam"})
    report = AlumniAbuseReport.objects.get()
    client.force_login(staff_user(world["host"]))
    response = client.post(
        "/admin/aftercare/alumniabusereport/", {"action": "remove_senders", "_selected_action": [report.pk]}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "handled" and report.handled_by is not None
    assert list(AlumniEntry.objects.values_list("participant__family_name", flat=True)) == ["Sato"]
    # Sato's reply no longer reaches Kim, who left the directory.
    client.force_login(world["sato"])
    refused = client.post(f"/alumni/messages/{message.pk}/reply/", {"body": "Stop"})
    assert refused.status_code == 400 and "left the directory" in refused.content.decode()


def test_empty_reply_and_overlong_report_keep_the_page_and_send_nothing(client, world):
    message = alumni_message_send(user=world["kim"], recipient_entry=world["sato_entry"], body="Hello Yuki")
    client.force_login(world["sato"])
    before = Notification.objects.count()
    reply = client.post(f"/alumni/messages/{message.pk}/reply/", {"body": "  "})
    page = reply.content.decode()
    # The reply form again with the field's own error; the report form still there, empty.
    assert reply.status_code == 400 and 'id="reply-form"' in page and "This field is required." in page
    assert 'id="reply-error"' not in page and 'id="report-form"' in page and "Hello Yuki" in page
    too_long = "x" * 1001
    report = client.post(f"/alumni/messages/{message.pk}/report/", {"reason": too_long})
    page = report.content.decode()
    assert report.status_code == 400 and "Please check the reason you gave." in page and too_long in page
    assert 'id="reply-form"' in page  # Kim is still in the directory: Sato may still reply
    assert AlumniMessage.objects.count() == 1 and not AlumniAbuseReport.objects.exists()
    assert Notification.objects.count() == before


def test_directory_queries_do_not_grow_with_the_alumni(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(world["kim"])

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/alumni/programs/cjk/").status_code == 200
        return len(queries)

    count()  # the first request reads the signed-in account; the next ones take it from the cache (accounts.backends)
    few = count()
    for index in range(5):
        user, _p, registration = _official(world["past"], country="CN", family_name=f"Wang{index}")
        alumni_join(user=user, registration=registration, data={**ENTRY, "country": "CN"})
    assert count() == few
