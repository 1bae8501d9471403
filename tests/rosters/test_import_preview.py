"""The delegate-list preview shows what an import writes (issue 11.7): the name on every row,
refused ones too; the values of a new row; only the changed fields of an update, old and new; and
a row imported again unchanged as "no change"."""

import pytest

from rosters.resources import IMPORT_HEADERS, DelegateListResource, dry_run_report
from tests.rosters.test_import import GOOD, dataset, upload

pytestmark = pytest.mark.integration

LEE = {**GOOD, "email": "lee.jun@gg.example.org", "family_name": "Lee", "given_name": "Jun",
       "family_name_native": "이", "given_name_native": "준"}  # fmt: skip


def _preview(user, *rows):
    return DelegateListResource().import_data(dataset(*rows), dry_run=True, user=user)


def test_a_new_row_shows_the_values_it_writes_and_the_name(staff, occurrence, host):
    result = _preview(staff, GOOD)
    row = result.delegate_rows[1]
    assert row["name"] == "KIM Minsu (김민수)" and row["email"] == "minsu.kim@gg.example.org"
    assert ("family name (romanized)", "Kim") in row["values"]
    assert ("position", "Deputy Director") in row["values"]
    assert ("country", "South Korea") in row["values"]
    assert ("organization", str(host)) in row["values"]
    assert ("occurrence", "CJK Workshop 2026") in row["values"]
    assert ("consent to data processing given at", "2026-04-30") in row["values"]
    assert not any(label == "phone" for label, _value in row["values"])  # empty cells are not listed


def test_an_update_shows_only_what_changes_and_an_unchanged_row_says_so(staff, occurrence):
    DelegateListResource().import_data(dataset(GOOD, LEE), dry_run=False, user=staff)
    result = _preview(staff, {**GOOD, "position": "Director", "phone": "+82 31 120 0000"}, LEE)
    assert dry_run_report(result) == [(1, "update", []), (2, "unchanged", [])]
    assert result.delegate_rows[1]["changes"] == [
        ("position", "Deputy Director", "Director"),
        ("phone", "", "+82 31 120 0000"),
    ]
    assert result.delegate_rows[2]["changes"] == []


def test_a_refused_row_is_named(staff, occurrence):
    result = _preview(staff, GOOD, {**LEE, "country": "Atlantis"})
    assert dry_run_report(result)[1] == (2, "refused", ["Unknown country “Atlantis”."])
    assert result.delegate_rows[2]["name"] == "LEE Jun (이준)"


def test_the_admin_preview_shows_names_values_and_changes(client, staff, occurrence):
    from django.contrib.auth.models import Group

    staff.groups.add(Group.objects.get(name="Program staff"))
    client.force_login(staff)
    DelegateListResource().import_data(dataset(GOOD, LEE), dry_run=False, user=staff)
    rows = [{**GOOD, "position": "Director"}, LEE, {**GOOD, "email": "new@gg.example.org", "given_name": "Sora"}]
    content = ",".join(IMPORT_HEADERS) + "\n" + "".join(",".join(r[h] for h in IMPORT_HEADERS) + "\n" for r in rows)
    page = upload(client, "list.csv", content.encode(), "csv").content.decode()
    assert page.count("KIM Minsu (김민수)") == 1 and "LEE Jun (이준)" in page and "KIM Sora (김민수)" in page
    assert "<del>Deputy Director</del> → <ins>Director</ins>" in page
    assert "no change" in page and "will be updated" in page and "will be created" in page
    assert "Deputy Director" in page.split("KIM Sora")[1]  # the new row lists the values it writes
