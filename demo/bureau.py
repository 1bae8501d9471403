"""The Online Bureau's demo: Korea's 17 metropolitan and provincial governments and their 226
cities, counties and districts (korean_local_governments.json), GAOK's Bureau departments, staff
and rules, requesters, and sample requests in each step. Idempotent."""

import json
from pathlib import Path

from programs.models import Organization

DATA = Path(__file__).with_name("korean_local_governments.json")
LANGS = ("en", "ko", "zh_hans", "zh_hant", "ja")


def _names(names):
    return {f"name_{lang}": names[lang] for lang in LANGS if lang in names}


def _upsert_org(slug, kind, names, native, parent=None):
    org = Organization.objects.filter(slug=slug).first()
    if org is not None:
        # An organization the seeds already describe (Gyeonggi, Busan) keeps its own facts.
        if parent is not None and org.parent_id is None:
            org.parent = parent
            org.save(update_fields=["parent"])
        return org
    return Organization.objects.create(
        slug=slug, kind=kind, country="KR", name_native=native, parent=parent, **_names(names)
    )


def load_local_governments():
    data = json.loads(DATA.read_text(encoding="utf-8"))
    count = 0
    for upper in data["governments"]:
        province = _upsert_org(upper["slug"], Organization.Kind.PROVINCE, upper["name"], upper["name_native"])
        count += 1
        for lower in upper["children"]:
            _upsert_org(lower["slug"], Organization.Kind.CITY, lower["name"], lower["name_native"], parent=province)
            count += 1
    return count


# --- GAOK's Bureau: departments, staff, rules, service levels ------------------------------

DEPARTMENTS = {
    "gaok-bureau-exchange": {
        "en": "Online Bureau: International Exchange Team",
        "ko": "온라인 사무소 국제교류팀",
        "zh_hans": "在线办事处 国际交流组",
        "zh_hant": "線上辦事處 國際交流組",
        "ja": "オンライン事務所 国際交流チーム",
    },
    "gaok-bureau-language": {
        "en": "Online Bureau: Interpretation and Translation Team",
        "ko": "온라인 사무소 통번역팀",
        "zh_hans": "在线办事处 口笔译组",
        "zh_hant": "線上辦事處 口筆譯組",
        "ja": "オンライン事務所 通訳翻訳チーム",
    },
}

# email: (first name, last name, department slug) — Bureau staff with the Program staff role.
STAFF = {
    "bureau.exchange@example.org": ("Minji", "Park", "gaok-bureau-exchange"),
    "bureau.exchange2@example.org": ("Hyun", "Choi", "gaok-bureau-exchange"),
    "bureau.language@example.org": ("Jiwoo", "Kang", "gaok-bureau-language"),
}
# email: (first name, last name, local government slug, language) — verified by staff.
REQUESTERS = {
    "requester@example.org": ("Seoyeon", "Lee", "gyeonggi", "ko"),
    "requester.colleague@example.org": ("Daniel", "Kim", "gyeonggi", "en"),
    "requester.suwon@example.org": ("Jiho", "Yoon", "kr-gyeonggi-suwon-si", "ko"),
}
DOMAINS = {"gg.go.kr": "gyeonggi", "suwon.go.kr": "kr-gyeonggi-suwon-si"}
# (order, service, language, department, strategy)
RULES = [
    (10, "translation", "", "gaok-bureau-language", "round_robin"),
    (20, "", "", "gaok-bureau-exchange", "least_loaded"),
]
# service: (hours to register, to a first response, to the final response)
LEVELS = {
    "translation": (1, 24, 24 * 7),
    "exchange": (1, 48, 24 * 14),
    "overseas_visit": (1, 48, 24 * 21),
    "information": (1, 24, 24 * 5),
    "general": (1, 24, 24 * 3),
}


def _user(email, first, last, *, language="en", organization=None, group=None):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from .samples import DEMO_PASSWORD

    user = get_user_model().objects.filter(email=email).first()
    if user is None:
        user = get_user_model()(
            email=email,
            first_name=first,
            last_name=last,
            preferred_language=language,
            is_staff=group is not None,
            organization=organization,
        )
        user.set_password(DEMO_PASSWORD)
        user.email_verified_at = user.date_joined
        user.save()
    if group:
        user.groups.set([Group.objects.get(name=group)])
    return user


def load_desk():
    from bureau.models import AssignmentRule, OrganizationDomain, Requester, ServiceLevel
    from programs.roles import PROGRAM_STAFF

    gaok = Organization.objects.get(slug="gaok")
    for slug, names in DEPARTMENTS.items():
        if not Organization.objects.filter(slug=slug).exists():
            Organization.objects.create(
                slug=slug, kind=Organization.Kind.OTHER, country="KR", parent=gaok, **_names(names)
            )
    staff = {
        email: _user(email, first, last, organization=Organization.objects.get(slug=dept), group=PROGRAM_STAFF)
        for email, (first, last, dept) in STAFF.items()
    }
    requesters = {}
    for email, (first, last, org, language) in REQUESTERS.items():
        user = _user(email, first, last, language=language)
        link, _ = Requester.objects.get_or_create(user=user, organization=Organization.objects.get(slug=org))
        if link.verified_at is None:
            link.verified_at, link.verified_via = user.date_joined, Requester.Via.STAFF
            link.save()
        requesters[email] = user
    for domain, org in DOMAINS.items():
        OrganizationDomain.objects.get_or_create(
            domain=domain, defaults={"organization": Organization.objects.get(slug=org)}
        )
    if not AssignmentRule.objects.exists():
        for order, service, language, dept, strategy in RULES:
            AssignmentRule.objects.create(
                order=order,
                service=service,
                language=language,
                department=Organization.objects.get(slug=dept),
                strategy=strategy,
            )
    for service, (register, first, final) in LEVELS.items():
        ServiceLevel.objects.get_or_create(
            service=service,
            defaults={"hours_to_register": register, "hours_to_mid_response": first, "hours_to_final_response": final},
        )
    return staff, requesters


# --- A dozen sample requests, one or more in each step --------------------------------------

SAMPLE_PDF = b"%PDF-1.4\n% Sample attachment of the Online Bureau demo\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"

# (requester, service, languages, subject, step, days ago, mid-response, final response)
SAMPLES = [
    (
        "requester@example.org",
        "translation",
        ("ko", "zh"),
        "Translate our sister-city letter into Chinese",
        "requested",
        0.1,
        "",
        "",
    ),
    (
        "requester.suwon@example.org",
        "information",
        ("", ""),
        "Local council exchange programs in Japan",
        "registered",
        0.5,
        "",
        "",
    ),
    (
        "requester@example.org",
        "exchange",
        ("", ""),
        "Finding a partner city in Viet Nam",
        "assigned_department",
        1,
        "",
        "",
    ),
    (
        "requester@example.org",
        "translation",
        ("ko", "en"),
        "Interpretation for a visiting delegation from Taipei",
        "assigned_staff",
        2,
        "",
        "",
    ),
    (
        "requester.colleague@example.org",
        "overseas_visit",
        ("", ""),
        "Study visit to Tokyo's disaster-prevention center",
        "assigned_staff",
        3,
        "",
        "",
    ),
    (
        "requester.suwon@example.org",
        "general",
        ("", ""),
        "Who to contact about the K2H program",
        "assigned_staff",
        5,
        "",
        "",
    ),
    (
        "requester@example.org",
        "overseas_visit",
        ("", ""),
        "Meetings in Hanoi for the governor's visit",
        "mid_response",
        6,
        "We have written to the Hanoi People's Committee and will confirm the meetings within a week.",
        "",
    ),
    (
        "requester.suwon@example.org",
        "translation",
        ("ko", "ja"),
        "Translate the festival brochure into Japanese",
        "mid_response",
        4,
        "The brochure is with our translator; the draft follows in three days.",
        "",
    ),
    (
        "requester@example.org",
        "information",
        ("", ""),
        "Statistics on foreign residents' councils",
        "final_response",
        12,
        "",
        "The attached summary lists the councils of the 17 metropolitan and provincial governments.",
    ),
    (
        "requester.colleague@example.org",
        "exchange",
        ("", ""),
        "Renewing the friendship agreement with Taipei",
        "final_response",
        20,
        "We are checking the agreement's terms with Taipei City Government.",
        "Taipei agrees to renew for five years; the draft is in your inbox.",
    ),
    (
        "requester.suwon@example.org",
        "general",
        ("", ""),
        "Online Bureau opening hours",
        "final_response",
        30,
        "",
        "The Online Bureau answers all year round, 24/7.",
    ),
    (
        "requester@example.org",
        "translation",
        ("ko", "en"),
        "English summary of the smart city plan",
        "final_response",
        9,
        "",
        "The English summary is attached to this answer.",
    ),
]


def load_sample_requests(*, now, staff, requesters):
    from datetime import timedelta

    from django.core.files.base import ContentFile

    from bureau.models import Attachment, Message, Requester, ServiceRequest
    from bureau.service_levels import service_requests_flag_late
    from bureau.services import S, assignment_rule_for, service_request_advance

    created = 0
    for number, (email, service, (source, target), subject, step, days, mid, final) in enumerate(SAMPLES, start=1):
        reference = f"OB-SAMPLE-{number:03d}"
        if ServiceRequest.objects.filter(reference=reference).exists():
            continue
        user = requesters[email]
        link = Requester.objects.filter(user=user).select_related("organization").first()
        request = ServiceRequest.objects.create(
            reference=reference,
            requesting_organization=link.organization,
            requested_by=user,
            contact_email=user.email,
            service=service,
            subject=f"[Sample] {subject}",
            body=f"[Sample request of the demo] {subject}.",
            source_language=source,
            target_language=target,
            desired_deadline=(now + timedelta(days=10)).date() if number % 3 == 0 else None,
        )
        request.events.create(to_status=S.REQUESTED, by=user)
        if service == "translation":
            attachment = Attachment(
                request=request,
                name="sample.pdf",
                content_type="application/pdf",
                size=len(SAMPLE_PDF),
                uploaded_by=user,
            )
            attachment.file.save("file", ContentFile(SAMPLE_PDF), save=False)
            attachment.save()
        order = ["requested", "registered", "assigned_department", "assigned_staff", "mid_response", "final_response"]
        target_index = order.index(step)
        rule = assignment_rule_for(request)
        assignee = None
        if target_index >= 1:
            request = service_request_advance(request=request, to_status=S.REGISTERED)
        if target_index >= 2:
            request = service_request_advance(
                request=request, to_status=S.ASSIGNED_DEPARTMENT, department=rule.department
            )
        if target_index >= 3:
            assignee = next(u for u in staff.values() if u.organization_id == rule.department_id)
            request = service_request_advance(request=request, to_status=S.ASSIGNED_STAFF, assignee=assignee)
        if number == 5:  # a conversation: a question, the requester's answer, an internal note
            Message.objects.create(
                request=request, author=assignee, from_staff=True, body="Which dates would suit your delegation?"
            )
            Message.objects.create(request=request, author=user, body="The second week of May, for three days.")
            Message.objects.create(
                request=request, author=assignee, from_staff=True, internal=True, body="Ask the Tokyo office first."
            )
        if mid:
            request = service_request_advance(request=request, to_status=S.MID_RESPONSE, by=assignee, response=mid)
        if final:
            request = service_request_advance(request=request, to_status=S.FINAL_RESPONSE, by=assignee, response=final)
        # Spread the sample over the past days, each step an hour after the one before it.
        start = now - timedelta(days=days)
        ServiceRequest.objects.filter(pk=request.pk).update(created_at=start)
        for offset, event in enumerate(request.events.order_by("id")):
            type(event).objects.filter(pk=event.pk).update(
                at=start + timedelta(minutes=offset * (1 if offset < 4 else 60))
            )
        created += 1
    service_requests_flag_late(now=now)
    return created


def load_bureau(*, now):
    from bureau.models import ServiceRequest

    count = load_local_governments()
    staff, requesters = load_desk()
    samples = load_sample_requests(now=now, staff=staff, requesters=requesters)
    return {
        "local_governments": count,
        "samples": samples,
        "requests": ServiceRequest.objects.count(),
        "accounts": [*staff, *requesters],
    }
