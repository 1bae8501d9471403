"""Every email kind (templates/emails/*) rendered in each of the five languages: it opens with the
greeting that language expects, naming the person in their culture's order, and a mail in
Korean, Japanese or Chinese carries no English sentence (names, links and codes aside)."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from aftercare.models import SpeakerInvitation, Survey, SurveyInvitation
from applications.models import OrganizationApplication, OrganizationCall
from bureau.models import ServiceRequest
from delegations.models import FocalPoint, Nomination
from meetings.models import Meeting
from notifications.registry import declared_kinds
from notifications.services import notification_render
from rosters.models import ExportJob
from tests.cohorts.factories import CertificateFactory
from tests.factories import (
    CountryQuotaFactory,
    OccurrenceFactory,
    OrganizationFactory,
    ParticipantFactory,
    ProgramFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = pytest.mark.integration

LANGUAGES = ("ko", "en", "zh-hans", "zh-hant", "ja")

# The reader of each language and the greeting they get.
PEOPLE = {
    "ko": ({"family_name": "Hong", "given_name": "Gildong", "family_name_native": "홍", "given_name_native": "길동", "country": "KR"}, "홍길동 님, 안녕하세요."),
    "ja": ({"family_name": "Yamada", "given_name": "Taro", "family_name_native": "山田", "given_name_native": "太郎", "country": "JP"}, "山田 太郎 様"),
    "zh-hans": ({"family_name": "Wang", "given_name": "Xiaoming", "family_name_native": "王", "given_name_native": "小明", "country": "CN"}, "尊敬的王小明："),
    "zh-hant": ({"family_name": "Chen", "given_name": "Yi-ting", "family_name_native": "陳", "given_name_native": "怡婷", "country": "TW"}, "陳怡婷 您好："),
    "en": ({"family_name": "Wang", "given_name": "Xiaoming", "family_name_native": "王", "given_name_native": "小明", "country": "CN"}, "Dear Wang Xiaoming,"),
}  # fmt: skip

TITLES = {
    "title_en": "Trilateral Workshop",
    "title_ko": "한일중 워크숍",
    "title_ja": "日中韓ワークショップ",
    "title_zh_hans": "中日韩研讨会",
    "title_zh_hant": "中日韓研討會",
}
PLACES = {
    "location_en": "Seoul, Korea",
    "location_ko": "대한민국 서울",
    "location_ja": "韓国ソウル",
    "location_zh_hans": "韩国首尔",
    "location_zh_hant": "韓國首爾",
}
# A nominee is known by the romanized name a focal point typed (no native script): their culture's order.
NOMINEE_GREETINGS = {
    "ko": "Hong Gildong 님, 안녕하세요.",
    "ja": "Yamada Taro 様",
    "zh-hans": "尊敬的Wang Xiaoming：",
    "zh-hant": "Chen Yi-ting 您好：",
    "en": "Dear Wang Xiaoming,",
}
GENERIC_GREETINGS = {"ko": "안녕하세요.", "ja": "ご担当者様", "zh-hans": "您好：", "zh-hant": "您好：", "en": "Hello,"}
FOCAL_POINT_NAMES = {"ko": "홍길동", "ja": "山田 太郎", "zh-hans": "王小明", "zh-hant": "陳怡婷", "en": "Wang Xiaoming"}
RESPONSES = {"ko": "검토했습니다.", "ja": "確認しました。", "zh-hans": "已处理。", "zh-hant": "已處理。", "en": "Done."}

# Three Latin-letter words in a row: an English phrase. Links, addresses and the people's own
# romanized names are taken out first.
ENGLISH_PHRASE = re.compile(r"[A-Za-z]{2,}(?:[\s,.;:'’-]+[A-Za-z]{2,}){2,}")
NOT_PROSE = re.compile(r"https?://\S+|\S+@\S+|OB-\d+-\d+")


def _context(kind, objects):
    registration = {"registration_id": objects["registration"].pk}
    return {
        "account_verify": {"verify_url": "http://testserver/v/abc/", "valid_days": 3, "recipient_user_id": objects["user"].pk},
        "account_password_reset": {"reset_url": "http://testserver/r/abc/", "valid_hours": 1, "recipient_user_id": objects["user"].pk},
        "certificate_ready": {"certificate_id": objects["certificate"].pk},
        "export_ready": {"export_job_id": objects["job"].pk},
        "staff_digest": {"digest_user_id": objects["user"].pk},
        "reminder_occurrence_start": {**registration, "days_left": 7},
        "reminder_followup": {**registration, "days_left": 7},
        "reminder_registration_deadline": {
            "occurrence_id": objects["occurrence"].pk,
            "participant_id": objects["participant"].pk,
            "days_left": 7,
        },
        "service_request_registered": {"service_request_id": objects["service_request"].pk},
        "service_request_mid_response": {"service_request_id": objects["service_request"].pk},
        "service_request_final_response": {"service_request_id": objects["service_request"].pk},
        "service_request_message": {
            "service_request_id": objects["service_request"].pk,
            "bureau_message_id": objects["bureau_message"].pk,
        },
        "service_request_requester_message": {
            "service_request_id": objects["service_request"].pk,
            "bureau_message_id": objects["bureau_message"].pk,
            "recipient_user_id": objects["user"].pk,
        },
        "service_request_late": {
            "service_request_id": objects["service_request"].pk,
            "recipient_user_id": objects["user"].pk,
        },
        "focal_point_invitation": {"focal_point_id": objects["focal_point"].pk, "page_url": "http://testserver/d/"},
        "delegation_reminder_focal_point": {
            "focal_point_id": objects["focal_point"].pk,
            "allocation_id": objects["allocation"].pk,
            "open_seats": 2,
            "missing_letters": 1,
            "page_url": "http://testserver/d/",
        },
        "account_exists": {
            "login_url": "http://testserver/l/",
            "reset_url": "http://testserver/r/",
            "recipient_user_id": objects["user"].pk,
        },
        "account_password_reset_unknown": {"signup_url": "http://testserver/s/"},
        # Staff write a cohort message themselves ({name} is formats.names.display_name).
        "cohort_message": {
            "message_subject": TITLES["title_" + objects["language"].replace("-", "_")],
            "message_body": RESPONSES[objects["language"]],
            "link": "http://testserver/registrations/1/",
        },
        # An alumnus writes to another through the portal: the sender's name, never their address.
        "alumni_message": {
            "participant_id": objects["participant"].pk,
            "sender_name": FOCAL_POINT_NAMES[objects["language"]],
            "sender_country": "JP",
            "program_name": TITLES["title_" + objects["language"].replace("-", "_")],
            "message_body": RESPONSES[objects["language"]],
            "link": "http://testserver/alumni/messages/1/",
        },
        "nomination_invitation": {"nomination_id": objects["nomination"].pk, "invitation_url": "http://testserver/i/"},
        "survey_invitation": {"survey_invitation_id": objects["survey_invitation"].pk},
        "survey_reminder": {"survey_invitation_id": objects["survey_invitation"].pk},
        "speaker_invitation": {"speaker_invitation_id": objects["speaker_invitation"].pk},
        "meeting_changed": {
            "meeting_id": objects["meeting"].pk,
            "focal_point_id": objects["focal_point"].pk,
            "event": "requested",
            "page_url": "http://testserver/meetings/1/",
        },
        "organization_application_received": {"organization_application_id": objects["application"].pk},
        "organization_application_accepted": {"organization_application_id": objects["application"].pk},
        "organization_application_declined": {"organization_application_id": objects["application"].pk},
        "organization_application_withdrawn": {"organization_application_id": objects["application"].pk},
        "delegation_reminder_nominee": {"nomination_id": objects["nomination"].pk, "invitation_url": "http://testserver/i/"},
    }.get(kind, registration)  # fmt: skip


def _objects(language):
    person, _greeting = PEOPLE[language]
    user = UserFactory(preferred_language=language, is_staff=True)
    participant = ParticipantFactory(user=user, preferred_language=language, **person)
    program = ProgramFactory(
        name_en="Workshop", name_ko="워크숍", name_ja="ワークショップ", name_zh_hans="研讨会", name_zh_hant="研討會"
    )
    occurrence = OccurrenceFactory(
        program=program,
        start_date=datetime.date(2028, 5, 20),
        end_date=datetime.date(2028, 5, 22),
        registration_closes_at=timezone.make_aware(datetime.datetime(2028, 3, 30, 18, 0)),
        **TITLES,
        **PLACES,
    )
    registration = RegistrationFactory(participant=participant, occurrence=occurrence, status="completed")
    certificate = CertificateFactory(
        registration=registration, number="K2H-2028-001", issued_on=datetime.date(2028, 5, 22)
    )
    job = ExportJob.objects.create(
        owner=user, description=TITLES["title_" + language.replace("-", "_")], row_count=12, language=language,
        expires_at=timezone.make_aware(datetime.datetime(2028, 5, 1, 9, 0)),
    )  # fmt: skip
    service_request = ServiceRequest.objects.create(
        reference="OB-2028-000001",
        requesting_organization=OrganizationFactory(),
        requested_by=user,
        contact_email=user.email,
        service="translation",
        subject=TITLES["title_" + language.replace("-", "_")],
        body=RESPONSES[language],
        mid_response=RESPONSES[language],
        final_response=RESPONSES[language],
        overdue_step="mid_response",
    )
    bureau_message = service_request.messages.create(from_staff=True, body=RESPONSES[language])
    allocation = CountryQuotaFactory(occurrence=occurrence, country=person["country"], seats=3)
    focal_point = FocalPoint.objects.create(
        email="focal@example.org",
        name=FOCAL_POINT_NAMES[language],
        language=language,
        country=person["country"],
        occurrence=occurrence,
    )
    nomination = Nomination.objects.create(
        allocation=allocation,
        family_name=person["family_name"],
        given_name=person["given_name"],
        email="nominee@example.org",
        language=language,
    )
    survey = Survey.objects.create(occurrence=occurrence, title=TITLES["title_en"], is_active=True)
    survey_invitation = SurveyInvitation.objects.create(survey=survey, registration=registration)
    # A speaker is named as staff typed the name (greeted like a focal point).
    speaker_invitation = SpeakerInvitation.objects.create(
        occurrence=occurrence, name=FOCAL_POINT_NAMES[language], email="speaker@example.org", language=language
    )
    # A bilateral meeting the focal point's delegation asks for.
    counterpart = CountryQuotaFactory(occurrence=occurrence, country="VN", seats=3)
    meeting = Meeting.objects.create(
        occurrence=occurrence,
        requester=allocation,
        requester_head=nomination,
        counterpart=counterpart,
        topic=RESPONSES[language],
    )
    # A local government's application, greeted to the official who filed it.
    call = OrganizationCall.objects.create(
        occurrence=occurrence, places=12, opens_at=timezone.make_aware(datetime.datetime(2028, 1, 1, 9, 0))
    )
    application = OrganizationApplication.objects.create(
        call=call,
        organization=OrganizationFactory(),
        submitted_by=user,
        contact_name=FOCAL_POINT_NAMES[language],
        contact_email=user.email,
        needs=RESPONSES[language],
        attendees=20,
    )
    return locals()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", sorted(declared_kinds()))
def test_every_email_kind_greets_in_the_language_and_has_no_english_sentence(db, kind, language):
    objects = _objects(language)
    subject, text, html = notification_render(template=kind, language=language, context=_context(kind, objects))

    _person, greeting = PEOPLE[language]
    if kind.startswith(("nomination_", "delegation_reminder_nominee")):
        greeting = NOMINEE_GREETINGS[language]
    if kind == "account_password_reset_unknown":  # an address without an account: nobody to name
        greeting = GENERIC_GREETINGS[language]
    if kind != "cohort_message":  # it opens as the staff member wrote it
        assert text.splitlines()[0] == greeting
        assert f"<p>{greeting}</p>" in html
    if kind.startswith("survey_"):  # the attendee's own link to the survey
        link = reverse("aftercare:survey_answer", args=[objects["survey_invitation"].token])
        assert link in text and link in html
    if kind == "speaker_invitation":  # the speaker's own private link
        link = reverse("aftercare:speaker_materials", args=[objects["speaker_invitation"].token])
        assert link in text and link in html
    if language != "en":
        prose = NOT_PROSE.sub(" ", f"{subject}\n{text}").replace("Yi-ting", "").replace("Chen", "")
        assert ENGLISH_PHRASE.findall(prose) == []


def test_the_matrix_covers_every_email_template():
    from pathlib import Path

    names = {p.name.split(".")[0] for p in Path("templates/emails").glob("*.txt") if not p.name.startswith("_")}
    assert names == set(declared_kinds())
