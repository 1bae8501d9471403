"""Participant categories of the two events whose seeds name their participants' roles.

Heads of Missions 2018 (seed 001): the 181 heads of missions, joined at its events by the Ministry
of Foreign Affairs' college student supporters and its "journalists for diplomacy with the people".
ASEAN-ROK 2019 (seed 004): ministers heading the delegations of Korea and the ten ASEAN member
states, and "over 150 ASEAN officials and students studying in Korea". Where the seeds give no
number the category has no seat limit of its own; the badge colours are the demo's choice (the
seeds state none)."""

from participants.models import ParticipantCategory
from workshops.models import Occurrence

# slug: [(order, names in the five languages, seats or None, needs review, badge colour)]
CATEGORIES = {
    "heads-of-missions-2018": [
        (
            1,
            {"en": "Head of mission", "ko": "재외공관장", "zh_hans": "驻外使领馆馆长", "zh_hant": "駐外使領館館長",
             "ja": "在外公館長"},
            181,  # seed 001: 181 mission heads, ambassadors and consuls-general
            True,
            "#1F3A93",
        ),
        (
            2,
            {"en": "College student supporter", "ko": "대학생 서포터즈", "zh_hans": "大学生支持团成员",
             "zh_hant": "大學生支援團成員", "ja": "大学生サポーターズ"},
            None,
            True,
            "#FFD100",
        ),
        (
            3,
            {"en": "Journalist for diplomacy with the people", "ko": "국민외교 기자단",
             "zh_hans": "国民外交记者团成员", "zh_hant": "國民外交記者團成員", "ja": "国民外交記者団"},
            None,
            True,
            "#C8102E",
        ),
    ],
    "asean-rok-roundtable-2019": [
        (
            1,
            {"en": "Minister (head of delegation)", "ko": "장관 (대표단장)", "zh_hans": "部长（代表团团长）",
             "zh_hant": "部長（代表團團長）", "ja": "閣僚（代表団長）"},
            11,  # seed 004: the ministers of Korea and the ten ASEAN member states
            True,
            "#7B1FA2",
        ),
        (
            2,
            {"en": "ASEAN official", "ko": "아세안 공무원", "zh_hans": "东盟官员", "zh_hant": "東協官員",
             "ja": "ASEANの公務員"},
            None,
            True,
            "#00796B",
        ),
        (
            3,
            {"en": "Student studying in Korea", "ko": "국내 유학생", "zh_hans": "在韩留学生", "zh_hant": "在韓留學生",
             "ja": "韓国で学ぶ留学生"},
            None,
            True,
            "#F57C00",
        ),
    ],
}  # fmt: skip


def load_categories():
    """Idempotent: a category is found again by its occurrence and order."""
    for slug, categories in CATEGORIES.items():
        occurrence = Occurrence.objects.filter(slug=slug).first()
        if occurrence is None:
            continue
        for order, names, capacity, needs_review, colour in categories:
            values = {
                **{f"name_{lang}": name for lang, name in names.items()},
                "capacity": capacity,
                "needs_review": needs_review,
                "badge_colour": colour,
            }
            category = ParticipantCategory.objects.filter(occurrence=occurrence, order=order).first()
            if category is None:
                ParticipantCategory.objects.create(occurrence=occurrence, order=order, **values)
            elif any(getattr(category, field) != value for field, value in values.items()):
                for field, value in values.items():
                    setattr(category, field, value)
                category.save()
