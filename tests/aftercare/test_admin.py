"""Program staff add photos and materials to their occurrences in the admin and act on removal requests."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from aftercare.models import Material, Photo, PhotoRemovalRequest
from tests.cohorts.factories import hosted_occurrence, registration_in, staff_user
from tests.factories import OccurrenceFactory, OrganizationFactory, UserFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

CAPTIONS = {
    "caption_en": "Group photo",
    "caption_ko": "단체사진",
    "caption_zh_hans": "合影",
    "caption_zh_hant": "合影",
    "caption_ja": "集合写真",
}


def _jpeg():
    buffer = io.BytesIO()
    Image.new("RGB", (2400, 1200), "red").save(buffer, "JPEG")
    return SimpleUploadedFile("group.jpg", buffer.getvalue(), content_type="image/jpeg")


@pytest.fixture
def staff_client(client):
    gaok = OrganizationFactory()
    occurrence = hosted_occurrence(gaok)
    client.force_login(staff_user(gaok))
    return client, occurrence


def test_staff_add_photo_in_admin(staff_client):
    client, occurrence = staff_client
    response = client.post(
        "/admin/aftercare/photo/add/",
        {"occurrence": occurrence.pk, "upload": _jpeg(), "is_public": "on", "order": 0, **CAPTIONS},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    photo = Photo.objects.get()
    assert photo.image.name.endswith(".jpg") and photo.image.width == 1600


def test_staff_photo_bad_file_is_refused_and_nothing_saved(staff_client):
    client, occurrence = staff_client
    bad = SimpleUploadedFile("group.jpg", b"\x00\x00not a photo", content_type="image/jpeg")
    response = client.post(
        "/admin/aftercare/photo/add/", {"occurrence": occurrence.pk, "upload": bad, "order": 0, **CAPTIONS}
    )
    assert response.status_code == 200
    assert Photo.objects.count() == 0


def test_staff_cannot_attach_to_another_organizations_occurrence(staff_client):
    client, _occurrence = staff_client
    other = OccurrenceFactory()
    response = client.post(
        "/admin/aftercare/material/add/",
        {"occurrence": other.pk, "kind": "link", "title_en": "x", "url": "https://example.org/", "order": 0},
    )
    assert response.status_code == 200
    assert Material.objects.count() == 0


def test_staff_removes_requested_photo(staff_client):
    client, occurrence = staff_client
    photo = Photo.objects.create(occurrence=occurrence, caption_en="Group photo", image="photos/x.jpg")
    registration = registration_in(occurrence, status="attended", user=UserFactory())
    request = PhotoRemovalRequest.objects.create(photo=photo, requested_by=registration.participant.user)
    assert "Group photo" in client.get("/admin/aftercare/photoremovalrequest/").content.decode()
    client.post(
        "/admin/aftercare/photoremovalrequest/",
        {"action": "remove_photos", "_selected_action": [request.pk]},
    )
    photo.refresh_from_db()
    request.refresh_from_db()
    assert photo.is_removed and request.status == "removed"
