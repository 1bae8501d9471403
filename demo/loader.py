"""Load the seed documents' facts (data.py) and a few flagged samples. Idempotent."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from cohorts.models import ExchangeCohort
from programs.models import Agreement, AgreementSignatory, CostShare, Organization, Program
from workshops.models import AgendaItem, Delegation, Occurrence, RecordedParticipation
from workshops.public_cache import public_pages_changed

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
        _upsert(AgendaItem, occurrence=occurrence, order=order, defaults={**_translated("title", title), **item})
    AgendaItem.objects.filter(occurrence=occurrence, order__gt=len(items)).delete()


def _texts(texts):
    """{'summary': {'en': .., 'ko': ..}, ...} -> {'summary_en': .., 'summary_ko': .., ...}."""
    fields = {}
    for field, values in texts.items():
        fields.update(_translated(field, values))
    return fields


def load_gaok_programs():
    for slug, kind, hosts, texts, extra in D.GAOK_PROGRAMS:
        _program(slug, kind, texts["name"], hosts, **_texts({k: v for k, v in texts.items() if k != "name"}), **extra)
    k2h = Program.objects.get(slug="k2h")
    for payer, roles, covers, allowance in D.K2H_COST_SHARES:
        _upsert(
            CostShare,
            program=k2h,
            payer_role_en=roles["en"],
            defaults={
                "payer": _org(payer) if payer else None,
                **_translated("payer_role", roles),
                **_translated("covers", covers),
                "monthly_allowance_krw": allowance,
                "source_note": D.K2H_ALLOWANCE_NOTE,
            },
        )


def _agenda_rows(rows):
    return [
        {
            "kind": kind,
            "title": title,
            "speaker": speaker,
            **_translated("speaker_title", speaker_title),
            **_translated("description", description),
        }
        for kind, title, speaker, speaker_title, description in rows
    ]


def load_cjk_workshop():
    p = D.CJK_PROGRAM
    program = _program(
        p["slug"],
        p["kind"],
        p["texts"]["name"],
        ["mofa"],
        since_year=p["since_year"],
        eligible_countries=p["eligible_countries"],
        **_texts({k: v for k, v in p["texts"].items() if k != "name"}),
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
                "zh_hant": f"第{number}屆韓日中三國公務員合作研討會",
                "ja": f"第{number}回日韓中三国協力公務員ワークショップ",
            },
            hosts=["mofa"],
            number=number,
            start_date=start,
            date_precision=precision,
            year=start.year if start else 2022,
            country="KR" if location else "",
            **_translated("location", location),
            **_translated("details", details),
        )
    seventh = Occurrence.objects.get(slug="cjk-trilateral-workshop-7")
    _agenda(seventh, _agenda_rows(D.CJK_7TH_AGENDA))
    for country, count in D.CJK_7TH_PARTICIPATION.items():
        _upsert(
            RecordedParticipation,
            occurrence=seventh,
            country=country,
            defaults={"count": count, "source": D.SEEDS["cjk"]},
        )


def load_heads_of_missions():
    h = D.HEADS_OF_MISSIONS
    texts = h["program"]["texts"]
    program = _program(
        h["program"]["slug"],
        "event",
        texts["name"],
        ["mofa"],
        eligible_countries=["KR"],
        **_texts({k: v for k, v in texts.items() if k != "name"}),
    )
    o = h["occurrence"]
    occurrence = _occurrence(
        o["slug"],
        program,
        o["texts"]["title"],
        hosts=["mofa"],
        year=2018,
        start_date=o["start"],
        end_date=o["end"],
        date_precision="day",
        country="KR",
        **_texts({k: v for k, v in o["texts"].items() if k != "title"}),
    )
    _agenda(occurrence, _agenda_rows(h["agenda"]))
    _upsert(
        RecordedParticipation,
        occurrence=occurrence,
        country="",
        defaults={"count": o["mission_heads"], "source": D.SEEDS["hom"]},
    )


def load_asean_roundtable():
    a = D.ASEAN
    texts = a["program"]["texts"]
    program = _program(
        a["program"]["slug"],
        "event",
        texts["name"],
        ["mois"],
        eligible_countries=["KR", *a["members"]],
        **_texts({k: v for k, v in texts.items() if k != "name"}),
    )
    first = a["first"]
    _occurrence(
        first["slug"],
        program,
        first["texts"]["title"],
        hosts=["mois"],
        number=first["number"],
        year=first["year"],
        start_date=date(first["year"], 1, 1),
        date_precision="year",
    )
    s = a["second"]
    # MOIS hosts both events; Busan Metropolitan City is one of the exhibition's participants.
    occurrence = _occurrence(
        s["slug"],
        program,
        s["texts"]["title"],
        hosts=["mois"],
        number=s["number"],
        year=2019,
        start_date=s["start"],
        end_date=s["end"],
        date_precision="day",
        country="KR",
        **_texts({k: v for k, v in s["texts"].items() if k != "title"}),
    )
    items = []
    for kind, title, day, last_day, description, speaker, speaker_title in a["agenda"]:
        items.append(
            {
                "kind": kind,
                "title": title,
                "day": day,
                "last_day": last_day,
                "speaker": speaker,
                **_translated("description", description),
                **_translated("speaker_title", speaker_title),
            }
        )
    _agenda(occurrence, items)
    for country, head, title in a["delegations"]:
        _upsert(
            Delegation,
            occurrence=occurrence,
            country=country,
            defaults={"head_name": head, **_translated("head_title", title)},
        )


def load_taipei_gyeonggi():
    t = D.TAIPEI_GYEONGGI
    texts = t["program"]["texts"]
    program = _program(
        t["program"]["slug"],
        "exchange",
        texts["name"],
        ["taipei-dcsd", "gyeonggi-hrdi"],
        typical_capacity=15,
        typical_duration_days=14,
        eligible_countries=["KR", "TW"],
        **_texts({k: v for k, v in texts.items() if k != "name"}),
    )
    f = t["friendship"]
    friendship, _ = _upsert(
        Agreement,
        slug=f["slug"],
        defaults={
            "kind": "friendship",
            "signed_on": f["signed_on"],
            "signed_on_precision": "month",
            **_texts(f["texts"]),
        },
    )
    friendship.parties.set([_org("taipei"), _org("gyeonggi")])
    m = t["exchange_mou"]
    mou, _ = _upsert(
        Agreement,
        slug=m["slug"],
        defaults={
            "kind": "exchange_mou",
            "signed_on": m["signed_on"],
            "signed_on_precision": "day",
            **_texts(m["texts"]),
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
    for year, sending, receiving, size, days, details in t["cohorts"]:
        sender, receiver = _org(sending), _org(receiving)
        occurrence = _occurrence(
            f"taipei-gyeonggi-exchange-{year}",
            program,
            {
                "en": f"Taipei-Gyeonggi civil servant exchange {year}: {sender.name_en} to {receiver.name_en}",
                "ko": f"{year} 타이베이-경기도 공무원 교류: {sender.name_ko} → {receiver.name_ko}",
                "zh_hans": f"{year}年台北-京畿道公务员交流：{sender.name_zh_hans}→{receiver.name_zh_hans}",
                "zh_hant": f"{year}年臺北-京畿道公務員交流：{sender.name_zh_hant}→{receiver.name_zh_hant}",
                "ja": f"{year}年 台北・京畿道公務員交流：{sender.name_ja}→{receiver.name_ja}",
            },
            hosts=[receiving],
            year=year,
            start_date=date(year, 1, 1),
            date_precision="year",
            capacity=size,
            **_translated("location", {lang: getattr(receiver, f"name_{lang}") for lang in LANGS}),
            **_translated("details", details),
        )
        _upsert(
            ExchangeCohort,
            agreement=mou,
            year=year,
            defaults={
                "sending": sender,
                "receiving": receiver,
                "size": size,
                "duration_days": days,
                "occurrence": occurrence,
                "note": details["en"],
            },
        )


@transaction.atomic
def demo_load():
    """Load every seed fact, then the samples. Running it again changes nothing."""
    from .aftercare import load_aftercare
    from .alumni import load_alumni
    from .applications import load_applications
    from .bureau import load_bureau
    from .categories import load_categories
    from .conference import load_conference
    from .contest import load_contest
    from .delegations import load_delegations
    from .documents import load_documents
    from .exhibitions import load_exhibitions
    from .meetings import load_meetings
    from .record import load_record
    from .samples import DEMO_PASSWORD, load_samples
    from .travel import load_travel

    load_organizations()
    load_gaok_programs()
    load_cjk_workshop()
    load_heads_of_missions()
    load_asean_roundtable()
    load_taipei_gyeonggi()
    load_categories()
    now, window = timezone.now(), timedelta(days=120)
    loaded = load_samples(now=now, window=window)
    loaded["travel_created"] = load_travel()
    loaded["focal_points"] = load_delegations(now=now, window=window, password=DEMO_PASSWORD)
    load_documents(today=timezone.localdate())
    load_record()
    loaded["bureau"] = load_bureau(now=now)
    load_applications(now=now)
    load_contest()
    load_aftercare()
    loaded["alumni"] = load_alumni(password=DEMO_PASSWORD)
    load_conference()
    load_exhibitions()
    load_meetings()
    # Every row above was saved through the model, which replaces the public pages' version; say
    # it once more so a reload is on the next page even if a write ever bypasses the signals.
    public_pages_changed()
    return loaded
