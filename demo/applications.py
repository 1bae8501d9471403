"""Occurrences of GAOK's programs that had none, from the seeds' facts (demo/data.py's program
texts), and the calls that let local governments apply for Coaching and Lecturing.

The seeds state: Coaching Service "twice a year", target "Local Governments (City, County,
District)"; Glocalization Lecturing "12 local governments", venue "decided by each local
municipality"; Academy "twice a year"; the Workshop of Local Officials in charge of
International Exchange "March / Annually". They give no day, year or place, and no date at all
for the Forum and the Overseas Training: every occurrence here but the March workshop is a
flagged sample (`is_sample`, "sample" in its title), dated from the loading year. The Coaching
Service's places are not in the seeds either (a sample figure, 10). Three sample applications
show the review in the admin; no demo account's local government has applied, so
requester@example.org (Gyeonggi) can apply for lecturing at once."""

from datetime import date, timedelta

from django.utils import timezone

from applications.models import ApplicationEvent, OrganizationApplication, OrganizationCall
from programs.models import Organization, Program
from workshops.models import Occurrence

LANGS = ("en", "ko", "zh_hans", "zh_hant", "ja")

SAMPLE = {
    "en": " (sample, demonstration only)",
    "ko": " (견본, 시연용)",
    "zh_hans": "（样例，仅供演示）",
    "zh_hant": "（樣例，僅供展示）",
    "ja": "（サンプル、デモ用）",
}
FIRST_HALF = {"en": "first half", "ko": "상반기", "zh_hans": "上半年", "zh_hant": "上半年", "ja": "上半期"}
SECOND_HALF = {"en": "second half", "ko": "하반기", "zh_hans": "下半年", "zh_hant": "下半年", "ja": "下半期"}
BY_EACH = {
    "en": "Decided by each local government",
    "ko": "각 지방자치단체가 결정",
    "zh_hans": "由各地方政府决定",
    "zh_hant": "由各地方政府決定",
    "ja": "各自治体が決定",
}


def _titles(program, year, part=None, sample=True):
    titles = {}
    for lang in LANGS:
        name = getattr(program, f"name_{lang}") or program.name_en
        if lang in ("zh_hans", "zh_hant", "ja"):
            title = f"{year}年 {name}" + (f" {part[lang]}" if part else "")
        elif lang == "ko":
            title = f"{year} {name}" + (f" {part[lang]}" if part else "")
        else:
            title = f"{name} {year}" + (f", {part[lang]}" if part else "")
        titles[f"title_{lang}"] = title + (SAMPLE[lang] if sample else "")
    return titles


def _occurrence(slug, program, fields):
    occurrence = Occurrence.objects.filter(slug=slug).first()
    if occurrence is None:
        occurrence = Occurrence.objects.create(slug=slug, program=program, **fields)
        occurrence.hosts.set(program.hosts.all())
    return occurrence


def _call(occurrence, *, places, opens_at, closes_at, cities_only=False):
    call, _ = OrganizationCall.objects.get_or_create(
        occurrence=occurrence,
        defaults={"places": places, "opens_at": opens_at, "closes_at": closes_at, "cities_only": cities_only},
    )
    return call


def _sample_applications(call, rows, *, now):
    for slug, status, contact, needs, attendees in rows:
        organization = Organization.objects.get(slug=slug)
        if OrganizationApplication.objects.filter(call=call, organization=organization).exists():
            continue
        application = OrganizationApplication.objects.create(
            call=call,
            organization=organization,
            contact_name=contact,
            contact_email="international@example.org",
            needs=needs,
            attendees=attendees,
            status=status,
        )
        ApplicationEvent.objects.create(application=application, to_status="submitted", at=now - timedelta(days=5))
        if status != "submitted":
            ApplicationEvent.objects.create(
                application=application, from_status="submitted", to_status=status, at=now - timedelta(days=2)
            )
    call.places_taken = call.applications.filter(status__in=OrganizationApplication.HOLDING_PLACE).count()
    call.save(update_fields=["places_taken"])


def load_applications(*, now=None):
    now = now or timezone.now()
    year = timezone.localdate().year + 1
    programs = {
        p.slug: p
        for p in Program.objects.filter(
            slug__in=[
                "coaching",
                "glocalization-lecturing",
                "academy",
                "international-exchange-officials-workshop",
                "exchange-forum",
                "overseas-training",
            ]
        )
    }
    sample_place = {f"location_{lang}": "" for lang in LANGS}

    coaching = programs["coaching"]
    first = _occurrence(
        f"coaching-{year}-1",
        coaching,
        {
            **_titles(coaching, year, FIRST_HALF),
            "year": year,
            "start_date": date(year, 4, 1),
            "date_precision": "month",
            "is_sample": True,
            "capacity": None,
        },
    )
    second = _occurrence(
        f"coaching-{year}-2",
        coaching,
        {
            **_titles(coaching, year, SECOND_HALF),
            "year": year,
            "start_date": date(year, 10, 1),
            "date_precision": "month",
            "is_sample": True,
        },
    )
    _call(first, places=10, opens_at=now - timedelta(days=7), closes_at=now + timedelta(days=90), cities_only=True)
    _call(second, places=10, opens_at=now + timedelta(days=150), closes_at=now + timedelta(days=240), cities_only=True)

    lecturing_program = programs["glocalization-lecturing"]
    lecturing = _occurrence(
        f"glocalization-lecturing-{year}",
        lecturing_program,
        {
            **_titles(lecturing_program, year),
            "year": year,
            "start_date": date(year, 1, 1),
            "date_precision": "year",
            "is_sample": True,
            **{f"location_{lang}": BY_EACH[lang] for lang in LANGS},
        },
    )
    call = _call(lecturing, places=12, opens_at=now - timedelta(days=7), closes_at=now + timedelta(days=90))
    _sample_applications(
        call,
        [
            ("kr-gyeongbuk", "accepted", "Park Minji (sample)", "International protocol for our festival staff.", 40),
            ("kr-jeonnam", "submitted", "Choi Hyun (sample)", "Vitalizing local festivals with foreign visitors.", 25),
            (
                "kr-busan-haeundae-gu",
                "submitted",
                "Kang Sora (sample)",
                "International etiquette for new officials.",
                30,
            ),
        ],
        now=now,
    )

    academy = programs["academy"]
    for number, (part, month) in enumerate(((FIRST_HALF, 5), (SECOND_HALF, 11)), start=1):
        _occurrence(
            f"academy-{year}-{number}",
            academy,
            {
                **_titles(academy, year, part),
                "year": year,
                "start_date": date(year, month, 1),
                "date_precision": "month",
                "is_sample": True,
            },
        )

    workshop = programs["international-exchange-officials-workshop"]
    _occurrence(
        f"international-exchange-officials-workshop-{year}",
        workshop,
        {
            **_titles(workshop, year, sample=False),
            "year": year,
            "start_date": date(year, 3, 1),
            "date_precision": "month",
            "is_sample": False,
            **sample_place,
        },
    )
    for slug in ("exchange-forum", "overseas-training"):
        program = programs[slug]
        _occurrence(
            f"{slug}-{year}-sample",
            program,
            {**_titles(program, year), "year": year, "date_precision": "tbd", "is_sample": True},
        )
