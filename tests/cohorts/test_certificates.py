import io

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from pypdf import PdfReader

from cohorts.models import Certificate
from cohorts.services import certification_ceremony_hold
from notifications.models import Notification
from participants.models import Registration
from tests.cohorts.factories import hosted_occurrence, registration_in, staff_user
from tests.factories import OrganizationFactory, ProgramFactory, UserFactory

S = Registration.Status
pytestmark = [pytest.mark.django_db, pytest.mark.integration]


@pytest.fixture
def gaok():
    return OrganizationFactory(name_en="GAOK", name_native="대한민국시도지사협의회")


@pytest.fixture
def k2h_cohort(gaok):
    program = ProgramFactory(slug="k2h", kind="training", name_en="K2H Program")
    occurrence = hosted_occurrence(gaok, program=program, title_en="K2H 2026", year=2026)
    kim = registration_in(
        occurrence,
        S.ATTENDED,
        family_name="Kim",
        given_name="Minsu",
        family_name_native="김",
        given_name_native="민수",
        country="KR",
        preferred_language="ko",
    )
    wang = registration_in(
        occurrence,
        S.ATTENDED,
        family_name="Wang",
        given_name="Xiaoming",
        family_name_native="王",
        given_name_native="小明",
        country="CN",
        preferred_language="zh-hans",
    )
    yamada = registration_in(
        occurrence,
        S.ATTENDED,
        family_name="Yamada",
        given_name="Hanako",
        family_name_native="山田",
        given_name_native="花子",
        country="JP",
        preferred_language="ja",
    )
    absent = registration_in(occurrence, S.ACCEPTED, family_name="Sato", given_name="Taro", country="JP")
    return occurrence, [kim, wang, yamada], absent


def _pdf_text(file_field):
    with file_field.open("rb") as handle:
        return PdfReader(io.BytesIO(handle.read())).pages[0].extract_text()


def test_ceremony_completes_attendees_and_issues_numbered_cjk_certificates(
    k2h_cohort, gaok, django_capture_on_commit_callbacks
):
    occurrence, attendees, absent = k2h_cohort
    staff = staff_user(gaok)

    with django_capture_on_commit_callbacks(execute=True):
        issued = certification_ceremony_hold(occurrence=occurrence, by=staff, note="Ceremony")

    assert [(c.number, c.registration.participant.family_name) for c in issued] == [
        ("K2H-2026-001", "Kim"),
        ("K2H-2026-002", "Wang"),
        ("K2H-2026-003", "Yamada"),
    ]
    assert set(Registration.objects.filter(pk__in=[r.pk for r in attendees]).values_list("status", flat=True)) == {
        S.COMPLETED
    }
    absent.refresh_from_db()
    assert absent.status == S.ACCEPTED
    texts = {c.number: _pdf_text(Certificate.objects.get(pk=c.pk).file) for c in issued}
    assert "김민수" in texts["K2H-2026-001"] and "KIM Minsu" in texts["K2H-2026-001"]
    assert "王小明" in texts["K2H-2026-002"]
    assert "山田花子" in texts["K2H-2026-003"]
    assert "K2H-2026-003" in texts["K2H-2026-003"]
    assert sorted(Notification.objects.filter(template="certificate_ready").values_list("key", flat=True)) == [
        f"certificate:{c.pk}:ready" for c in sorted(issued, key=lambda c: str(c.pk))
    ]


def test_certificate_pdf_embeds_the_noto_cjk_font(k2h_cohort, gaok, django_capture_on_commit_callbacks):
    occurrence, _attendees, _absent = k2h_cohort
    with django_capture_on_commit_callbacks(execute=True):
        certificate = certification_ceremony_hold(occurrence=occurrence, by=staff_user(gaok))[0]

    with Certificate.objects.get(pk=certificate.pk).file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    fonts = [font.get_object() for font in reader.pages[0]["/Resources"]["/Font"].values()]
    embedded = [font["/FontDescriptor"].get_object() for font in fonts if font["/Subtype"] == "/TrueType"]
    # Every font the text uses is an embedded TrueType subset of Noto Sans CJK KR.
    assert len(embedded) >= 1
    assert all("/FontFile2" in descriptor for descriptor in embedded)
    assert {str(d["/FontName"]).split("+")[1].rsplit("-", 1)[0] for d in embedded} == {"NotoSansCJKkr-Regular"}


def test_second_ceremony_issues_nothing_new(k2h_cohort, gaok, django_capture_on_commit_callbacks):
    occurrence, _attendees, _absent = k2h_cohort
    staff = staff_user(gaok)
    with django_capture_on_commit_callbacks(execute=True):
        certification_ceremony_hold(occurrence=occurrence, by=staff)

    assert certification_ceremony_hold(occurrence=occurrence, by=staff) == []
    assert Certificate.objects.count() == 3


def test_ceremony_button_in_admin_and_download_by_the_official(
    client, k2h_cohort, gaok, django_capture_on_commit_callbacks
):
    occurrence, attendees, _absent = k2h_cohort
    client.force_login(staff_user(gaok))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:workshops_occurrence_ceremony", args=[occurrence.pk]))

    assert [str(m) for m in get_messages(response.wsgi_request)] == ["3 certificates issued; the PDFs are being built."]
    official = UserFactory()
    participant = attendees[1].participant
    participant.user = official
    participant.save()
    client.force_login(official)
    download = client.get(reverse("cohorts:certificate_download", args=[attendees[1].certificate.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"] == 'attachment; filename="K2H-2026-002.pdf"'
    assert "王小明" in PdfReader(io.BytesIO(b"".join(download.streaming_content))).pages[0].extract_text()


def test_numbering_continues_after_the_highest_number_even_with_gaps(k2h_cohort, gaok):
    occurrence, attendees, _absent = k2h_cohort
    Certificate.objects.create(
        registration=registration_in(occurrence, S.COMPLETED, family_name="Earlier"),
        number="K2H-2026-007",
        issued_on="2026-01-01",
    )

    issued = certification_ceremony_hold(occurrence=occurrence, by=staff_user(gaok))

    assert [c.number for c in issued] == ["K2H-2026-008", "K2H-2026-009", "K2H-2026-010"]
