"""Writing to a cohort: the checks, the languages, the outbox guarantees, the scope and the log."""

import time
import uuid

import pytest
from django.core import mail
from django.urls import reverse

from mailings.models import CohortMessage, CohortMessageRecipient
from mailings.services import CohortMessageError, cohort_message_preview, cohort_message_send
from notifications.models import Notification
from notifications.services import notifications_drain_outbox
from participants.models import Registration
from tests.cohorts.factories import hosted_occurrence, registration_in, staff_user
from tests.factories import OrganizationFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

A = Registration.Status.ACCEPTED
TEXTS = {
    "en": {"subject": "About {occurrence}", "body": "Dear {name}, see you on {dates}. {link}"},
    "ja": {"subject": "{occurrence}について", "body": "{name}様、{dates}にお会いしましょう。{link}"},
}


@pytest.fixture
def org():
    return OrganizationFactory(name_en="GAOK")


@pytest.fixture
def occurrence(org):
    return hosted_occurrence(org, title_en="Tokyo Forum", reply_to_email="forum@gaok.example.org")


def _cohort(occurrence):
    return [
        registration_in(occurrence, A, email="ja@example.org", preferred_language="ja", family_name="Sato",
                        given_name="Yuki", family_name_native="佐藤", given_name_native="由紀"),
        registration_in(occurrence, A, email="ko@example.org", preferred_language="ko", family_name="Kim",
                        given_name="Minji", family_name_native="김", given_name_native="민지"),
    ]  # fmt: skip


def test_each_official_gets_their_language_else_english_with_reply_to(occurrence, django_capture_on_commit_callbacks):
    japanese, korean = _cohort(occurrence)
    with django_capture_on_commit_callbacks(execute=True):
        message, created = cohort_message_send(
            token=uuid.uuid4(), texts=TEXTS, registrations=[japanese, korean], by=None
        )
    assert created and message.recipient_count == 2
    by_address = {m.to[0]: m for m in mail.outbox}
    assert by_address["ja@example.org"].subject == "Tokyo Forumについて"
    assert by_address["ja@example.org"].body.startswith("佐藤由紀様、")
    assert f"/registrations/{japanese.pk}/" in by_address["ja@example.org"].body
    # Korean was not given: English, with the romanized name.
    assert by_address["ko@example.org"].subject == "About Tokyo Forum"
    assert by_address["ko@example.org"].body.startswith("Dear Kim Minji, see you on")  # formats.display_name
    assert {m.reply_to[0] for m in mail.outbox} == {"forum@gaok.example.org"}
    assert list(CohortMessageRecipient.objects.order_by("language").values_list("language", flat=True)) == ["en", "ja"]


def test_the_same_form_sent_twice_sends_once(occurrence, django_capture_on_commit_callbacks):
    cohort, token = _cohort(occurrence), uuid.uuid4()
    with django_capture_on_commit_callbacks(execute=True):
        cohort_message_send(token=token, texts=TEXTS, registrations=cohort, by=None)
        message, created = cohort_message_send(token=token, texts=TEXTS, registrations=cohort, by=None)
    assert not created
    assert len(mail.outbox) == 2
    assert CohortMessage.objects.count() == 1 and Notification.objects.count() == 2


def test_unknown_placeholder_and_missing_english_are_refused_and_nothing_is_written(occurrence):
    cohort = _cohort(occurrence)
    with pytest.raises(CohortMessageError, match=r"Unknown placeholder \{nmae\}, \{when\}\. You can use \{name\}"):
        cohort_message_send(
            token=uuid.uuid4(),
            texts={"en": {"subject": "Hi {nmae}", "body": "{when} {nmae}"}},
            registrations=cohort,
            by=None,
        )
    with pytest.raises(CohortMessageError, match="in English too"):
        cohort_message_preview(texts={"ja": TEXTS["ja"]}, registrations=cohort)
    assert not CohortMessage.objects.exists() and not Notification.objects.exists()


def test_preview_renders_a_sample_per_language_and_sends_nothing(occurrence):
    cohort = _cohort(occurrence)
    previews = cohort_message_preview(texts=TEXTS, registrations=cohort)
    assert [(p["language"], p["count"]) for p in previews] == [("en", 1), ("ja", 1)]
    assert previews[1]["sample"].subject == "Tokyo Forumについて"
    assert previews[1]["sample"].reply_to == "forum@gaok.example.org"
    assert not Notification.objects.exists()


def test_with_the_broker_down_the_rows_wait_in_the_outbox_and_the_drain_sends_them(
    occurrence, broker_mode, django_capture_on_commit_callbacks
):
    import logging

    warnings = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: warnings.append(record.getMessage())
    logging.getLogger("notifications.services").addHandler(handler)
    from exchange_portal.celery import app
    from tests.notifications.conftest import _use_broker

    original = app.conf.broker_url
    _use_broker("redis://127.0.0.1:1/0")  # nothing listens there
    try:
        with django_capture_on_commit_callbacks(execute=True):
            cohort_message_send(token=uuid.uuid4(), texts=TEXTS, registrations=_cohort(occurrence), by=None)
    finally:
        _use_broker(original)
        logging.getLogger("notifications.services").removeHandler(handler)
    assert warnings == ["Broker unavailable; 2 notifications left in the outbox"]
    assert list(Notification.objects.values_list("status", flat=True)) == ["queued", "queued"]
    assert mail.outbox == []
    app.conf.task_always_eager = True
    Notification.objects.update(updated_at=Notification.objects.first().created_at.replace(year=2020))
    assert notifications_drain_outbox() == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["ja@example.org", "ko@example.org"]


def test_500_recipients_are_written_in_bulk_quickly(occurrence, django_assert_max_num_queries):
    cohort = [registration_in(occurrence, A, email=f"o{i}@example.org") for i in range(500)]
    started = time.monotonic()
    with django_assert_max_num_queries(20):
        message, _ = cohort_message_send(token=uuid.uuid4(), texts=TEXTS, registrations=cohort, by=None)
    assert time.monotonic() - started < 10
    assert message.recipient_count == 500
    assert Notification.objects.filter(key__startswith=f"cohort_message:{message.pk}:").count() == 500


def test_staff_write_only_to_registrations_in_their_scope_and_need_the_right(client, occurrence):
    other = hosted_occurrence(OrganizationFactory(name_en="Other"))
    mine, theirs = registration_in(occurrence, A, email="mine@example.org"), registration_in(other, A)
    staff = staff_user(occurrence.program.hosts.first())
    client.force_login(staff)
    url = reverse("admin:participants_registration_message")
    data = {"token": str(uuid.uuid4()), "registrations": f"{mine.pk},{theirs.pk}", "_send": "1"}
    data.update({"subject_en": "Hello", "body_en": "Dear {name}"})
    response = client.post(url, data)
    assert response.status_code == 302
    assert list(CohortMessageRecipient.objects.values_list("registration", flat=True)) == [mine.pk]
    page = client.get(reverse("admin:participants_registration_change", args=[mine.pk])).content.decode()
    assert "Dear " in page and "messages sent to this official" in page.lower()

    reviewer = staff_user(occurrence.program.hosts.first(), group="Program reviewers")
    client.force_login(reviewer)
    assert client.post(url, {**data, "token": str(uuid.uuid4())}).status_code == 403
    assert CohortMessage.objects.count() == 1


def test_official_sees_only_their_own_messages(client, occurrence, django_capture_on_commit_callbacks):
    japanese, korean = _cohort(occurrence)
    with django_capture_on_commit_callbacks(execute=True):
        cohort_message_send(token=uuid.uuid4(), texts=TEXTS, registrations=[japanese], by=None)
    from tests.factories import UserFactory

    user = UserFactory(email="ja@example.org")
    japanese.participant.user = user
    japanese.participant.save()
    client.force_login(user)
    page = client.get(reverse("participants:registration_detail", args=[japanese.pk])).content.decode()
    assert "Tokyo Forumについて" in page and "佐藤由紀様" in page
    korean.participant.user = UserFactory(email="ko@example.org")
    korean.participant.save()
    client.force_login(korean.participant.user)
    page = client.get(reverse("participants:registration_detail", args=[korean.pk])).content.decode()
    assert "organizer-messages" not in page


def test_the_retention_purge_erases_the_messages_as_received(occurrence, django_capture_on_commit_callbacks):
    from reports.retention import participant_anonymise

    japanese, korean = _cohort(occurrence)
    with django_capture_on_commit_callbacks(execute=True):
        cohort_message_send(token=uuid.uuid4(), texts=TEXTS, registrations=[japanese, korean], by=None)
    participant_anonymise(participant=japanese.participant)
    erased = CohortMessageRecipient.objects.get(registration=japanese)
    assert (erased.subject, erased.body) == ("-", "")
    assert "Kim Minji" in CohortMessageRecipient.objects.get(registration=korean).body


@pytest.mark.parametrize("selection", ["1,x", "99999999999999999999999", "-4"])
def test_a_tampered_selection_is_refused_not_a_server_error(client, occurrence, selection):
    client.force_login(staff_user(occurrence.program.hosts.first()))
    data = {
        "token": str(uuid.uuid4()),
        "registrations": selection,
        "subject_en": "Hi",
        "body_en": "Hello",
        "_send": "1",
    }
    response = client.post(reverse("admin:participants_registration_message"), data)
    assert response.status_code == 200
    assert "The selection of registrations is not valid." in response.content.decode()
    assert not CohortMessage.objects.exists()


def test_the_changelist_action_writes_to_a_selection_or_the_whole_filter(client, occurrence):
    cohort = _cohort(occurrence) + [registration_in(occurrence, Registration.Status.SUBMITTED, email="s@example.org")]
    client.force_login(staff_user(occurrence.program.hosts.first()))
    changelist = reverse("admin:participants_registration_changelist")
    picked = client.post(changelist, {"action": "write_message", "_selected_action": [cohort[0].pk], "index": "0"})
    assert "To 1 official" in picked.content.decode()
    everyone = client.post(
        f"{changelist}?status__exact=accepted",
        {"action": "write_message", "_selected_action": [cohort[0].pk], "select_across": "1", "index": "0"},
    )
    page = everyone.content.decode()
    assert "To 2 officials" in page
    assert f'value="{cohort[0].pk},{cohort[1].pk}"' in page or f'value="{cohort[1].pk},{cohort[0].pk}"' in page


def test_queuing_the_same_keys_again_writes_nothing_more(django_capture_on_commit_callbacks):
    from notifications.services import notifications_queue_many

    item = {"key": "cohort_message:test:1", "template": "cohort_message", "recipient": "a@example.org",
            "language": "en", "reply_to": "desk@example.org",
            "context": {"message_subject": "Hi", "message_body": "Hello", "link": "http://x/"}}  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        assert len(notifications_queue_many(items=[item, item])) == 1
        assert notifications_queue_many(items=[item]) == []
    assert len(mail.outbox) == 1 and mail.outbox[0].reply_to == ["desk@example.org"]
