"""The sample speech contest in its three languages (flagged samples: the seeds give no
contestants, judges or criteria).

Each language has its preliminary and its final. judge@ judges the English preliminary (as
before), judge.chinese@ the Chinese one and judge.japanese@ the Japanese one; staff@ judges the
finals. The Chinese preliminary is scored, closed and its results released, so the public
results page (/contests/<id>/results/) has a ranking to show; the English and Japanese ones
wait for their judges.
"""

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from cohorts.models import SpeechCriterion, SpeechEntry, SpeechRound, SpeechScore
from participants.models import Participant, Registration
from participants.services import registration_submit, registration_transition
from programs.models import Organization, Program
from programs.roles import JUDGES
from workshops.models import Occurrence

from .samples import DEMO_PASSWORD

ACCEPTED = Registration.Status.ACCEPTED

JUDGE_ACCOUNTS = {
    "judge.chinese@example.org": ("Chinese", "Judge"),
    "judge.japanese@example.org": ("Japanese", "Judge"),
}

CRITERIA = [
    # (max points, name in five languages): a sample scale, the seeds state none.
    (40, {"en": "Content (sample)", "ko": "내용 (견본)", "zh_hans": "内容（样例）", "zh_hant": "內容（樣例）", "ja": "内容（サンプル）"}),
    (30, {"en": "Delivery (sample)", "ko": "전달력 (견본)", "zh_hans": "表达（样例）", "zh_hant": "表達（樣例）", "ja": "表現力（サンプル）"}),
    (30, {"en": "Language accuracy (sample)", "ko": "언어 정확성 (견본)", "zh_hans": "语言准确性（样例）", "zh_hant": "語言準確性（樣例）", "ja": "言語の正確さ（サンプル）"}),
]  # fmt: skip

CONTESTANTS = [
    # email, family, given, family native, given native, level, contest language, sample marks (per criterion)
    ("park.jiwoo@example.org", "Park", "Jiwoo", "박", "지우", 6, "en", None),
    ("choi.yuna@example.org", "Choi", "Yuna", "최", "유나", 7, "en", None),
    ("jung.haneul@example.org", "Jung", "Haneul", "정", "하늘", 6, "zh", (36, 27, 26)),
    ("kang.minho@example.org", "Kang", "Minho", "강", "민호", 7, "zh", (33, 25, 24)),
    ("yoon.seoyeon@example.org", "Yoon", "Seoyeon", "윤", "서연", 5, "zh", (30, 24, 28)),
    ("han.dohyun@example.org", "Han", "Dohyun", "한", "도현", 6, "ja", None),
    ("shin.eunji@example.org", "Shin", "Eunji", "신", "은지", 7, "ja", None),
    ("oh.junseo@example.org", "Oh", "Junseo", "오", "준서", 8, "ja", None),
]


def _judges():
    User = get_user_model()
    judges = {}
    for email, (first, last) in JUDGE_ACCOUNTS.items():
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User(
                email=email,
                first_name=first,
                last_name=last,
                is_staff=True,
                organization=Organization.objects.get(slug="gaok"),
            )
            user.set_password(DEMO_PASSWORD)
            user.email_verified_at = user.date_joined
            user.save()
        user.groups.set([Group.objects.get(name=JUDGES)])
        judges[email] = user
    return judges


def _criteria(program):
    criteria = []
    for order, (top, names) in enumerate(CRITERIA, start=1):
        criterion, _ = SpeechCriterion.objects.update_or_create(
            program=program, order=order, defaults={"max_points": top, **{f"name_{k}": v for k, v in names.items()}}
        )
        criteria.append(criterion)
    return criteria


def _contestant(contest, staff, email, family, given, family_n, given_n, level, language):
    participant, _ = Participant.objects.get_or_create(
        email=email,
        defaults={
            "family_name": family,
            "given_name": given,
            "family_name_native": family_n,
            "given_name_native": given_n,
            "country": "KR",
            "organization": Organization.objects.filter(slug="gyeonggi").first(),
            "department": "International Cooperation Division",
            "position": "Officer",
            "admin_level": level,
            "languages": ["ko", language],
            "preferred_language": "ko",
            "is_sample": True,
        },
    )
    registration = Registration.objects.filter(participant=participant, occurrence=contest).first()
    if registration is None:
        registration = registration_submit(
            participant=participant, occurrence=contest, answers={"language": language}, consent=True
        )
        registration_transition(registration=registration, to_status=ACCEPTED, by=staff)
    return registration


def load_contest():
    contest = Occurrence.objects.filter(slug="sample-speech-contest").first()
    if contest is None:
        return
    User = get_user_model()
    staff = User.objects.get(email="staff@example.org")
    accounts = _judges()
    judges = {
        "en": User.objects.get(email="judge@example.org"),
        "zh": accounts["judge.chinese@example.org"],
        "ja": accounts["judge.japanese@example.org"],
    }
    criteria = _criteria(Program.objects.get(slug="speech-contest"))
    rounds = {}
    for language, _label in SpeechRound.Language.choices:
        preliminary, _ = SpeechRound.objects.get_or_create(
            occurrence=contest, kind=SpeechRound.Kind.PRELIMINARY, language=language,
            defaults={"advance_top": 2, "tie_break": SpeechRound.TieBreak.FIRST_CRITERION},
        )  # fmt: skip
        preliminary.judges.add(judges[language])
        final, _ = SpeechRound.objects.get_or_create(
            occurrence=contest, kind=SpeechRound.Kind.FINAL, language=language,
            defaults={"tie_break": SpeechRound.TieBreak.FIRST_CRITERION},
        )  # fmt: skip
        final.judges.add(staff)
        rounds[language] = preliminary
    for email, family, given, family_n, given_n, level, language, marks in CONTESTANTS:
        registration = _contestant(contest, staff, email, family, given, family_n, given_n, level, language)
        preliminary = rounds[language]
        entry, _ = SpeechEntry.objects.get_or_create(
            round=preliminary, registration=registration, defaults={"order": preliminary.entries.count() + 1}
        )
        if marks and preliminary.closed_at is None:
            for criterion, mark in zip(criteria, marks, strict=True):
                SpeechScore.objects.get_or_create(
                    entry=entry, judge=judges[language], criterion=criterion, defaults={"score": Decimal(mark)}
                )
    chinese = rounds["zh"]
    if chinese.closed_at is None:
        now = timezone.now()
        SpeechRound.objects.filter(pk=chinese.pk).update(closed_at=now, results_published_at=now)
