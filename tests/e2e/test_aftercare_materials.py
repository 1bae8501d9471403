"""Materials and photos in Chromium as the demo's people: the 2019 workshop's group photo with its
caption and credit in each of the five languages at 390 px; the past sample workshop's slides
downloaded by an official who attended, refused to a focal point who did not; the attendee asks to
have a photo removed and program staff see the request in the admin."""

import io

import pytest
from django.core.management import call_command

from aftercare.models import Photo, PhotoRemovalRequest
from tests.e2e.logins import log_in, log_in_admin

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

CAPTIONS = {
    "ko": ("2019년 워크숍 기념 단체사진", "출처: 대한민국 외교부", "사진"),
    "en": ("Commemorative Group Photo of 2019 Workshop", "Source: Ministry of Foreign Affairs, Korea", "Photos"),
    "zh-hans": ("2019年研讨会纪念合影", "来源：韩国外交部", "照片"),
    "zh-hant": ("2019年研討會紀念合影", "來源：韓國外交部", "照片"),
    "ja": ("2019年ワークショップ記念集合写真", "出典：韓国外交部", "写真"),
}


def test_group_photo_in_each_language_at_phone_width(page, live_server):
    call_command("load_demo", stdout=io.StringIO())
    page.set_viewport_size({"width": 390, "height": 844})
    problems = []
    for language, (caption, credit, heading) in CAPTIONS.items():
        page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
        page.goto(f"{live_server.url}/occurrences/cjk-trilateral-workshop-7/")
        figure = page.locator("#photos figure").first
        if page.locator("#photos-heading").inner_text() != heading:
            problems.append(f"{language}: heading {page.locator('#photos-heading').inner_text()!r}")
        if (
            figure.locator(".photo-caption").inner_text() != caption
            or figure.locator(".photo-credit").inner_text() != credit
        ):
            problems.append(f"{language}: caption {figure.inner_text()!r}")
        # The image arrived through the storage and was resized for the page.
        image = figure.locator("img")
        image.scroll_into_view_if_needed()
        # Waits for the image (a busy machine may still be loading it), 0 if it failed.
        loaded = image.evaluate(
            "img => img.complete ? img.naturalWidth"
            " : new Promise(done => { img.onload = () => done(img.naturalWidth); img.onerror = () => done(0); })"
        )
        if not loaded or loaded > 480:
            problems.append(f"{language}: thumbnail width {loaded}")
        if page.evaluate("document.documentElement.scrollWidth") > 390:
            problems.append(f"{language}: wider than the screen")
    assert not problems, "\n".join(problems)


def test_attendee_downloads_slides_and_outsider_cannot(page, live_server):
    call_command("load_demo", stdout=io.StringIO())
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, live_server.url, "official@example.org")
    page.goto(f"{live_server.url}/occurrences/sample-cjk-workshop-past/")
    link = page.get_by_role("link", name="Sample lecture slides (demonstration only)")
    slides_url = link.get_attribute("href")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.endswith(".pdf")
    with open(download.value.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"

    # A focal point who was not at this workshop sees only the public summary, and the slides' address refuses.
    page.context.clear_cookies()
    log_in(page, live_server.url, "focal.china@example.org")
    page.goto(f"{live_server.url}/occurrences/sample-cjk-workshop-past/")
    materials = page.locator("#materials").inner_text()
    assert "Sample workshop summary" in materials
    assert "Sample lecture slides" not in materials
    response = page.goto(live_server.url + slides_url)
    assert response.status == 403
    assert "shared only with the participants" in page.locator("#material-refused").inner_text()


def test_attendee_asks_removal_and_staff_remove(page, live_server):
    call_command("load_demo", stdout=io.StringIO())
    past = Photo.objects.get(caption_en="Commemorative Group Photo of 2019 Workshop")
    # A photo of the past sample workshop, which official@ attended (the 2019 photo has no demo attendee).
    # With its thumbnail, as the admin stores one: a missing one answers 404 with a page whose
    # header (its language form) sets a fresh CSRF cookie, and a late 404 racing the admin's
    # login page would replace the cookie that login page's form was signed with.
    photo = Photo.objects.create(
        occurrence_id=_past_id(),
        caption_en="Closing ceremony (sample)",
        image=past.image.name,
        thumbnail=past.thumbnail.name,
    )
    log_in(page, live_server.url, "official@example.org")
    page.goto(f"{live_server.url}/occurrences/sample-cjk-workshop-past/")
    page.locator("#photos").get_by_role("link", name="Ask to remove this photo").click()
    page.fill("#id_reason", "I am in the front row.")
    page.get_by_role("button", name="Send the request").click()
    page.wait_for_url(f"{live_server.url}/occurrences/sample-cjk-workshop-past/")
    assert PhotoRemovalRequest.objects.get(photo=photo).reason == "I am in the front row."
    # Every request of the official's page has answered before the cookies go.
    page.wait_for_load_state("networkidle")

    page.context.clear_cookies()
    log_in_admin(page, live_server.url, "staff@example.org")
    page.goto(f"{live_server.url}/admin/aftercare/photoremovalrequest/")
    row = page.locator("#result_list tbody tr").filter(has_text="Closing ceremony (sample)")
    row.locator("input[name=_selected_action]").check()
    page.select_option("select[name=action]", "remove_photos")
    page.locator("button[name=index]").click()
    assert "1 photo removed." in page.locator(".messagelist").inner_text()
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/occurrences/sample-cjk-workshop-past/")
    assert "Closing ceremony (sample)" not in page.content()


def _past_id():
    from workshops.models import Occurrence

    return Occurrence.objects.get(slug="sample-cjk-workshop-past").pk
