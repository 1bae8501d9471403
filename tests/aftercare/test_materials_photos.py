"""Materials and photos of an occurrence: who sees and downloads them, how photos are stored, and a
participant's request to remove a photo of themselves, decided by staff."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image

from aftercare.models import Material, Photo, PhotoRemovalRequest
from aftercare.services import AftercareError, photo_removal_request, photo_remove, photo_set_image
from tests.cohorts.factories import staff_user
from tests.factories import (
    AgendaItemFactory,
    OccurrenceFactory,
    OrganizationFactory,
    ParticipantFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _png(width=3000, height=2000):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (10, 120, 200)).save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name="upload.png")


@pytest.fixture
def world():
    occurrence = OccurrenceFactory()
    item = AgendaItemFactory(occurrence=occurrence, title_en="The Current Status of CJK Cooperation")
    attendee_user = UserFactory()
    attendee = ParticipantFactory(user=attendee_user, email=attendee_user.email)
    RegistrationFactory(participant=attendee, occurrence=occurrence, status="attended")
    outsider = UserFactory()
    private = Material(occurrence=occurrence, agenda_item=item, kind="slides", title_en="Slides of the lecture")
    private.file.save("slides.pdf", ContentFile(b"%PDF-1.4 slides"), save=False)
    private.save()
    public = Material.objects.create(
        occurrence=occurrence, kind="link", title_en="Public summary", url="https://example.org/summary", is_public=True
    )
    return {
        "occurrence": occurrence,
        "attendee": attendee_user,
        "outsider": outsider,
        "private": private,
        "public": public,
    }


def test_material_download_by_attendee_only(client, world):
    url = f"/aftercare/materials/{world['private'].pk}/"
    client.force_login(world["attendee"])
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 slides"
    assert response["Content-Disposition"].startswith("attachment")
    client.force_login(world["outsider"])
    refused = client.get(url)
    assert refused.status_code == 403
    assert "only with the participants" in refused.content.decode()
    client.logout()
    assert client.get(url)["Location"].startswith("/accounts/login/")


def test_occurrence_page_lists_materials_by_reader(client, world):
    page = f"/occurrences/{world['occurrence'].slug}/"
    anonymous = client.get(page).content.decode()
    assert "Public summary" in anonymous
    assert "Slides of the lecture" not in anonymous
    client.force_login(world["attendee"])
    insider = client.get(page).content.decode()
    assert "Slides of the lecture" in insider
    assert "The Current Status of CJK Cooperation" in insider


def test_anonymous_page_cache_follows_new_material(client, world):
    page = f"/occurrences/{world['occurrence'].slug}/"
    assert "New public paper" not in client.get(page).content.decode()
    Material.objects.create(
        occurrence=world["occurrence"],
        kind="link",
        title_en="New public paper",
        url="https://example.org/p",
        is_public=True,
    )
    assert "New public paper" in client.get(page).content.decode()


def test_photo_resized_and_served_through_storage(client, world):
    photo = Photo.objects.create(occurrence=world["occurrence"], caption_en="Group photo", credit_en="Source: MOFA")
    photo_set_image(photo=photo, upload=_png())
    photo.refresh_from_db()
    with default_storage.open(photo.image.name) as handle:
        assert Image.open(handle).size == (1600, 1067)
    with default_storage.open(photo.thumbnail.name) as handle:
        assert Image.open(handle).size == (480, 320)
    response = client.get(f"/aftercare/photos/{photo.pk}/page.jpg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    html = client.get(f"/occurrences/{world['occurrence'].slug}/").content.decode()
    assert "Group photo" in html and "Source: MOFA" in html


def test_photo_upload_that_is_not_an_image_is_refused(world):
    from django.core.exceptions import ValidationError

    photo = Photo.objects.create(occurrence=world["occurrence"], caption_en="Broken")
    with pytest.raises(ValidationError):
        photo_set_image(photo=photo, upload=ContentFile(b"\x00not an image", name="x.png"))
    photo.refresh_from_db()
    assert not photo.image


def test_removal_request_then_staff_remove(client, world, django_capture_on_commit_callbacks):
    photo = Photo.objects.create(occurrence=world["occurrence"], caption_en="Group photo")
    photo_set_image(photo=photo, upload=_png(800, 600))
    with pytest.raises(AftercareError):
        photo_removal_request(photo=photo, user=world["outsider"])
    client.force_login(world["attendee"])
    response = client.post(f"/aftercare/photos/{photo.pk}/removal/", {"reason": "That is me\x00 on the left"})
    assert response.status_code == 302
    request = PhotoRemovalRequest.objects.get()
    assert request.reason == "That is me on the left"
    again = client.post(f"/aftercare/photos/{photo.pk}/removal/", {"reason": ""})
    assert again.status_code == 400
    assert "already asked" in again.content.decode()
    name = photo.image.name
    assert default_storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        photo_remove(photo=photo, by=staff_user(OrganizationFactory()))
    assert not default_storage.exists(name)
    request.refresh_from_db()
    assert request.status == PhotoRemovalRequest.Status.REMOVED
    assert client.get(f"/aftercare/photos/{photo.pk}/page.jpg").status_code == 404
    assert "Group photo" not in client.get(f"/occurrences/{world['occurrence'].slug}/").content.decode()
    assert PhotoRemovalRequest.objects.count() == 1
