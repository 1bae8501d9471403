"""Samples for trying the portal: accounts, officials, open occurrences and registrations.

None of this comes from the seeds. Every row is flagged `is_sample` (participants,
occurrences, registrations) or uses an example.org address, so it can never be mistaken
for a real person or event.
"""

from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cohorts.models import SpeechEntry, SpeechRound
from participants.models import Participant, Registration
from participants.services import registration_submit, registration_transition
from programs.models import Organization, Program
from programs.roles import CHECKIN_DESK, JUDGES, PROGRAM_STAFF, REVIEWERS
from workshops.models import CountryQuota, Occurrence

ACCEPTED = Registration.Status.ACCEPTED

DEMO_PASSWORD = "exchange-portal-demo"  # noqa: S105 - documented demo login, sample data only

ACCOUNTS = {
    # email: (first, last, is_superuser, organization slug, role: a group of programs/roles.py)
    "admin@example.org": ("Portal", "Administrator", True, None, None),
    "staff@example.org": ("GAOK", "Staff", False, "gaok", PROGRAM_STAFF),
    "reviewer@example.org": ("GAOK", "Reviewer", False, "gaok", REVIEWERS),
    "checkin@example.org": ("GAOK", "Check-in desk", False, "gaok", CHECKIN_DESK),
    "judge@example.org": ("GAOK", "Judge", False, "gaok", JUDGES),
    "official@example.org": ("Minji", "Kim", False, None, None),
}

SAMPLE_OFFICIALS = [
    # email, family, given, family native, given native, country, org slug, department, position, level, langs, pref lang
    (
        "official@example.org",
        "Kim",
        "Minji",
        "김",
        "민지",
        "KR",
        "gyeonggi",
        "International Cooperation Division",
        "Officer",
        6,
        ["ko", "en", "zh"],
        "ko",
    ),
    (
        "wang.fang@example.org",
        "Wang",
        "Fang",
        "王",
        "芳",
        "CN",
        None,
        "Foreign Affairs Office",
        "Officer",
        None,
        ["zh", "ko"],
        "zh-hans",
    ),
    (
        "sato.yuki@example.org",
        "Sato",
        "Yuki",
        "佐藤",
        "由紀",
        "JP",
        None,
        "International Affairs Division",
        "Officer",
        None,
        ["ja", "ko"],
        "ja",
    ),
    (
        "chen.yiting@example.org",
        "Chen",
        "Yi-ting",
        "陳",
        "怡婷",
        "TW",
        "taipei",
        "Department of Civil Servant Development",
        "Section Officer",
        None,
        ["zh", "en"],
        "zh-hans",
    ),
    # The K2H sample cohort, accepted: the check-in desk finds them by any spelling of their name.
    (
        "li.na@example.org",
        "Li",
        "Na",
        "李",
        "娜",
        "CN",
        None,
        "Foreign Affairs Office",
        "Officer",
        None,
        ["zh", "en"],
        "zh-hans",
    ),
    (
        "yamada.taro@example.org",
        "Yamada",
        "Taro",
        "山田",
        "太郎",
        "JP",
        None,
        "International Exchange Division",
        "Officer",
        None,
        ["ja", "en"],
        "ja",
    ),
    (
        "tran.thi.lan@example.org",
        "Tran",
        "Thi Lan",
        "Trần",
        "Thị Lan",
        "VN",
        None,
        "Department of Foreign Affairs",
        "Officer",
        None,
        ["vi", "en"],
        "en",
    ),  # noqa: E501
    # A Korean contestant of the sample speech contest, accepted, in the judge's preliminary round.
    (
        "lee.seojun@example.org",
        "Lee",
        "Seojun",
        "이",
        "서준",
        "KR",
        "gyeonggi",
        "International Cooperation Division",
        "Officer",
        6,
        ["ko", "en"],
        "ko",
    ),  # noqa: E501
    (
        "nguyen.van.an@example.org",
        "Nguyen",
        "Van An",
        "Nguyễn",
        "Văn An",
        "VN",
        None,
        "Department of Home Affairs",
        "Officer",
        None,
        ["vi", "en"],
        "en",
    ),
]


def _accounts():
    User = get_user_model()
    users = {}
    for email, (first, last, is_superuser, org, role) in ACCOUNTS.items():
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User(
                email=email,
                first_name=first,
                last_name=last,
                is_staff=is_superuser or org is not None,
                is_superuser=is_superuser,
                organization=Organization.objects.filter(slug=org).first(),
            )
            user.set_password(DEMO_PASSWORD)
            user.email_verified_at = user.date_joined
            user.save()
        if role:
            # Exactly the role's rights: earlier demos gave staff@ model permissions one by one.
            user.user_permissions.clear()
            user.groups.set([Group.objects.get(name=role)])
        users[email] = user
    return users


def _in_languages(field, values):
    return {f"{field}_{lang}": value for lang, value in values.items()}


def _sample_occurrence(slug, program_slug, title, start, end, *, now, window, capacity, admission, location, quotas=()):
    texts = {**_in_languages("title", title), **_in_languages("location", location)}
    occurrence, created = Occurrence.objects.get_or_create(
        slug=slug,
        defaults={
            "program": Program.objects.get(slug=program_slug),
            **texts,
            "year": start.year,
            "start_date": start,
            "end_date": end,
            "date_precision": "day",
            "capacity": capacity,
            "admission": admission,
            "is_sample": True,
            "registration_opens_at": now,
            "registration_closes_at": now + window,
        },
    )
    if not created and any(getattr(occurrence, name) != value for name, value in texts.items()):
        # A database loaded before the samples were translated gets their titles in every language.
        for name, value in texts.items():
            setattr(occurrence, name, value)
        occurrence.save()
    if created:
        for country, seats in quotas:
            CountryQuota.objects.create(occurrence=occurrence, country=country, seats=seats)
    return occurrence


def load_samples(*, now, window):
    users = _accounts()
    year = (now + window).year + 1
    workshop = _sample_occurrence(
        "sample-cjk-workshop",
        "cjk-trilateral-workshop",
        {
            "en": "Sample CJK Workshop (demonstration only)",
            "ko": "한일중 워크숍 견본 (시연용)",
            "zh_hans": "中日韩研讨会样例（仅供演示）",
            "zh_hant": "中日韓研討會樣例（僅供展示）",
            "ja": "日中韓ワークショップのサンプル（デモ用）",
        },
        date(year, 5, 20),
        date(year, 5, 21),
        now=now,
        window=window,
        capacity=90,
        admission="auto",
        location={
            "en": "Seoul, Korea (sample)",
            "ko": "한국 서울 (견본)",
            "zh_hans": "韩国首尔（样例）",
            "zh_hant": "韓國首爾（樣例）",
            "ja": "韓国・ソウル（サンプル）",
        },
        quotas=[("CN", 30), ("JP", 30), ("KR", 30)],
    )
    k2h = _sample_occurrence(
        "sample-k2h-cohort",
        "k2h",
        {
            "en": f"Sample K2H cohort {year} (demonstration only)",
            "ko": f"{year} K2H 연수 기수 견본 (시연용)",
            "zh_hans": f"{year}年K2H研修班样例（仅供演示）",
            "zh_hant": f"{year}年K2H研修班樣例（僅供展示）",
            "ja": f"{year}年 K2H研修期のサンプル（デモ用）",
        },
        date(year, 4, 1),
        date(year, 10, 31),
        now=now,
        window=window,
        capacity=60,
        admission="review",
        location={
            "en": "Korea (sample)",
            "ko": "한국 (견본)",
            "zh_hans": "韩国（样例）",
            "zh_hant": "韓國（樣例）",
            "ja": "韓国（サンプル）",
        },
    )
    contest = _sample_occurrence(
        "sample-speech-contest",
        "speech-contest",
        {
            "en": f"Sample speech contest {year} (demonstration only)",
            "ko": f"{year} 외국어 말하기 대회 견본 (시연용)",
            "zh_hans": f"{year}年外语演讲比赛样例（仅供演示）",
            "zh_hant": f"{year}年外語演講比賽樣例（僅供展示）",
            "ja": f"{year}年 外国語スピーチコンテストのサンプル（デモ用）",
        },
        date(year, 6, 10),
        date(year, 6, 11),
        now=now,
        window=window,
        capacity=40,
        admission="review",
        location={
            "en": "Seoul, Korea (sample)",
            "ko": "한국 서울 (견본)",
            "zh_hans": "韩国首尔（样例）",
            "zh_hant": "韓國首爾（樣例）",
            "ja": "韓国・ソウル（サンプル）",
        },
    )
    participants = {}
    for email, family, given, family_n, given_n, country, org, dept, position, level, langs, pref in SAMPLE_OFFICIALS:
        participants[email], _ = Participant.objects.get_or_create(
            email=email,
            defaults={
                "user": users.get(email),
                "family_name": family,
                "given_name": given,
                "family_name_native": family_n,
                "given_name_native": given_n,
                "country": country,
                "organization": Organization.objects.filter(slug=org).first() if org else None,
                "department": dept,
                "position": position,
                "admin_level": level,
                "languages": langs,
                "preferred_language": pref,
                "is_sample": True,
            },
        )
        user = users.get(email)
        if user is not None and user.preferred_language != pref:
            # The account's email language follows the profile, as the profile form keeps it.
            user.preferred_language = pref
            user.save(update_fields=["preferred_language"])
    plan = [
        ("wang.fang@example.org", workshop, {}),
        ("sato.yuki@example.org", workshop, {}),
        ("official@example.org", workshop, {}),
        ("nguyen.van.an@example.org", k2h, {"language": "en"}),
        ("official@example.org", contest, {"language": "zh"}),
        ("li.na@example.org", k2h, {"language": "en"}, ACCEPTED),
        ("yamada.taro@example.org", k2h, {"language": "en"}, ACCEPTED),
        ("tran.thi.lan@example.org", k2h, {"language": "en"}, ACCEPTED),
        ("lee.seojun@example.org", contest, {"language": "en"}, ACCEPTED),
    ]
    created = 0
    for email, occurrence, answers, *decision in plan:
        participant = participants[email]
        if not Registration.objects.filter(participant=participant, occurrence=occurrence).exists():
            registration = registration_submit(
                participant=participant, occurrence=occurrence, answers=answers, consent=True
            )
            if decision:
                registration_transition(registration=registration, to_status=decision[0], by=users["staff@example.org"])
            created += 1
    _speech_rounds(contest, judge=users["judge@example.org"], staff=users["staff@example.org"])
    return {"users": users, "registrations_created": created}


def _speech_rounds(contest, *, judge, staff):
    """The judge scores the preliminary; the final is judged by someone else (the judge never sees it)."""
    preliminary, _ = SpeechRound.objects.get_or_create(
        occurrence=contest, kind=SpeechRound.Kind.PRELIMINARY, language=SpeechRound.Language.ENGLISH
    )
    preliminary.judges.add(judge)
    final, _ = SpeechRound.objects.get_or_create(
        occurrence=contest, kind=SpeechRound.Kind.FINAL, language=SpeechRound.Language.ENGLISH
    )
    final.judges.add(staff)
    for order, registration in enumerate(
        Registration.objects.filter(occurrence=contest, status=ACCEPTED).order_by("pk"), start=1
    ):
        SpeechEntry.objects.get_or_create(round=preliminary, registration=registration, defaults={"order": order})
