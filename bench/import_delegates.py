"""Benchmark: a delegate list of N rows through the limits check, the parser and the dry run
(the preview) of the admin import, with the time and the peak memory of each step.

A throwaway PostgreSQL database (migrated, then dropped); the list is an XLSX written by openpyxl
with the template's columns, one occurrence large enough for every row, imported by a program
staff member of the host. Tasks run in-process.

    .venv/bin/python bench/import_delegates.py [--rows 10000] [--confirm]

Peak memory is the process's maxrss (resource.getrusage) after each step; the baseline is the
process with Django loaded and the database ready. The last line reads
`rows=N check_s=S parse_s=S dry_run_s=S [import_s=S] peak_mb=M baseline_mb=M target_mb=300 ratio=R`.
"""

import argparse
import datetime
import io
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings_bench"
os.environ.setdefault("TEST_DB_TAG", "bench_import")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def workbook(rows, slug):
    import openpyxl

    from rosters.resources import IMPORT_HEADERS

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(IMPORT_HEADERS)
    for n in range(rows):
        values = {
            "email": f"delegate{n}@gg.example.org",
            "family_name": "Kim",
            "given_name": f"Minsu{n}",
            "country": "KR",
            "organization": "GG",
            "occurrence": slug,
            "admin_level": "5",
            "consent_date": "2026-04-30",
        }
        sheet.append([values.get(header, "") for header in IMPORT_HEADERS])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--confirm", action="store_true", help="also run the real import")
    args = parser.parse_args()
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from import_export.formats.base_formats import XLSX

        from jobs.spreadsheet_limits import check_xlsx
        from programs import roles
        from rosters.resources import DelegateListResource
        from tests.factories import OccurrenceFactory, OrganizationFactory, UserFactory

        host = OrganizationFactory(name_en="Gyeonggi", slug="gg", country="KR")
        occurrence = OccurrenceFactory(
            slug="bench-import",
            capacity=args.rows + 10,
            start_date=datetime.date(2026, 9, 14),
            end_date=datetime.date(2026, 9, 16),
        )
        occurrence.hosts.add(host)
        staff = UserFactory(email="staff@gg.example.org", is_staff=True, organization=host)
        from django.contrib.auth.models import Group

        staff.groups.add(Group.objects.get(name=roles.PROGRAM_STAFF))
        data = workbook(args.rows, occurrence.slug)
        baseline = peak_mb()
        figures = {}

        started = time.perf_counter()
        check_xlsx(data)
        figures["check_s"] = time.perf_counter() - started
        started = time.perf_counter()
        dataset = XLSX().create_dataset(data)
        figures["parse_s"] = time.perf_counter() - started
        started = time.perf_counter()
        result = DelegateListResource().import_data(dataset, dry_run=True, user=staff)
        figures["dry_run_s"] = time.perf_counter() - started
        refused = sum(1 for row in result.rows if row.errors or row.validation_error)
        print(f"dry run: {len(result.rows)} rows, {refused} refused, invalid={len(result.invalid_rows)}")
        if args.confirm:
            started = time.perf_counter()
            DelegateListResource().import_data(dataset, dry_run=False, user=staff)
            figures["import_s"] = time.perf_counter() - started
        peak = peak_mb()
        print(
            f"rows={args.rows} "
            + " ".join(f"{name}={seconds:.1f}" for name, seconds in figures.items())
            + f" peak_mb={peak:.0f} baseline_mb={baseline:.0f} target_mb=300 ratio={peak / 300:.2f}"
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
