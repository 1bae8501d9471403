"""Every page of the after-event features on a 390 px phone in Korean, as the demo's people reach
them: the past sample workshop's page with its materials and photos, the photo removal request
(sent empty-handed is fine: the reason is optional), the slides refused to a focal point who was not
there, the library searched, the evaluation survey sent back incomplete then answered, and an
invited speaker's page before and after adding slides. Each fits the screen and shows no Latin-script
string but the proper names and titles the content keeps as written."""

import io

import pytest
from django.conf import settings
from django.core.management import call_command

from aftercare.models import Material, Photo, PhotoRemovalRequest, SpeakerInvitation, SurveyInvitation
from aftercare.surveys import surveys_send_due
from tests.e2e.logins import log_in
from tests.e2e.phone import PHONE, latin_leftovers, open_menu, wider_than_screen
from workshops.models import Occurrence

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

OFFICIAL = "official@example.org"
PAST = "/occurrences/sample-cjk-workshop-past/"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
# The portal's contact address, the accounts' addresses, and the acronyms Korean writes in Latin
# letters: the hosts', the time zone's, the file format's and the size unit.
KEPT = {settings.PORTAL_CONTACT_EMAIL, OFFICIAL, "focal.china@example.org", "GAOK", "MOFA", "KST", "PDF", "MB"}


def _as(page, url, email=None):
    page.context.clear_cookies()
    page.context.add_cookies([{"name": "django_language", "value": "ko", "url": url}])
    if email:
        log_in(page, url, email)


def test_after_event_pages_in_korean_on_a_phone(page, live_server, tmp_path):
    call_command("load_demo", stdout=io.StringIO())
    past = Occurrence.objects.get(slug="sample-cjk-workshop-past")
    group = Photo.objects.get(caption_en="Commemorative Group Photo of 2019 Workshop")
    photo = Photo.objects.create(
        occurrence=past, caption_ko="폐회식 (견본)", image=group.image.name, thumbnail=group.thumbnail.name
    )
    slides = Material.objects.get(occurrence=past, is_public=False)
    assert surveys_send_due()["invited"] == 3
    survey_token = SurveyInvitation.objects.get(registration__participant__email=OFFICIAL).token
    survey_link = f"/aftercare/surveys/{survey_token}/"
    speaker = SpeakerInvitation.objects.create(
        occurrence=past, name="김서연", email="kim.seoyeon@example.kr", language="ko"
    )
    url = live_server.url
    page.set_viewport_size(PHONE)
    problems = []

    def check(where, kept=()):
        if page.locator("html").get_attribute("lang") != "ko":
            problems.append(f"{where}: lang={page.locator('html').get_attribute('lang')}")
        if wide := wider_than_screen(page):
            problems.append(f"{where}: wider than the screen: {wide}")
        if left := latin_leftovers(page, KEPT | set(kept)):
            problems.append(f"{where}: not in Korean: {left}")

    # The official who attended: the workshop's page, then a photo removal request.
    _as(page, url, OFFICIAL)
    page.goto(url + PAST)
    check("occurrence with materials and photos")
    # Each thumbnail's box has its shape before its lazy picture arrives, so the links under it stay put.
    for box in [img.bounding_box() for img in page.locator("#photos img").all()]:
        assert box["height"] == pytest.approx(box["width"] * 3 / 4, abs=1)
    page.locator("#photos").get_by_role("link", name="이 사진 삭제 요청").last.click()
    check("photo removal request")
    page.get_by_role("button", name="요청 보내기").click()
    page.wait_for_url(url + PAST)
    assert PhotoRemovalRequest.objects.filter(photo=photo).count() == 1
    check("occurrence after the request")

    # The evaluation survey from its link: sent back incomplete, then answered.
    page.goto(url + survey_link)
    check("survey")
    page.locator("#survey-form button[type=submit]").click()
    page.wait_for_selector("#survey-errors")
    check("survey with errors")
    for name in set(
        page.locator("#survey-form").evaluate("f => [...f.querySelectorAll('[type=radio]')].map(r => r.name)")
    ):
        page.locator(f"#survey-form [type=radio][name='{name}']").first.check()
    page.locator("#survey-form button[type=submit]").click()
    page.wait_for_selector("#survey-done")
    check("survey done")

    # The library, from the collapsed menu, searched by area.
    open_menu(page)
    page.locator("#nav-library").click()
    check("library")
    page.select_option("#id_area", label="복지")
    page.locator("#library-search button[type=submit]").click()
    page.wait_for_url("**/library/?*")
    check("library searched")

    # A focal point who was not there: the slides are refused, in Korean.
    _as(page, url, "focal.china@example.org")
    response = page.goto(f"{url}/aftercare/materials/{slides.pk}/")
    assert response.status == 403
    check("material refused")

    # The invited speaker, without an account: the page, then a PDF added.
    _as(page, url)
    page.goto(f"{url}/aftercare/speakers/{speaker.token}/")
    check("speaker page")
    upload = tmp_path / "slides.pdf"
    upload.write_bytes(PDF)
    page.select_option("#id_kind", "slides")
    page.fill("#id_title", "수원시 스마트도시 정책")
    page.set_input_files("#id_file", str(upload))
    page.locator("#speaker-form button[type=submit]").click()
    page.wait_for_selector("#speaker-materials li")
    check("speaker page with slides")
    assert not problems, "\n".join(problems)
