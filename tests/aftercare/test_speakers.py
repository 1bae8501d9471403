"""A speaker's private link: what it lets them add (checked files, links) and take back, and what it
never opens (another speaker's material, an expired or withdrawn link)."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from aftercare.models import Material, SpeakerInvitation
from aftercare.speakers import SPEAKER_MATERIALS_MAX
from notifications.models import Notification
from tests.factories import OccurrenceFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def invitation():
    occurrence = OccurrenceFactory()
    return SpeakerInvitation.objects.create(
        occurrence=occurrence, name="Dr. Sato Hanako", email="sato@example.jp", language="ja"
    )


def page(invitation):
    return reverse("aftercare:speaker_materials", args=[invitation.token])


def test_a_speaker_adds_a_pdf_and_a_link_and_removes_one(client, invitation, django_capture_on_commit_callbacks):
    response = client.post(
        page(invitation),
        {"kind": "slides", "title": "Smart city policy in Yokohama", "file": SimpleUploadedFile("talk.pdf", PDF)},
    )
    assert response.status_code == 302
    response = client.post(
        page(invitation), {"kind": "link", "title": "Recording", "url": "https://video.example.jp/talk"}
    )
    assert response.status_code == 302
    materials = list(invitation.materials.order_by("pk"))
    assert [(m.title, m.is_public, m.occurrence_id) for m in materials] == [
        ("Smart city policy in Yokohama", False, invitation.occurrence_id),
        ("Recording", False, invitation.occurrence_id),
    ]
    stored = materials[0].file
    assert stored.storage.exists(stored.name)
    body = client.get(page(invitation)).content.decode()
    assert "Smart city policy in Yokohama" in body and "Recording" in body
    download = client.get(reverse("aftercare:speaker_material_download", args=[invitation.token, materials[0].pk]))
    assert b"".join(download.streaming_content) == PDF
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("aftercare:speaker_material_remove", args=[invitation.token, materials[0].pk]))
    assert list(invitation.materials.values_list("title", flat=True)) == ["Recording"]
    assert not stored.storage.exists(stored.name)


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("talk.pdf", b"MZ\x90\x00 not a pdf", "is not a kind of file accepted here"),
        ("talk.exe", PDF, "is not a kind of file accepted here"),
        ("talk.pdf", b"", "The submitted file is empty"),
    ],
)
def test_a_file_that_is_not_what_it_says_is_refused_and_nothing_is_kept(client, invitation, name, content, message):
    response = client.post(
        page(invitation), {"kind": "paper", "title": "Paper", "file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Material.objects.exists()


def test_neither_file_nor_link_and_both_are_refused(client, invitation):
    response = client.post(page(invitation), {"kind": "paper", "title": "Paper"})
    assert "Give either a file or a link, not both." in response.content.decode()
    response = client.post(
        page(invitation),
        {"kind": "paper", "title": "Paper", "url": "https://x.example", "file": SimpleUploadedFile("a.pdf", PDF)},
    )
    assert "Give either a file or a link, not both." in response.content.decode()
    assert not Material.objects.exists()


def test_one_speaker_cannot_touch_another_speakers_material(client, invitation):
    other = SpeakerInvitation.objects.create(occurrence=invitation.occurrence, name="B", email="b@example.org")
    theirs = Material.objects.create(
        occurrence=invitation.occurrence, kind="link", title="Theirs", url="https://b.example", speaker=other
    )
    assert (
        client.get(reverse("aftercare:speaker_material_download", args=[invitation.token, theirs.pk])).status_code
        == 404
    )
    client.post(reverse("aftercare:speaker_material_remove", args=[invitation.token, theirs.pk]))
    assert Material.objects.filter(pk=theirs.pk).exists()


def test_an_expired_or_withdrawn_link_opens_nothing(client, invitation):
    invitation.expires_at = timezone.now() - datetime.timedelta(minutes=1)
    invitation.save()
    response = client.get(page(invitation))
    assert response.status_code == 404
    assert "This link is no longer valid" in response.content.decode()
    invitation.expires_at = timezone.now() + datetime.timedelta(days=1)
    invitation.revoked = True
    invitation.save()
    response = client.post(page(invitation), {"kind": "link", "title": "Late", "url": "https://x.example"})
    assert response.status_code == 404
    assert not Material.objects.exists()
    assert client.get("/aftercare/speakers/not-a-uuid/").status_code == 404


def test_a_speaker_adds_at_most_the_limit(client, invitation):
    Material.objects.bulk_create(
        [
            Material(
                occurrence=invitation.occurrence,
                kind="link",
                title=f"L{n}",
                url="https://x.example",
                speaker=invitation,
            )
            for n in range(SPEAKER_MATERIALS_MAX)
        ]
    )
    response = client.post(page(invitation), {"kind": "link", "title": "One more", "url": "https://x.example"})
    assert "the most one invitation takes" in response.content.decode()
    assert invitation.materials.count() == SPEAKER_MATERIALS_MAX


def test_the_invitation_email_is_queued_in_the_speakers_language_with_the_link(invitation):
    from aftercare.speakers import speaker_invitation_send
    from demo.samples import DEMO_PASSWORD  # noqa: F401 - the admin flow itself is in the browser test

    speaker_invitation_send(invitation=invitation)
    notification = Notification.objects.get(template="speaker_invitation")
    assert notification.recipient == "sato@example.jp"
    assert notification.language == "ja"
    assert str(invitation.token) in notification.body_text
