"""Certificates and visa letters in the demo: a design and a letter template for K2H and the
CJK workshop, the issuers' logos (drawn here: simple monograms, no real emblem), and a past
sample workshop whose certification ceremony staff can hold.

The issuing bodies are the seeds' own (GAOK, 대한민국시도지사협의회; MOIS, 행정안전부; MOFA); the
signatories are invented and marked as samples on every document they sign.
"""

import io
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from cohorts.models import CertificateDesign, InvitationLetterTemplate, Signatory
from cohorts.services import attendance_mark
from participants.models import Participant, Registration, RegistrationStatusChange
from participants.services import registration_transition
from programs.models import Organization, Program
from workshops.models import Occurrence

S = Registration.Status
LANGS = ("en", "ko", "zh_hans", "zh_hant", "ja")
LOGO_COLORS = {"gaok": (0, 82, 155), "mois": (0, 120, 80), "mofa": (120, 40, 60)}

SIGNATORIES = [
    # slug, organization, name, native name, {lang: title}
    (
        "gaok",
        "HONG Gil-dong (sample)",
        "홍길동 (견본)",
        {
            "en": "Secretary General (sample signatory)",
            "ko": "사무총장 (견본 서명인)",
            "zh_hans": "秘书长（样本签署人）",
            "zh_hant": "秘書長（樣本簽署人）",
            "ja": "事務総長（見本の署名者）",
        },
    ),
    (
        "mois",
        "KIM Cheol-su (sample)",
        "김철수 (견본)",
        {
            "en": "Director General for Local Cooperation (sample signatory)",
            "ko": "지방협력국장 (견본 서명인)",
            "zh_hans": "地方合作局局长（样本签署人）",
            "zh_hant": "地方合作局局長（樣本簽署人）",
            "ja": "地方協力局長（見本の署名者）",
        },
    ),
]

CERTIFICATE_TITLE = {
    "en": "Certificate of Completion",
    "ko": "수료증",
    "zh_hans": "结业证书",
    "zh_hant": "結業證書",
    "ja": "修了証書",
}
CERTIFICATE_WORDING = {
    "en": "has successfully completed {occurrence} ({dates}).",
    "ko": "위 사람은 {occurrence}({dates}) 과정을 성실히 이수하였기에 이 증서를 수여합니다.",
    "zh_hans": "已圆满完成{occurrence}（{dates}），特发此证。",
    "zh_hant": "已圓滿完成{occurrence}（{dates}），特發此證。",
    "ja": "{occurrence}（{dates}）の全課程を修了したことを証します。",
}
LETTER_PURPOSE = {
    "k2h": {
        "en": "to take part in {occurrence}, a training program for foreign local public officials "
        "in Korean local administration, placed with a Korean local government.",
        "ko": "외국 지방공무원을 위한 한국 지방행정 연수 프로그램인 {occurrence}에 참가하여 한국 지방자치단체에서 연수하기 위함.",
        "zh_hans": "参加{occurrence}，即面向外国地方公务员的韩国地方行政研修项目，并在韩国地方政府研修。",
        "zh_hant": "參加{occurrence}，即針對外國地方公務員的韓國地方行政研修計畫，並於韓國地方政府研修。",
        "ja": "外国の地方公務員を対象とする韓国地方行政研修プログラム「{occurrence}」に参加し、韓国の地方自治体で研修するため。",
    },
    "cjk-trilateral-workshop": {
        "en": "to take part in {occurrence}, a workshop of Korean, Japanese and Chinese local public officials.",
        "ko": "한·일·중 지방공무원이 함께하는 {occurrence}에 참가하기 위함.",
        "zh_hans": "参加韩日中地方公务员共同参与的{occurrence}。",
        "zh_hant": "參加韓日中地方公務員共同參與的{occurrence}。",
        "ja": "日韓中の地方公務員が参加する{occurrence}に出席するため。",
    },
}
DOCUMENTS = {
    # program slug: (issuers, signatory organizations, letter host, reference prefix, attendance %)
    "k2h": (["gaok"], ["gaok"], "gaok", "GAOK-K2H", None),
    "cjk-trilateral-workshop": (["mofa", "mois"], ["mois"], "mois", "MOIS-CJK", 100),
}


def _translated(field, values):
    return {f"{field}_{lang}": values[lang] for lang in LANGS if lang in values}


def _logo_png(acronym, color):
    """A plain monogram: a coloured disc with the acronym, standing in for a real emblem."""
    image = Image.new("RGBA", (240, 240), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, 232, 232), fill=color)
    draw.ellipse((22, 22, 218, 218), outline=(255, 255, 255), width=5)
    font = ImageFont.load_default(size=52)
    left, top, right, bottom = draw.textbbox((0, 0), acronym, font=font)
    draw.text(((240 - right - left) / 2, (240 - bottom - top) / 2), acronym, font=font, fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def load_logos():
    for slug, color in LOGO_COLORS.items():
        organization = Organization.objects.get(slug=slug)
        if not organization.logo:
            organization.logo.save(f"{slug}-sample-logo.png", ContentFile(_logo_png(organization.acronym, color)))


def load_designs():
    signatories = {}
    for order, (slug, name, native, titles) in enumerate(SIGNATORIES, start=1):
        signatory, _ = Signatory.objects.update_or_create(
            organization=Organization.objects.get(slug=slug),
            name=name,
            defaults={"name_native": native, "order": order, **_translated("title", titles)},
        )
        signatories[slug] = signatory
    for program_slug, (issuers, signing, host, prefix, attendance) in DOCUMENTS.items():
        program = Program.objects.get(slug=program_slug)
        if (program.asks_passport, program.completion_attendance_percent) != (True, attendance):
            # Saved (not .update()) so the history and the public pages' cache see the change.
            program.asks_passport, program.completion_attendance_percent = True, attendance
            program.save()
        design, _ = CertificateDesign.objects.update_or_create(
            program=program,
            defaults={**_translated("title", CERTIFICATE_TITLE), **_translated("wording", CERTIFICATE_WORDING)},
        )
        design.issuers.set(Organization.objects.filter(slug__in=issuers))
        design.signatories.set([signatories[slug] for slug in signing])
        InvitationLetterTemplate.objects.update_or_create(
            program=program,
            defaults={
                "host": Organization.objects.get(slug=host),
                "signatory": signatories[host],
                "reference_prefix": prefix,
                **_translated("purpose", LETTER_PURPOSE[program_slug]),
            },
        )


def load_past_workshop(*, today):
    """A two-day sample workshop that ended ten days before the demo was loaded, co-hosted by GAOK
    so its staff can hold the ceremony: two officials came both days, one only the first."""
    first = today - timedelta(days=11)
    occurrence, created = Occurrence.objects.get_or_create(
        slug="sample-cjk-workshop-past",
        defaults={
            "program": Program.objects.get(slug="cjk-trilateral-workshop"),
            **_translated(
                "title",
                {
                    "en": f"Sample CJK Workshop {first.year}, held (demonstration only)",
                    "ko": f"{first.year} 한일중 워크숍 견본, 종료 (시연용)",
                    "zh_hans": f"{first.year}年中日韩研讨会样例，已举行（仅供演示）",
                    "zh_hant": f"{first.year}年中日韓研討會樣例，已舉行（僅供展示）",
                    "ja": f"{first.year}年 日中韓ワークショップのサンプル、開催済み（デモ用）",
                },
            ),
            "year": first.year,
            "start_date": first,
            "end_date": first + timedelta(days=1),
            "date_precision": "day",
            **_translated(
                "location",
                {
                    "en": "Seoul, Korea (sample)",
                    "ko": "한국 서울 (견본)",
                    "zh_hans": "韩国首尔（样例）",
                    "zh_hant": "韓國首爾（樣例）",
                    "ja": "韓国・ソウル（サンプル）",
                },
            ),
            "country": "KR",
            "capacity": 90,
            "admission": "review",
            "is_sample": True,
        },
    )
    if not created:
        return occurrence
    occurrence.hosts.set(Organization.objects.filter(slug__in=["mofa", "gaok"]))
    attendance = {"wang.fang@example.org": 2, "sato.yuki@example.org": 2, "official@example.org": 1}
    for email, days in attendance.items():
        participant = Participant.objects.get(email=email)
        registration = Registration.objects.create(
            participant=participant,
            occurrence=occurrence,
            country=participant.country,
            status=S.SUBMITTED,
            consent_given_at=timezone.now(),
            is_sample=True,
        )
        RegistrationStatusChange.objects.create(registration=registration, to_status=S.SUBMITTED, note="Sample")
        registration_transition(registration=registration, to_status=S.ACCEPTED, note="Sample")
        for offset in range(days):
            attendance_mark(registration=registration, day=first + timedelta(days=offset))
    return occurrence


def load_documents(*, today):
    load_logos()
    load_designs()
    load_past_workshop(today=today)
