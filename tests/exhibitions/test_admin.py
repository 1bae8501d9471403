"""Program staff manage their occurrences' exhibitions in the admin (sections, exhibiting
organizations and exhibits inline, an exhibit's image resized on upload); reviewers cannot, and
staff never reach another organization's exhibition. As the demo's accounts."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from PIL import Image

from accounts.models import User
from exhibitions.models import Exhibit, Exhibition, Section
from tests.admin.helpers import change_form_data
from workshops.models import Occurrence

from .factories import exhibition, exhibitor, section, texts

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def demo(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def gaok_expo(demo):
    """An exhibition at GAOK's sample K2H cohort, a GAOK program's occurrence."""
    expo = exhibition(Occurrence.objects.get(slug="sample-k2h-cohort"), slug="k2h-expo", published=False)
    section(expo, "Local government innovation")
    exhibitor(expo, "Suwon-si", "KR")
    return expo


def _as(client, email):
    client.force_login(User.objects.get(email=email))
    return client


def _png():
    buffer = io.BytesIO()
    Image.new("RGB", (3000, 2000), (200, 30, 30)).save(buffer, "PNG")
    return SimpleUploadedFile("stand.png", buffer.getvalue(), content_type="image/png")


def test_program_staff_edit_their_exhibition_with_sections_and_exhibits_inline(client, gaok_expo):
    _as(client, "staff@example.org")
    changelist = client.get("/admin/exhibitions/exhibition/")
    assert changelist.status_code == 200 and "Innovation Expo" in changelist.content.decode()
    url = f"/admin/exhibitions/exhibition/{gaok_expo.pk}/change/"
    response = client.get(url)
    assert response.status_code == 200
    data = change_form_data(response)
    data.update({"is_published": "on", "title_en": "K2H Innovation Expo"})
    # A second section, and an exhibit in the existing one with an image.
    data.update({f"sections-1-{k}": v for k, v in {"order": "2", **texts("title", "Training")}.items()})
    data["sections-TOTAL_FORMS"] = "2"
    existing = Section.objects.get(exhibition=gaok_expo)
    suwon = gaok_expo.exhibitors.get()
    exhibit_fields = {
        "order": "1",
        "section": str(existing.pk),
        "exhibitor": str(suwon.pk),
        "stand": "K-7",
        **texts("title", "Suwon's civil complaint kiosk"),
        **texts("image_description", "A kiosk"),
    }
    data.update({f"exhibits-0-{k}": v for k, v in exhibit_fields.items()})
    data["exhibits-0-upload"] = _png()
    data["exhibits-TOTAL_FORMS"] = "1"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    gaok_expo.refresh_from_db()
    assert gaok_expo.is_published and gaok_expo.title_en == "K2H Innovation Expo"
    assert list(gaok_expo.sections.values_list("title_en", flat=True)) == ["Local government innovation", "Training"]
    exhibit = Exhibit.objects.get(exhibition=gaok_expo)
    assert (exhibit.stand, exhibit.exhibitor, exhibit.section) == ("K-7", suwon, existing)
    assert (exhibit.image.width, exhibit.image.height) == (1200, 800)
    assert client.get(exhibit.get_absolute_url()).status_code == 200


def test_a_bad_image_is_refused_and_nothing_saved(client, gaok_expo):
    _as(client, "staff@example.org")
    url = f"/admin/exhibitions/exhibition/{gaok_expo.pk}/change/"
    data = change_form_data(client.get(url))
    fields = {"order": "1", "section": str(gaok_expo.sections.get().pk), **texts("title", "Kiosk")}
    data.update({f"exhibits-0-{k}": v for k, v in fields.items()})
    data["exhibits-0-upload"] = SimpleUploadedFile("x.png", b"not an image", content_type="image/png")
    data["exhibits-TOTAL_FORMS"] = "1"
    response = client.post(url, data)
    assert response.status_code == 200
    assert Exhibit.objects.count() == Exhibit.objects.exclude(exhibition=gaok_expo).count()


def test_an_exhibit_cannot_take_another_exhibitions_section(client, gaok_expo):
    _as(client, "staff@example.org")
    asean_section = Section.objects.get(exhibition__slug="asean-rok-exhibition-2019", order=1)
    url = f"/admin/exhibitions/exhibition/{gaok_expo.pk}/change/"
    data = change_form_data(client.get(url))
    data.update(
        {
            f"exhibits-0-{k}": v
            for k, v in {"order": "1", "section": str(asean_section.pk), **texts("title", "X")}.items()
        }
    )
    data["exhibits-TOTAL_FORMS"] = "1"
    assert client.post(url, data).status_code == 200
    assert not Exhibit.objects.filter(exhibition=gaok_expo).exists()


def test_program_staff_add_an_exhibition_only_to_their_occurrences(client, demo):
    _as(client, "staff@example.org")
    mine = Occurrence.objects.get(slug="sample-k2h-cohort")
    theirs = Occurrence.objects.get(slug="asean-rok-roundtable-2019")  # hosted by MOIS
    response = client.get("/admin/exhibitions/exhibition/add/")
    assert response.status_code == 200
    data = change_form_data(response)
    data.update({"slug": "new-expo", **texts("title", "New expo")})
    data["occurrence"] = str(theirs.pk)
    assert client.post("/admin/exhibitions/exhibition/add/", data).status_code == 200
    assert not Exhibition.objects.filter(slug="new-expo").exists()
    data["occurrence"] = str(mine.pk)
    assert client.post("/admin/exhibitions/exhibition/add/", data).status_code == 302
    assert Exhibition.objects.get(slug="new-expo").occurrence == mine


def test_program_staff_do_not_reach_another_organizations_exhibition(client, demo):
    _as(client, "staff@example.org")
    asean = Exhibition.objects.get(slug="asean-rok-exhibition-2019")
    assert "ASEAN-ROK Exhibition" not in client.get("/admin/exhibitions/exhibition/").content.decode()
    response = client.get(f"/admin/exhibitions/exhibition/{asean.pk}/change/")
    assert response.status_code == 302  # the admin's "does not exist" redirect, nothing shown
    client.post(f"/admin/exhibitions/exhibition/{asean.pk}/delete/", {"post": "yes"})
    assert Exhibition.objects.filter(pk=asean.pk).exists()


def test_mois_staff_manage_the_asean_rok_exhibition(client, demo):
    _as(client, "mois.staff@example.org")
    asean = Exhibition.objects.get(slug="asean-rok-exhibition-2019")
    url = f"/admin/exhibitions/exhibition/{asean.pk}/change/"
    data = change_form_data(client.get(url))
    data["exhibits-0-stand"] = "A-01"
    assert client.post(url, data).status_code == 302
    assert asean.exhibits.get(order=1).stand == "A-01"
    changelist = client.get("/admin/exhibitions/exhibition/").content.decode()
    assert "ASEAN-ROK Exhibition on Public Service Innovation" in changelist


def test_reviewer_cannot_see_or_edit_exhibitions(client, gaok_expo):
    _as(client, "reviewer@example.org")
    assert client.get("/admin/exhibitions/exhibition/").status_code == 403
    url = f"/admin/exhibitions/exhibition/{gaok_expo.pk}/change/"
    assert client.get(url).status_code == 403
    assert client.post(url, {"title_en": "Changed", "slug": "k2h-expo"}).status_code == 403
    gaok_expo.refresh_from_db()
    assert gaok_expo.title_en == "Innovation Expo"
    assert "exhibitions" not in client.get("/admin/").content.decode().lower()
