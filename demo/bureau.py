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


def load_bureau(*, now):
    return {"local_governments": load_local_governments()}
