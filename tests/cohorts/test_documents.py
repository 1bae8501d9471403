"""Certificates and visa letters as their readers meet them: the ceremony's guard and confirmation
list, the bilingual PDFs with their QR code, the public verification page in five languages,
revocation, passport details under the retention rule and the roster exporter's opt-in columns."""

import datetime
import io

import pytest
import zxingcpp
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from pypdf import PdfReader

from cohorts.documents import document_revoke, invitation_letter_issue
from cohorts.models import Certificate, InvitationLetter
from cohorts.services import CohortError, ceremony_plan, certification_ceremony_hold
from notifications.models import Notification
from participants.models import Participant, PassportDetails, Registration
from participants.services import registration_transition
from programs.models import Organization
from reports.retention import participant_anonymise
from rosters.exporters import RegistrationRosterExporter
from workshops.models import Occurrence

S = Registration.Status
pytestmark = [pytest.mark.django_db, pytest.mark.integration]
LANGUAGES = ["ko", "en", "zh-hans", "zh-hant", "ja"]


@pytest.fixture
def demo(settings):
    settings.SITE_URL = "https://portal.example.org"
    call_command("load_demo", stdout=io.StringIO())
    # The demo's K2H applicant from Viet Nam, accepted (staff review is another flow's test).
    registration = Registration.objects.get(occurrence__slug="sample-k2h-cohort", participant__family_name="Nguyen")
    registration_transition(registration=registration, to_status=S.ACCEPTED)
    return Occurrence.objects.get(slug="sample-cjk-workshop-past")


def committed(function, **kwargs):
    """Call a service and run what it left for after commit (the PDF task, eager here)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return function(**kwargs)


def issue_letter(registration):
    return committed(invitation_letter_issue, registration=registration, by=None)


def pdf_text(data):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


FACE = {"ko": "kr", "en": "kr", "ja": "jp", "zh-hans": "sc", "zh-hant": "tc"}


def pdf_font_names(data):
    """The Noto CJK faces embedded: {"kr", "sc", ...}."""
    fonts = PdfReader(io.BytesIO(data)).pages[0]["/Resources"]["/Font"].values()
    names = {str(f.get_object().get("/BaseFont")) for f in fonts}
    return {name.split("NotoSansCJK")[1][:2] for name in names if "NotoSansCJK" in name}


def pdf_qr_urls(data):
    """Read every QR code in the PDF's images, as a phone camera would."""
    urls = []
    for page in PdfReader(io.BytesIO(data)).pages:
        for image in page.images:
            picture = Image.open(io.BytesIO(image.data)).convert("L")
            urls += [result.text for result in zxingcpp.read_barcodes(picture)]
    return urls


def hold(occurrence):
    plan = ceremony_plan(occurrence=occurrence)
    return committed(
        certification_ceremony_hold,
        occurrence=occurrence,
        expected={row["registration"].pk for row in plan["completing"]},
    )


def test_ceremony_plan_lists_completers_and_those_below_the_threshold(demo):
    plan = ceremony_plan(occurrence=demo)
    assert plan["threshold"] == 100
    assert [(str(r["registration"].participant), r["days"]) for r in plan["completing"]] == [
        ("SATO Yuki (佐藤由紀)", 2),
        ("WANG Fang (王芳)", 2),
    ]
    [kim] = plan["not_completing"]
    assert str(kim["registration"].participant) == "KIM Minji (김민지)"
    assert kim["reason"] == "attended 1 of 2 days (50%), below the 100% needed"


def test_ceremony_before_the_last_day_is_refused_and_changes_nothing(demo):
    demo.end_date = timezone.localdate() + datetime.timedelta(days=1)
    demo.save()
    with pytest.raises(CohortError, match="can be held from its last day on"):
        hold(demo)
    assert not Certificate.objects.exists()
    assert not Registration.objects.filter(occurrence=demo, status=S.COMPLETED).exists()


def test_ceremony_refused_when_the_list_changed_since_it_was_shown(demo):
    with pytest.raises(CohortError, match="has changed since you opened it"):
        certification_ceremony_hold(occurrence=demo, expected=set())
    assert not Certificate.objects.exists()


def test_ceremony_completes_only_those_above_the_threshold_dated_today(demo):
    issued = hold(demo)
    assert sorted(c.registration.participant.family_name for c in issued) == ["Sato", "Wang"]
    assert {c.issued_on for c in issued} == {timezone.localdate()}
    kim = Registration.objects.get(occurrence=demo, participant__family_name="Kim")
    assert kim.status == S.ATTENDED


@pytest.mark.parametrize(
    ("language", "localized"),
    [
        ("ko", "위 사람은"),
        ("zh-hans", "结业证书"),
        ("zh-hant", "結業證書"),
        ("ja", "修了証書"),
        ("en", "Certificate of Completion"),
    ],
)
def test_certificate_is_printed_in_the_holders_language_and_english_with_a_verifying_qr(
    demo, client, language, localized
):
    Participant.objects.filter(email="wang.fang@example.org").update(preferred_language=language)
    hold(demo)
    certificate = Certificate.objects.get(registration__participant__email="wang.fang@example.org")
    data = certificate.file.read()
    text = pdf_text(data)
    assert localized in text
    assert "has successfully completed" in text  # the English wording beside it
    assert "王芳" in text and "WANG Fang" in text
    assert "HONG Gil-dong" not in text and "KIM Cheol-su (sample)" in text  # the CJK design's MOIS signatory
    assert certificate.number in text
    assert FACE[language] in pdf_font_names(data)  # the language's own Noto face; zh-hant in TC
    [url] = pdf_qr_urls(data)
    assert url == f"https://portal.example.org/verify/{certificate.verification.token}/"
    page = client.get(url.removeprefix("https://portal.example.org"), HTTP_ACCEPT_LANGUAGE=language)
    assert page.status_code == 200
    body = page.content.decode()
    assert certificate.number in body and "WANG Fang (王芳)" in body
    assert "wang.fang@example.org" not in body and "Officer" not in body


VALID = {
    "en": "This document was issued through this portal and is current.",
    "ko": "이 문서는 이 포털에서 발급되었으며 현재 유효합니다.",
    "zh-hans": "本文件经本门户签发，目前有效。",
    "zh-hant": "本文件經本入口網站簽發，目前有效。",
    "ja": "この文書は本ポータルで発行され、現在有効です。",
}
REVOKED = {
    "en": "Revoked.",
    "ko": "취소됨.",
    "zh-hans": "已撤销。",
    "zh-hant": "已撤銷。",
    "ja": "取り消し済み。",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_verification_page_says_valid_then_revoked_in_each_language(demo, client, language):
    [certificate, *_rest] = hold(demo)
    url = reverse("verify", args=[certificate.verification.token])
    client.cookies["django_language"] = language
    assert VALID[language] in client.get(url).content.decode()
    document_revoke(verification=certificate.verification, by=None, reason="Attendance record was wrong")
    body = client.get(url).content.decode()
    assert REVOKED[language] in body and VALID[language] not in body
    assert "Attendance record was wrong" not in body  # the reason is for the holder, not the public


def test_unknown_or_sequential_tokens_find_nothing(demo, client):
    hold(demo)
    assert client.get(reverse("verify", args=["1"])).status_code == 404
    assert client.get(reverse("verify", args=[Certificate.objects.first().number])).status_code == 404


def test_revocation_needs_a_reason_records_who_and_tells_the_holder(demo, settings):
    [certificate, *_rest] = hold(demo)
    with pytest.raises(CohortError, match="Give the reason"):
        document_revoke(verification=certificate.verification, by=None, reason="  ")
    staff = demo.program.hosts.first()  # any row: who revoked is a user below
    from tests.factories import UserFactory

    user = UserFactory(is_staff=True, organization=staff)
    document_revoke(verification=certificate.verification, by=user, reason="Issued by mistake")
    certificate.verification.refresh_from_db()
    assert (certificate.verification.revoked_by, certificate.verification.revoked_reason) == (user, "Issued by mistake")
    notice = Notification.objects.get(template="document_revoked")
    assert notice.recipient == certificate.registration.participant.email
    assert "Issued by mistake" in notice.body_text
    with pytest.raises(CohortError, match="already revoked"):
        document_revoke(verification=certificate.verification, by=user, reason="again")


def _nguyen_with_passport():
    registration = Registration.objects.get(occurrence__slug="sample-k2h-cohort", participant__family_name="Nguyen")
    PassportDetails.objects.create(
        participant=registration.participant,
        full_name="NGUYEN VAN AN",
        nationality="VN",
        number="C1234567",
        expires_on=datetime.date(2035, 1, 1),
    )
    return registration


def test_visa_letter_refused_without_passport_then_issued_with_cost_shares_and_qr(demo):
    registration = Registration.objects.get(occurrence__slug="sample-k2h-cohort", participant__family_name="Nguyen")
    assert registration.status == S.ACCEPTED
    with pytest.raises(CohortError, match="has not entered passport details"):
        issue_letter(registration)
    _nguyen_with_passport()
    letter = InvitationLetter.objects.get(pk=issue_letter(registration).pk)
    data = letter.file.read()
    text = pdf_text(data)
    for expected in ("NGUYEN VAN AN", "C1234567", "Vietnam", "Governors Association of Korea", letter.reference):
        assert expected in text
    assert "400,000" in text or "living expense" in text.lower()  # who covers which cost, from CostShare rows
    [url, *_more] = pdf_qr_urls(data)
    assert url.endswith(f"/verify/{letter.verification.token}/")
    with pytest.raises(CohortError, match="already has a current letter"):
        issue_letter(registration)


def test_a_korean_official_gets_no_visa_letter(demo):
    registration = Registration.objects.get(occurrence=demo, participant__family_name="Kim")
    with pytest.raises(CohortError, match="needs no visa letter"):
        issue_letter(registration)


def test_retention_purge_erases_passport_details_and_letter_pdfs(demo):
    registration = _nguyen_with_passport()
    letter = issue_letter(registration)
    letter.refresh_from_db()
    assert letter.file
    participant_anonymise(participant=registration.participant)
    assert not PassportDetails.objects.filter(participant=registration.participant).exists()
    letter.refresh_from_db()
    assert not letter.file


def test_roster_exports_passport_columns_only_when_chosen(demo):
    _nguyen_with_passport()
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.get(email="admin@example.org")
    filters = {"occurrence": Occurrence.objects.get(slug="sample-k2h-cohort").pk}
    default = RegistrationRosterExporter(user=admin, filters=filters)
    assert "passport_number" not in [c.key for c in default.columns()]
    assert not any("C1234567" in str(cell) for row in default.rows() for cell in row)
    chosen = RegistrationRosterExporter(
        user=admin, filters=filters, columns=["family_name", "passport_name", "passport_nationality", "passport_number"]
    )
    assert chosen.header() == [
        "Family name (romanized)",
        "Name as in the passport",
        "Nationality (passport)",
        "Passport number",
    ]
    rows = {row[0]: list(row[1:]) for row in chosen.rows()}
    assert rows["Nguyen"] == ["NGUYEN VAN AN", "Vietnam", "C1234567"]
    assert all(value is None for name, row in rows.items() if name != "Nguyen" for value in row)


def test_a_revoked_certificate_is_no_longer_offered_to_its_holder(demo, client):
    from tests.factories import UserFactory

    [certificate, *_rest] = hold(demo)
    participant = certificate.registration.participant
    if participant.user is None:  # some demo attendees sign in already (the alumni demo's)
        participant.user = UserFactory(email=participant.email)
        participant.save()
    client.force_login(participant.user)
    page_url = reverse("participants:registration_detail", args=[certificate.registration.pk])
    download_url = reverse("cohorts:certificate_download", args=[certificate.pk])
    assert download_url in client.get(page_url).content.decode()

    document_revoke(verification=certificate.verification, by=None, reason="Issued by mistake")

    body = client.get(page_url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert download_url not in body and 'id="certificate-revoked"' in body
    assert client.get(download_url).status_code == 404


def test_passport_form_is_offered_only_where_the_program_asks_and_checks_the_passport(demo, client):
    from tests.factories import UserFactory

    registration = Registration.objects.get(occurrence__slug="sample-k2h-cohort", participant__family_name="Nguyen")
    participant = registration.participant
    participant.user = UserFactory(email=participant.email)
    participant.save()
    client.force_login(participant.user)
    url = reverse("participants:passport", args=[registration.pk])
    response = client.post(
        url, {"full_name": "Nguyễn Văn An", "nationality": "VN", "number": "C12", "expires_on": "2028-05-01"}
    )
    errors = response.context["form"].errors
    assert errors["number"] == ["A passport number has 5 to 20 letters and digits."]
    assert errors["expires_on"][0].startswith("The passport expires before the program ends")
    assert not PassportDetails.objects.exists()
    response = client.post(
        url, {"full_name": "Nguyen  Van An", "nationality": "VN", "number": "c 1234567", "expires_on": "2035-01-31"}
    )
    assert response.status_code == 302
    saved = PassportDetails.objects.get(participant=participant)
    assert (saved.full_name, saved.number) == ("NGUYEN VAN AN", "C1234567")

    # The Korean official of the past CJK workshop is not foreign: no form for her.
    kim = Registration.objects.get(occurrence=demo, participant__family_name="Kim")
    kim.participant.user = (
        UserFactory(email=kim.participant.email) if kim.participant.user is None else kim.participant.user
    )
    kim.participant.save()
    client.force_login(kim.participant.user)
    assert client.get(reverse("participants:passport", args=[kim.pk])).status_code == 404


LETTER_ADDRESSEE = {
    "ko": "담당 영사 귀하",
    "ja": "ご担当の領事官殿",
    "zh-hans": "致相关领事官员",
    "zh-hant": "致相關領事官員",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_visa_letter_is_in_english_then_the_holders_language(demo, language):
    registration = _nguyen_with_passport()
    Participant.objects.filter(pk=registration.participant_id).update(preferred_language=language)
    letter = InvitationLetter.objects.get(pk=issue_letter(registration).pk)
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(letter.file.read())).pages]
    assert "To the consular officer concerned" in pages[0]
    if language == "en":
        assert len(pages) == 1
    else:
        assert len(pages) == 2
        assert LETTER_ADDRESSEE[language] in pages[1]
        assert "C1234567" in pages[1] and letter.reference in pages[1]


def test_staff_see_the_letter_log_on_the_registration_and_revoke_it_reviewers_cannot(demo, client):
    from django.contrib.auth.models import Group

    from tests.factories import UserFactory

    gaok = Organization.objects.get(slug="gaok")
    staff = UserFactory(is_staff=True, organization=gaok, email="letters@gaok.example.org")
    staff.groups.add(Group.objects.get(name="Program staff"))
    reviewer = UserFactory(is_staff=True, organization=gaok)
    reviewer.groups.add(Group.objects.get(name="Program reviewers"))
    registration = _nguyen_with_passport()
    letter = committed(invitation_letter_issue, registration=registration, by=staff)

    client.force_login(reviewer)
    letter_page = client.get(reverse("admin:cohorts_invitationletter_change", args=[letter.pk])).content.decode()
    assert letter.reference in letter_page and "revoke-link" not in letter_page
    revoke_url = reverse("admin:cohorts_invitationletter_revoke", args=[letter.pk])
    assert client.post(revoke_url, {"reason": "no"}).status_code in (403, 404)

    client.force_login(staff)
    registration_page = client.get(reverse("admin:participants_registration_change", args=[registration.pk]))
    body = registration_page.content.decode()
    assert letter.reference in body and "letters@gaok.example.org" in body  # who issued it
    assert client.post(revoke_url, {"reason": "Dates changed; a new letter follows"}).status_code == 302
    body = client.get(reverse("admin:participants_registration_change", args=[registration.pk])).content.decode()
    assert "Dates changed; a new letter follows" in body and "Revoked on" in body
    assert Notification.objects.filter(template="document_revoked", recipient=registration.participant.email).exists()
    # A new letter can now be issued, with the next number.
    second = committed(invitation_letter_issue, registration=registration, by=staff)
    assert second.reference.endswith("-002")


def test_staff_edit_their_programs_certificate_design_and_letter_template_only(demo, client):
    from django.contrib.auth.models import Group

    from cohorts.models import CertificateDesign, InvitationLetterTemplate
    from tests.factories import UserFactory

    staff = UserFactory(is_staff=True, organization=Organization.objects.get(slug="gaok"))
    staff.groups.add(Group.objects.get(name="Program staff"))
    client.force_login(staff)
    designs = client.get(reverse("admin:cohorts_certificatedesign_changelist")).content.decode()
    k2h = CertificateDesign.objects.get(program__slug="k2h")
    cjk = CertificateDesign.objects.get(program__slug="cjk-trilateral-workshop")  # hosted by MOFA
    assert reverse("admin:cohorts_certificatedesign_change", args=[k2h.pk]) in designs
    assert reverse("admin:cohorts_certificatedesign_change", args=[cjk.pk]) not in designs
    page = client.get(reverse("admin:cohorts_certificatedesign_change", args=[k2h.pk]))
    assert page.status_code == 200 and "wording_zh_hant" in page.content.decode()
    template = InvitationLetterTemplate.objects.get(program__slug="k2h")
    form = client.get(reverse("admin:cohorts_invitationlettertemplate_change", args=[template.pk]))
    assert form.status_code == 200
    # A placeholder the letter does not know is refused with its name; nothing is saved.
    data = {
        "program": template.program_id,
        "host": template.host_id,
        "signatory": template.signatory_id,
        "reference_prefix": "GAOK-K2H",
        "purpose_en": "to attend {ocurrence}",
        "closing_en": "",
    }
    response = client.post(reverse("admin:cohorts_invitationlettertemplate_change", args=[template.pk]), data)
    assert "Unknown placeholder: {ocurrence}." in response.content.decode()
    template.refresh_from_db()
    assert "{occurrence}" in template.purpose_en
