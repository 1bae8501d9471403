"""Delegations in the demo: a sample CJK workshop whose seats are allocated to the three
countries as the 7th workshop seated them (China 35, Japan 15, Korea 38; seeds 000), and two
focal point accounts that nominate within the Chinese and the Japanese allocation."""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from delegations.models import FocalPoint
from programs.models import Organization, Program
from workshops.models import CountryQuota, Occurrence
from workshops.public_cache import public_pages_changed

SLUG = "sample-cjk-delegations"
SPLIT = (("CN", 35), ("JP", 15), ("KR", 38))
FOCAL_POINTS = {
    # email: (first, last, country, language)
    "focal.china@example.org": ("Li", "Wei", "CN", "zh-hans"),
    "focal.japan@example.org": ("Tanaka", "Hiroshi", "JP", "ja"),
}


LOCATION = {
    "location_en": "Gyeongju, Korea (sample)",
    "location_ko": "한국 경주 (견본)",
    "location_zh_hans": "韩国庆州（样例）",
    "location_zh_hant": "韓國慶州（樣例）",
    "location_ja": "韓国・慶州（サンプル）",
}


def load_delegations(*, now, window, password):
    year = (now + window).year + 1
    occurrence, created = Occurrence.objects.get_or_create(
        slug=SLUG,
        defaults={
            "program": Program.objects.get(slug="cjk-trilateral-workshop"),
            "title_en": "Sample CJK Workshop with delegations (demonstration only)",
            "title_ko": "대표단 방식 한일중 워크숍 예시 (시연용)",
            "title_zh_hans": "代表团制韩日中研讨会示例（仅供演示）",
            "title_zh_hant": "代表團制韓日中研討會示例（僅供示範）",
            "title_ja": "代表団方式の日韓中ワークショップ例（デモ用）",
            "year": year,
            "start_date": date(year, 9, 15),
            "end_date": date(year, 9, 16),
            "date_precision": "day",
            **LOCATION,
            "capacity": sum(seats for _country, seats in SPLIT),
            "admission": Occurrence.Admission.REVIEW,
            "is_sample": True,
            "registration_opens_at": now,
            "registration_closes_at": now + window,
        },
    )
    if not created and any(getattr(occurrence, name) != value for name, value in LOCATION.items()):
        # A database loaded before the place was translated gets it in every language.
        Occurrence.objects.filter(pk=occurrence.pk).update(**LOCATION)
        public_pages_changed()
    if created:
        # MOFA hosts the workshop; GAOK co-hosts this sample, so the demo's staff account manages it.
        occurrence.hosts.set(Organization.objects.filter(slug__in=["mofa", "gaok"]))
        for country, seats in SPLIT:
            CountryQuota.objects.create(
                occurrence=occurrence,
                country=country,
                seats=seats,
                nomination_deadline=now + window - timedelta(days=30),
                substitution_deadline=now + window,
            )
    User = get_user_model()
    staff = User.objects.filter(email="staff@example.org").first()
    if staff is not None:
        # The demo's staff member grants focal points (its other rights come from samples._accounts).
        staff.user_permissions.add(
            *Permission.objects.filter(
                content_type__app_label="delegations",
                codename__in=["view_focalpoint", "add_focalpoint", "change_focalpoint"],
            )
        )
    users = {}
    for email, (first, last, country, language) in FOCAL_POINTS.items():
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User(email=email, first_name=first, last_name=last, preferred_language=language)
            user.set_password(password)
            user.email_verified_at = user.date_joined
            user.save()
        users[email] = user
        FocalPoint.objects.get_or_create(
            email=email,
            occurrence=occurrence,
            country=country,
            defaults={"name": f"{last.upper()} {first}", "language": language},
        )
    return users
