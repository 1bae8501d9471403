"""Samples for trying the portal: accounts, officials, open occurrences and registrations.

None of this comes from the seeds. Every row is flagged `is_sample` (participants,
occurrences, registrations) or uses an example.org address, so it can never be mistaken
for a real person or event.
"""

from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q

from participants.models import Participant, Registration
from participants.services import registration_submit
from programs.models import Organization, Program
from workshops.models import CountryQuota, Occurrence

DEMO_PASSWORD = "exchange-portal-demo"  # noqa: S105 - documented demo login, sample data only

ACCOUNTS = {
    # email: (first, last, is_superuser, organization slug)
    "admin@example.org": ("Portal", "Administrator", True, None),
    "staff@example.org": ("GAOK", "Staff", False, "gaok"),
    "official@example.org": ("Minji", "Kim", False, None),
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
    for email, (first, last, is_superuser, org) in ACCOUNTS.items():
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
        users[email] = user
    staff = users["staff@example.org"]
    if not staff.user_permissions.exists():
        staff.user_permissions.set(
            Permission.objects.filter(
                Q(content_type__app_label__in=["programs", "workshops", "participants", "bureau"])
                # Exchange cohorts moved from programs to cohorts (cohorts 0003): the same rights.
                | Q(content_type__app_label="cohorts", content_type__model="exchangecohort")
            )
        )
    return users


def _sample_occurrence(slug, program_slug, title, start, end, *, now, window, capacity, admission, location, quotas=()):
    occurrence, created = Occurrence.objects.get_or_create(
        slug=slug,
        defaults={
            "program": Program.objects.get(slug=program_slug),
            "title_en": title,
            "year": start.year,
            "start_date": start,
            "end_date": end,
            "date_precision": "day",
            "location_en": location,
            "capacity": capacity,
            "admission": admission,
            "is_sample": True,
            "registration_opens_at": now,
            "registration_closes_at": now + window,
        },
    )
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
        "Sample CJK Workshop (demonstration only)",
        date(year, 5, 20),
        date(year, 5, 21),
        now=now,
        window=window,
        capacity=90,
        admission="auto",
        location="Seoul, Korea (sample)",
        quotas=[("CN", 30), ("JP", 30), ("KR", 30)],
    )
    k2h = _sample_occurrence(
        "sample-k2h-cohort",
        "k2h",
        f"Sample K2H cohort {year} (demonstration only)",
        date(year, 4, 1),
        date(year, 10, 31),
        now=now,
        window=window,
        capacity=60,
        admission="review",
        location="Korea (sample)",
    )
    contest = _sample_occurrence(
        "sample-speech-contest",
        "speech-contest",
        f"Sample speech contest {year} (demonstration only)",
        date(year, 6, 10),
        date(year, 6, 11),
        now=now,
        window=window,
        capacity=40,
        admission="review",
        location="Seoul, Korea (sample)",
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
    ]
    created = 0
    for email, occurrence, answers in plan:
        participant = participants[email]
        if not Registration.objects.filter(participant=participant, occurrence=occurrence).exists():
            registration_submit(participant=participant, occurrence=occurrence, answers=answers, consent=True)
            created += 1
    return {"users": users, "registrations_created": created}
