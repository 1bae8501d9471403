"""The Korea-China-Japan Local Governments Conference rotates among the three countries (the
seed: "based on rotation basis among the 3 countries"). The seeds name no edition, so one
flagged sample edition, hosted by China, shows the rotation at work: staff's "Propose the next
edition" on it proposes Japan."""

from datetime import date

from django.utils import timezone

from programs.models import Program
from workshops.models import Occurrence


def load_conference():
    program = Program.objects.get(slug="kcj-local-governments-conference")
    if [str(c) for c in program.rotation_countries] != ["CN", "JP", "KR"]:
        program.rotation_countries = ["CN", "JP", "KR"]
        program.save()
    year = timezone.localdate().year
    name = {lang: getattr(program, f"name_{lang}") for lang in ("en", "ko", "zh_hans", "zh_hant", "ja")}
    titles = {
        "en": f"{name['en']} {year}: sample edition hosted by China (demonstration only)",
        "ko": f"{year} {name['ko']}: 중국 개최 견본 회차 (시연용)",
        "zh_hans": f"{year}年{name['zh_hans']}：中国主办的样例届次（仅供演示）",
        "zh_hant": f"{year}年{name['zh_hant']}：中國主辦的樣例屆次（僅供展示）",
        "ja": f"{year}年 {name['ja']}：中国開催のサンプル回（デモ用）",
    }
    Occurrence.objects.get_or_create(
        slug="sample-kcj-conference-china",
        defaults={
            "program": program,
            **{f"title_{lang}": title for lang, title in titles.items()},
            "number": 1,
            "year": year,
            "start_date": date(year, 8, 1),
            "date_precision": "month",
            "country": "CN",
            "is_sample": True,
            "location_en": "China (sample)",
            "location_ko": "중국 (견본)",
            "location_zh_hans": "中国（样例）",
            "location_zh_hant": "中國（樣例）",
            "location_ja": "中国（サンプル）",
        },
    )
