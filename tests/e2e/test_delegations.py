"""Delegations in the browser, with the demo's focal point and staff accounts: nominating up to
the allocation and beyond it, a nominee registering from the emailed link, substitution before
and after its deadline, a letter that is not a PDF, two sending countries kept apart, and the
staff overview's figures."""

import datetime
import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from delegations.models import Nomination
from delegations.services import nomination_invitation_token, nomination_register, nominations_create
from participants.models import Registration
from participants.services import registration_transition
from tests.e2e.logins import log_in, log_in_admin
from workshops.models import CountryQuota

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DEMO_PASSWORD = "exchange-portal-demo"
NOMINEE_PASSWORD = "lotus-terrace-harbour-88"
SLUG = "sample-cjk-delegations"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def demo():
    call_command("load_demo", stdout=io.StringIO())


def _allocation(country):
    return CountryQuota.objects.get(occurrence__slug=SLUG, country=country)


def _nominations():
    """This workshop's nominations (the demo's ASEAN-ROK roundtable has nominated heads of its own)."""
    return Nomination.objects.filter(allocation__occurrence__slug=SLUG)


def _open_allocation(page, url, country):
    page.locator("#nav-delegations").click()
    page.locator(".allocation-link").click()
    page.wait_for_selector("#allocation-summary")
    assert page.locator("#allocation-summary").inner_text().count({"CN": "China", "JP": "Japan"}[country]), (
        page.locator("#allocation-summary").inner_text()
    )


def _csv(tmp_path, name, rows):
    path = tmp_path / name
    lines = ["family_name,given_name,email,language"] + [",".join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _nominate_one(page, family, given, email):
    page.fill("#id_one-family_name", family)
    page.fill("#id_one-given_name", given)
    page.fill("#id_one-email", email)
    page.locator("#nominate-form button[type=submit]").click()


def test_focal_point_nominates_up_to_the_allocation_and_is_refused_beyond(page, live_server, demo, tmp_path):
    url = live_server.url
    log_in(page, url, "focal.japan@example.org")
    _open_allocation(page, url, "JP")
    assert page.locator("#allocation-seats").inner_text() == "15"

    # A list with a bad row: the row is named and nobody is nominated.
    bad = _csv(
        tmp_path, "bad.csv", [("Sato", "Yuki", "sato@pref.example.jp", "ja"), ("Ito", "Ken", "not-an-email", "")]
    )
    page.set_input_files("#id_list-file", str(bad))
    page.locator("#list-form button[type=submit]").click()
    assert "Row 3: the email address is not valid." in page.locator("#list-errors").inner_text()
    # Sixteen officials for fifteen seats: refused whole.
    sixteen = _csv(tmp_path, "16.csv", [("Sato", f"Yuki{i}", f"sato{i}@pref.example.jp", "ja") for i in range(16)])
    page.set_input_files("#id_list-file", str(sixteen))
    page.locator("#list-form button[type=submit]").click()
    assert (
        "The allocation has 15 seats and 15 are left; 16 nominations cannot be added."
        in page.locator("#list-errors").inner_text()
    )
    assert _nominations().count() == 0

    fourteen = _csv(tmp_path, "14.csv", [("Sato", f"Yuki{i}", f"sato{i}@pref.example.jp", "ja") for i in range(14)])
    page.set_input_files("#id_list-file", str(fourteen))
    page.locator("#list-form button[type=submit]").click()
    page.wait_for_selector("text=14 officials are nominated.")
    assert page.locator(".nominee-row").count() == 14

    # A second tab still shows the form; the first takes the last seat, the second is refused.
    stale = page.context.new_page()
    stale.goto(page.url)
    _nominate_one(page, "Suzuki", "Hana", "suzuki@pref.example.jp")
    page.wait_for_selector("#allocation-full")
    assert page.locator("#allocation-left").inner_text() == "0"
    assert page.locator("#nominate-form").count() == 0
    _nominate_one(stale, "Ito", "Ken", "ito@pref.example.jp")
    assert "15 seats and 0 are left" in stale.locator("#allocation-full").inner_text()
    assert Nomination.objects.filter(allocation=_allocation("JP")).count() == 15
    assert _allocation("JP").seats_nominated == 15
    # Each nominee got their invitation, in the language the list gave.
    assert len([m for m in mail.outbox if "/invitations/" in m.body]) == 15
    assert "推薦" in next(m for m in mail.outbox if m.to == ["sato0@pref.example.jp"]).subject


def test_a_nominee_registers_from_the_invitation_link(page, live_server, demo):
    url = live_server.url
    log_in(page, url, "focal.china@example.org")
    _open_allocation(page, url, "CN")
    _nominate_one(page, "Zhang", "Wei", "zhang.wei@gov.example.cn")
    page.wait_for_selector(".nominee-row")
    assert "Invited, not registered yet" in page.locator(".nominee-row").inner_text()
    page.locator("#krds-header .account-tools form button[type=submit]", has_text="Log out").click()
    page.locator("#krds-header .account-tools a", has_text="Log in").wait_for()

    (invitation,) = [m for m in mail.outbox if m.to == ["zhang.wei@gov.example.cn"]]
    link = re.search(r"http://\S+/invitations/\S+/", invitation.body).group(0)
    page.goto(link)
    page.fill("#id_password1", NOMINEE_PASSWORD)
    page.fill("#id_password2", NOMINEE_PASSWORD)
    page.locator("#invitation-account-form button[type=submit]").click()
    page.wait_for_selector("#nominated-by")
    assert page.input_value("#id_profile-family_name") == "Zhang"
    assert page.input_value("#id_profile-given_name") == "Wei"
    assert page.input_value("#id_profile-country") == "CN"
    page.fill("#id_profile-family_name_native", "张")
    page.fill("#id_profile-given_name_native", "伟")
    page.fill("#id_profile-department", "Foreign Affairs Office")
    page.fill("#id_profile-position", "Officer")
    start = _allocation("CN").occurrence.start_date
    page.fill("#id_arrival_date", (start - datetime.timedelta(days=1)).isoformat())
    page.check("#id_consent")
    page.locator("#registration-form button[type=submit]").click()
    page.wait_for_selector("#registration-status")
    assert page.locator("#registration-status .status-badge").inner_text() == "Submitted"

    registration = Registration.objects.get(participant__email="zhang.wei@gov.example.cn")
    assert registration.nominated_by.email == "focal.china@example.org"
    assert registration.allocation == _allocation("CN")
    # The link works once.
    page.goto(link)
    assert "already been used" in page.locator("#invitation-invalid").inner_text()


def test_substitution_before_the_deadline_and_refused_after_it(page, live_server, demo):
    url = live_server.url
    log_in(page, url, "focal.china@example.org")
    _open_allocation(page, url, "CN")
    _nominate_one(page, "Liu", "Yang", "liu.yang@gov.example.cn")
    page.locator(".nominee-row .substitute-link").click()
    page.fill("#id_sub-family_name", "Chen")
    page.fill("#id_sub-given_name", "Jing")
    page.fill("#id_sub-email", "chen.jing@gov.example.cn")
    page.locator("#substitute-form button[type=submit]").click()
    page.wait_for_selector("text=CHEN Jing replaces LIU Yang")
    assert page.locator(".nominee-row .nominee-name").all_inner_texts() == ["CHEN Jing"]
    assert "LIU Yang" in page.locator("#replaced-nominees").inner_text()
    assert "replaced by CHEN Jing" in page.locator("#replaced-nominees").inner_text()
    assert _allocation("CN").seats_nominated == 1

    substitute_url = page.url.rstrip("/") + "/nominations/{}/substitute/"
    current = _nominations().get(status="active")
    CountryQuota.objects.filter(pk=current.allocation_id).update(
        substitution_deadline=timezone.now() - datetime.timedelta(minutes=1)
    )
    page.reload()
    assert page.locator(".substitute-link").count() == 0
    page.goto(substitute_url.format(current.pk))
    page.fill("#id_sub-family_name", "Zhao")
    page.fill("#id_sub-given_name", "Lei")
    page.fill("#id_sub-email", "zhao.lei@gov.example.cn")
    page.locator("#substitute-form button[type=submit]").click()
    assert "The substitution deadline has passed" in page.locator("#substitute-error").inner_text()
    assert _nominations().get(status="active") == current


def test_a_letter_that_is_not_a_pdf_is_refused_and_a_pdf_is_kept_privately(page, live_server, demo, tmp_path):
    url = live_server.url
    log_in(page, url, "focal.china@example.org")
    _open_allocation(page, url, "CN")
    _nominate_one(page, "Zhou", "Min", "zhou.min@gov.example.cn")
    fake = tmp_path / "letter.pdf"
    fake.write_bytes(PNG)  # a picture named .pdf: the browser sends application/pdf, the bytes say PNG
    page.set_input_files(".letter-form input[type=file]", str(fake))
    page.locator(".letter-form button[type=submit]").click()
    assert (
        "The nomination letter must be a PDF file. Nothing was saved."
        in page.locator("main .alert-danger").inner_text()
    )
    assert page.locator(".letter-missing").count() == 1

    real = tmp_path / "nomination.pdf"
    real.write_bytes(PDF)
    page.set_input_files(".letter-form input[type=file]", str(real))
    page.locator(".letter-form button[type=submit]").click()
    page.wait_for_selector("text=The nomination letter of ZHOU Min is attached.")
    href = page.locator(".letter-link").get_attribute("href")
    response = page.request.get(url + href)
    assert (response.status, response.headers["content-type"], response.body()) == (200, "application/pdf", PDF)
    nomination = _nominations().get()
    assert "/media/" not in href and not nomination.letter.name.startswith("/")
    assert page.request.get(f"{url}/media/{nomination.letter.name}").status == 404


def test_two_sending_countries_are_kept_apart(page, live_server, demo):
    china, japan = _allocation("CN"), _allocation("JP")
    focal_china = china.occurrence.focal_points.get(country="CN")
    from accounts.models import User

    nominated = nominations_create(
        allocation=china,
        nominees=[{"family_name": "Huang", "given_name": "Li", "email": "huang.li@gov.example.cn"}],
        by=User.objects.get(email=focal_china.email),
    )[0]
    url = live_server.url
    log_in(page, url, "focal.japan@example.org")
    page.goto(f"{url}/delegations/")
    assert page.locator(".allocation-link").count() == 1
    assert "Japan" in page.locator(".allocation-link").inner_text()
    for path in (
        f"/delegations/{china.pk}/",
        f"/delegations/{china.pk}/nominations/{nominated.pk}/substitute/",
        f"/delegations/{china.pk}/nominations/{nominated.pk}/letter.pdf",
        f"/delegations/{japan.pk}/nominations/{nominated.pk}/substitute/",
    ):
        assert page.request.get(url + path).status == 404, path
    response = page.request.post(
        f"{url}/delegations/{china.pk}/nominate/",
        form={"one-family_name": "X", "one-given_name": "Y", "one-email": "x@example.jp", "one-language": "ja"},
        headers={"X-CSRFToken": next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")},
    )
    assert response.status == 404
    page.goto(f"{url}/delegations/{japan.pk}/")
    assert "HUANG" not in page.locator("main").inner_text()
    assert _nominations().count() == 1


def test_staff_overview_shows_each_delegations_figures_and_reminds(page, live_server, demo):
    from accounts.models import User

    china, japan = _allocation("CN"), _allocation("JP")
    focal = User.objects.get(email="focal.china@example.org")
    first, second = nominations_create(
        allocation=china,
        nominees=[
            {"family_name": "Wu", "given_name": "Gang", "email": "wu.gang@gov.example.cn", "language": "zh-hans"},
            {"family_name": "Ma", "given_name": "Lin", "email": "ma.lin@gov.example.cn", "language": "zh-hant"},
        ],
        by=focal,
    )
    nominations_create(
        allocation=japan,
        nominees=[{"family_name": "Mori", "given_name": "Aki", "email": "mori@pref.example.jp", "language": "ja"}],
        by=User.objects.get(email="focal.japan@example.org"),
    )
    nominee = User.objects.create_user(email="wu.gang@gov.example.cn", password=NOMINEE_PASSWORD)
    nominee.email_verified_at = timezone.now()
    nominee.save()
    registration = nomination_register(
        token=nomination_invitation_token(first),
        user=nominee,
        profile={"family_name": "Wu", "given_name": "Gang", "country": "CN", "preferred_language": "zh-hans"},
        answers={},
        consent=True,
    )
    registration_transition(registration=registration, to_status="accepted")
    mail.outbox.clear()

    url = live_server.url
    log_in_admin(page, url, "staff@example.org")
    page.goto(f"{url}/admin/workshops/occurrence/{china.occurrence_id}/change/")
    page.locator("#delegations-link").click()
    page.wait_for_selector("#delegation-overview")

    def row(party):
        cells = page.locator(f'.delegation-row[data-party="{party}"] td').all_inner_texts()
        return [int(c) for c in cells]

    # seats, nominated, registered, accepted, missing letters, missing travel details
    assert row("China") == [35, 2, 1, 1, 2, 1]
    assert row("Japan") == [15, 1, 0, 0, 1, 0]
    assert row("South Korea") == [38, 0, 0, 0, 0, 0]
    assert page.locator("#delegation-totals td").all_inner_texts() == ["88", "3", "1", "1", "3", "1"]

    page.locator("#remind-button").click()
    page.wait_for_selector("text=Reminders are being sent")
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects["focal.china@example.org"].startswith("提醒：您在")
    assert subjects["focal.japan@example.org"].startswith("リマインダー:")
    assert subjects["ma.lin@gov.example.cn"].startswith("提醒：請完成")
    assert subjects["mori@pref.example.jp"].startswith("リマインダー:")
    assert "wu.gang@gov.example.cn" not in subjects  # registered: nothing to remind
    assert second.pk


def test_staff_grant_a_focal_point_who_gets_the_invitation_in_their_language(page, live_server, demo):
    url = live_server.url
    log_in_admin(page, url, "staff@example.org")
    page.goto(f"{url}/admin/delegations/focalpoint/add/")
    page.fill("#id_email", "Focal.Korea@Gyeonggi.example.kr")
    page.fill("#id_name", "PARK Jiwoo")
    page.select_option("#id_language", "ko")
    page.select_option("#id_country", "KR")
    page.select_option("#id_occurrence", label="Sample CJK Workshop with delegations (demonstration only)")
    # An occurrence GAOK does not host is not even offered.
    assert page.locator("#id_occurrence option", has_text="7th CJK Trilateral Workshop").count() == 0
    page.locator("input[name=_save]").click()
    page.wait_for_selector(".messagelist .success")
    (invitation,) = [m for m in mail.outbox if m.to == ["focal.korea@gyeonggi.example.kr"]]
    assert invitation.subject == "대한민국 담당관으로 지정되셨습니다"
    assert f"{url}/delegations/" in invitation.body

    # The grant belongs to the address: signing up with it opens the Korean allocation.
    from accounts.models import User

    user = User.objects.create_user(email="focal.korea@gyeonggi.example.kr", password="granite-meadow-lantern-7")
    user.email_verified_at = timezone.now()
    user.save()
    page.context.clear_cookies()
    log_in(page, url, "focal.korea@gyeonggi.example.kr", "granite-meadow-lantern-7")
    page.goto(f"{url}/delegations/")
    assert page.locator(".allocation-link").count() == 1
    assert "South Korea" in page.locator(".allocation-link").inner_text()
