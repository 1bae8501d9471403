"""Load the seed documents' facts (data.py) and a few flagged samples. Idempotent."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from cohorts.models import ExchangeCohort
from programs.models import Agreement, AgreementSignatory, CostShare, Organization, Program
from workshops.models import AgendaItem, Delegation, Occurrence, RecordedParticipation

from . import data as D

LANGS = ("en", "ko", "zh_hans", "zh_hant", "ja")


def _translated(field, values):
    """{'en': 'x', 'ko': 'y'} -> {'field_en': 'x', 'field_ko': 'y'} (unset languages fall back to English)."""
    return {f"{field}_{lang}": values[lang] for lang in LANGS if lang in values}


def _upsert(model, defaults=None, **lookup):
    """update_or_create that writes only when a value differs, so a second load adds no history."""
    defaults = defaults or {}
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**{**defaults, **lookup}), True
    changed = [name for name, value in defaults.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, defaults[name])
        obj.save()
    return obj, False


def _org(slug):
    return Organization.objects.get(slug=slug)


def load_organizations():
    for slug, (kind, country, acronym, parent, names, native) in D.ORGANIZATIONS.items():
        _upsert(
            Organization,
            slug=slug,
            defaults={
                "kind": kind,
                "country": country,
                "acronym": acronym,
                "name_native": native,
                "parent": _org(parent) if parent else None,
                **_translated("name", names),
            },
        )


def _program(slug, kind, names, hosts, **fields):
    program, _ = _upsert(Program, slug=slug, defaults={"kind": kind, **_translated("name", names), **fields})
    program.hosts.set([_org(h) for h in hosts])
    return program


def _occurrence(slug, program, titles, hosts=(), **fields):
    occurrence, _ = _upsert(
        Occurrence, slug=slug, defaults={"program": program, **_translated("title", titles), **fields}
    )
    occurrence.hosts.set([_org(h) for h in hosts])
    return occurrence


def _agenda(occurrence, items):
    """items: dicts with kind, title, ...; keyed by their order so a second load updates in place."""
    for order, item in enumerate(items, start=1):
        title = item.pop("title")
        _upsert(AgendaItem, occurrence=occurrence, order=order, defaults={"title_en": title, **item})
    AgendaItem.objects.filter(occurrence=occurrence, order__gt=len(items)).delete()


def load_gaok_programs():
    for slug, kind, names, summary, schedule, audience, description, extra in D.GAOK_PROGRAMS:
        _program(
            slug,
            kind,
            names,
            ["gaok"],
            summary_en=summary,
            schedule_note_en=schedule,
            audience_en=audience,
            description_en=description,
            **extra,
        )
    k2h = Program.objects.get(slug="k2h")
    for payer, roles, covers, allowance in D.K2H_COST_SHARES:
        _upsert(
            CostShare,
            program=k2h,
            payer_role_en=roles["en"],
            defaults={
                "payer": _org(payer) if payer else None,
                **_translated("payer_role", roles),
                "covers_en": covers,
                "monthly_allowance_krw": allowance,
                "source_note": D.K2H_ALLOWANCE_NOTE,
            },
        )


def load_cjk_workshop():
    p = D.CJK_PROGRAM
    program = _program(
        p["slug"],
        p["kind"],
        p["names"],
        ["mofa"],
        since_year=p["since_year"],
        summary_en=p["summary"],
        audience_en=p["audience"],
        schedule_note_en=p["schedule"],
        eligible_countries=p["eligible_countries"],
    )
    suffix = {1: "st", 2: "nd", 3: "rd"}
    for number, start, precision, location, details in D.CJK_EDITIONS:
        _occurrence(
            f"cjk-trilateral-workshop-{number}",
            program,
            {
                "en": f"{number}{suffix.get(number, 'th')} CJK Trilateral Workshop for Public Officials",
                "ko": f"제{number}회 한일중 3국 공무원 교류 워크숍",
                "zh_hans": f"第{number}届韩日中三国公务员合作研讨会",
                "ja": f"第{number}回日韓中三国協力公務員ワークショップ",
            },
            hosts=["mofa"],
            number=number,
            start_date=start,
            date_precision=precision,
            year=start.year if start else 2022,
            location_en=location,
            details_en=details,
            country="KR" if location else "",
        )
    seventh = Occurrence.objects.get(slug="cjk-trilateral-workshop-7")
    _agenda(
        seventh,
        [
            {
                "kind": kind,
                "title": title,
                "speaker": speaker,
                "speaker_title_en": speaker_title,
                "description_en": description,
            }
            for kind, title, speaker, speaker_title, description in D.CJK_7TH_AGENDA
        ],
    )
    for country, count in D.CJK_7TH_PARTICIPATION.items():
        _upsert(
            RecordedParticipation,
            occurrence=seventh,
            country=country,
            defaults={"count": count, "source": D.SEEDS["cjk"]},
        )


def load_heads_of_missions():
    h = D.HEADS_OF_MISSIONS
    program = _program(
        h["program"]["slug"],
        "event",
        h["program"]["names"],
        ["mofa"],
        summary_en=h["program"]["summary"],
        eligible_countries=["KR"],
    )
    o = h["occurrence"]
    occurrence = _occurrence(
        o["slug"],
        program,
        o["titles"],
        hosts=["mofa"],
        year=2018,
        start_date=o["start"],
        end_date=o["end"],
        date_precision="day",
        theme_en=o["theme"],
        details_en=o["details"],
        country="KR",
    )
    _agenda(
        occurrence,
        [
            {
                "kind": kind,
                "title": title,
                "speaker": speaker,
                "speaker_title_en": speaker_title,
                "description_en": description,
            }
            for kind, title, speaker, speaker_title, description in h["agenda"]
        ],
    )
    _upsert(
        RecordedParticipation,
        occurrence=occurrence,
        country="",
        defaults={"count": o["mission_heads"], "source": D.SEEDS["hom"]},
    )


def load_asean_roundtable():
    a = D.ASEAN
    program = _program(
        a["program"]["slug"],
        "event",
        a["program"]["names"],
        ["mois"],
        summary_en=a["program"]["summary"],
        eligible_countries=["KR", *a["members"]],
    )
    first = a["first"]
    _occurrence(
        first["slug"],
        program,
        first["titles"],
        hosts=["mois"],
        number=first["number"],
        year=first["year"],
        start_date=date(first["year"], 1, 1),
        date_precision="year",
    )
    s = a["second"]
    occurrence = _occurrence(
        s["slug"],
        program,
        s["titles"],
        hosts=["mois", "busan"],
        number=s["number"],
        year=2019,
        start_date=s["start"],
        end_date=s["end"],
        date_precision="day",
        theme_en=s["theme"],
        location_en=s["location"],
        venue_en=s["venue"],
        details_en=s["details"],
        country="KR",
    )
    start, end = a["roundtable_hours"]
    items = []
    for kind, title, day, _starts, _ends, description, speaker, speaker_title in a["agenda"]:
        item = {
            "kind": kind,
            "title": title,
            "day": day,
            "description_en": description,
            "speaker": speaker,
            "speaker_title_en": speaker_title,
        }
        if kind == "session":
            # The seed gives the roundtable's hours (9:40-17:20), not each session's.
            item["description_en"] = f"{description} Roundtable hours: {start:%H:%M}-{end:%H:%M}."
        items.append(item)
    _agenda(occurrence, items)
    for country, head, title in a["delegations"]:
        _upsert(Delegation, occurrence=occurrence, country=country, defaults={"head_name": head, "head_title": title})


def load_taipei_gyeonggi():
    t = D.TAIPEI_GYEONGGI
    program = _program(
        t["program"]["slug"],
        "exchange",
        t["program"]["names"],
        ["taipei-dcsd", "gyeonggi-hrdi"],
        summary_en=t["program"]["summary"],
        typical_capacity=15,
        typical_duration_days=14,
        eligible_countries=["KR", "TW"],
    )
    f = t["friendship"]
    friendship, _ = _upsert(
        Agreement,
        slug=f["slug"],
        defaults={
            "title_en": f["title"],
            "kind": "friendship",
            "signed_on": f["signed_on"],
            "signed_on_precision": "month",
            "description_en": f["description"],
        },
    )
    friendship.parties.set([_org("taipei"), _org("gyeonggi")])
    m = t["exchange_mou"]
    mou, _ = _upsert(
        Agreement,
        slug=m["slug"],
        defaults={
            "title_en": m["title"],
            "kind": "exchange_mou",
            "signed_on": m["signed_on"],
            "signed_on_precision": "day",
            "description_en": m["description"],
            "builds_on": friendship,
            "program": program,
            "cohort_size": m["cohort_size"],
            "cohort_duration_days": m["cohort_duration_days"],
            "alternates_yearly": True,
            "first_sending_party": _org("taipei-dcsd"),
            "first_receiving_party": _org("gyeonggi-hrdi"),
            "first_exchange_year": m["first_exchange_year"],
        },
    )
    mou.parties.set([_org("taipei-dcsd"), _org("gyeonggi-hrdi")])
    for order, (role, name, title, org) in enumerate(m["signatories"], start=1):
        _upsert(
            AgreementSignatory,
            agreement=mou,
            role=role,
            name=name,
            defaults={"title": title, "organization": _org(org), "order": order},
        )
    for year, sending, receiving, note, location in t["cohorts"]:
        occurrence = _occurrence(
            f"taipei-gyeonggi-exchange-{year}",
            program,
            {
                "en": f"Taipei-Gyeonggi civil servant exchange {year}: {_org(sending).name_en} to {_org(receiving).name_en}"
            },
            hosts=[receiving],
            year=year,
            start_date=date(year, 1, 1),
            date_precision="year",
            location_en=location,
            details_en=note,
            capacity=m["cohort_size"],
        )
        _upsert(
            ExchangeCohort,
            agreement=mou,
            year=year,
            defaults={
                "sending": _org(sending),
                "receiving": _org(receiving),
                "size": m["cohort_size"],
                "duration_days": m["cohort_duration_days"],
                "occurrence": occurrence,
                "note": note,
            },
        )


@transaction.atomic
def demo_load():
    """Load every seed fact, then the samples. Running it again changes nothing."""
    from .delegations import load_delegations
    from .samples import DEMO_PASSWORD, load_samples
    from .travel import load_travel

    load_organizations()
    load_gaok_programs()
    load_cjk_workshop()
    load_heads_of_missions()
    load_asean_roundtable()
    load_taipei_gyeonggi()
    now, window = timezone.now(), timedelta(days=120)
    loaded = load_samples(now=now, window=window)
    loaded["travel_created"] = load_travel()
    loaded["focal_points"] = load_delegations(now=now, window=window, password=DEMO_PASSWORD)
    return loaded
