"""Benchmark: roster export to XLSX, django-import-export's default versus the project's streamed path.

    .venv/bin/python bench/export_roster.py [--rows 100000] [--small 20000]

Creates (once) 100,000 registrations in a dedicated PostgreSQL database `exchange_portal_bench`
(migrated on the fly), then runs each writer in a fresh Python process so that its peak RSS
(getrusage maxrss) is its own: (1) django-import-export Resource.export() to xlsx, (2) the
project's roster export (rosters.renderers.render, xlsx), (3) a plain CSV dump of the same rows
(the floor). It also runs (2) on a 20,000-row occurrence to show that memory does not grow
with the row count. The last line is machine-readable.
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DB_NAME = "exchange_portal_bench"
DB_URL = os.environ.get("BENCH_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{DB_NAME}")
PROGRAM_SLUG = "bench-program"


def bench_env():
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "exchange_portal.settings",
            "DATABASE_URL": DB_URL,
            "DEBUG": "1",
            "REDIS_URL": "",
            "CELERY_BROKER_URL": "",
            "LOG_LEVEL": "WARNING",
        }
    )
    return env


def ensure_database():
    import psycopg2

    conn = psycopg2.connect(dbname="postgres", user="postgres", host="127.0.0.1")
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DB_NAME])
        if cur.fetchone() is None:
            cur.execute(f'CREATE DATABASE "{DB_NAME}"')
    conn.close()
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=bench_env(), check=True
    )


def child(args):
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    if args.child == "seed":
        seed(args.rows, args.small)
        return
    from participants.models import Registration
    from programs.models import Program
    from workshops.models import Occurrence

    program = Program.objects.get(slug=PROGRAM_SLUG)
    if args.rows == args.small:
        filters = {"occurrence": Occurrence.objects.get(slug="bench-small").pk}
    else:
        filters = {"program": program.pk}
    queryset = Registration.objects.filter(
        **{"occurrence__program_id" if "program" in filters else "occurrence_id": next(iter(filters.values()))}
    )
    out = Path(f"/tmp/bench_roster_{args.child}_{args.rows}.out")
    import resource

    baseline_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Django and the apps, loaded
    started = time.perf_counter()
    with open(out, "wb") as fileobj:
        rows = WRITERS[args.child](queryset, filters, fileobj)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "rows": rows,
                "seconds": seconds,
                "peak_mb": peak_mb,
                "baseline_mb": baseline_mb,
                "bytes": out.stat().st_size,
            }
        )
    )
    out.unlink()


# The roster columns as django-import-export names them: the baseline's fields and the CSV floor's.
EXPORT_FIELDS = (
    "id",
    "participant__family_name",
    "participant__given_name",
    "participant__family_name_native",
    "participant__given_name_native",
    "country",
    "participant__organization__name",
    "participant__department",
    "participant__position",
    "participant__admin_level",
    "participant__email",
    "occurrence__title",
    "occurrence__start_date",
    "status",
    "submitted_at",
    "decided_at",
)


def registration_export_resource():
    """django-import-export's own export of the roster columns: the benchmark's baseline (only the
    benchmark uses it). Built after django.setup(), as a resource needs the models."""
    from import_export import resources

    from participants.models import Registration

    class RegistrationExportResource(resources.ModelResource):
        class Meta:
            model = Registration
            fields = EXPORT_FIELDS

    return RegistrationExportResource


def write_import_export(queryset, filters, fileobj):
    from import_export.formats.base_formats import XLSX

    # select_related, or the library reads the participant, organization and occurrence row by row.
    dataset = registration_export_resource()().export(
        queryset=queryset.select_related("participant__organization", "occurrence")
    )
    fileobj.write(XLSX().export_data(dataset))
    return len(dataset)


def write_project(queryset, filters, fileobj):
    from rosters.exporters import get_exporter
    from rosters.renderers import render

    exporter = get_exporter("registrations")(user=None, filters=filters, language="en")
    return render(exporter, "xlsx", fileobj)


def write_csv_floor(queryset, filters, fileobj):
    import codecs
    import csv

    fields = ["pk" if f == "id" else f for f in EXPORT_FIELDS]
    writer = csv.writer(codecs.getwriter("utf-8")(fileobj))
    writer.writerow(fields)
    count = 0
    for row in queryset.values_list(*fields).iterator(chunk_size=5000):
        writer.writerow(row)
        count += 1
    return count


WRITERS = {"import_export": write_import_export, "project": write_project, "csv": write_csv_floor}


def seed(rows, small):
    import datetime
    import random

    from django.db import transaction
    from django.utils import timezone

    from participants.models import Participant, Registration
    from programs.models import Organization, Program
    from workshops.models import Occurrence

    program = Program.objects.filter(slug=PROGRAM_SLUG).first()
    if program and Registration.objects.filter(occurrence__program=program).count() == rows:
        return
    rng = random.Random(42)
    with transaction.atomic():
        if program:
            Registration.objects.filter(occurrence__program=program).delete()
            Participant.objects.filter(email__endswith="@bench.example.org").delete()
            Occurrence.objects.filter(program=program).delete()
        else:
            program = Program.objects.create(name_en="Benchmark program", slug=PROGRAM_SLUG, kind=Program.Kind.WORKSHOP)
        orgs = [
            Organization.objects.get_or_create(
                slug=f"bench-org-{i}", defaults={"name_en": f"Bench Province {i}", "kind": "province", "country": "KR"}
            )[0]
            for i in range(20)
        ]
        start = datetime.date(2026, 9, 1)
        occ_small = Occurrence.objects.create(
            program=program, title_en="Bench small", slug="bench-small", number=1, start_date=start, end_date=start
        )
        occ_big = Occurrence.objects.create(
            program=program, title_en="Bench big", slug="bench-big", number=2, start_date=start, end_date=start
        )
        families = [("Kim", "김"), ("Lee", "이"), ("Wang", "王"), ("Sato", "佐藤"), ("Chen", "陳")]
        givens = [("Minsu", "민수"), ("Wei", "伟"), ("Hanako", "花子"), ("Jiho", "지호")]
        now = timezone.now()
        batch = 10000
        for offset in range(0, rows, batch):
            people = []
            for i in range(offset, min(rows, offset + batch)):
                fam, giv = families[i % 5], givens[i % 4]
                people.append(
                    Participant(
                        family_name=fam[0],
                        given_name=f"{giv[0]}{i}",
                        family_name_native=fam[1],
                        given_name_native=giv[1],
                        country=["KR", "CN", "JP", "TW"][i % 4],
                        organization=orgs[i % 20],
                        department="International Cooperation",
                        position="Deputy Director",
                        admin_level=rng.randint(1, 9),
                        email=f"p{i}@bench.example.org",
                    )
                )
            Participant.objects.bulk_create(people, batch_size=5000)
            Registration.objects.bulk_create(
                [
                    Registration(
                        participant=p,
                        occurrence=occ_small if i < small else occ_big,
                        country=p.country,
                        status="submitted",
                        decided_at=now if i % 3 == 0 else None,
                    )
                    for i, p in enumerate(people, offset)
                ],
                batch_size=5000,
            )


def run_child(name, rows, small):
    result = subprocess.run(
        [sys.executable, __file__, "--child", name, "--rows", str(rows), "--small", str(small)],
        cwd=ROOT,
        env=bench_env(),
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"{name} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=20_000)
    parser.add_argument("--child", default=None)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    ensure_database()
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, __file__, "--child", "seed", "--rows", str(args.rows), "--small", str(args.small)],
        cwd=ROOT,
        env=bench_env(),
        check=True,
    )
    print(f"data ready: {args.rows} registrations in {DB_NAME} ({time.perf_counter() - started:.1f} s)")
    ie = run_child("import_export", args.rows, args.small)
    ours = run_child("project", args.rows, args.small)
    floor = run_child("csv", args.rows, args.small)
    ours_small = run_child("project", args.small, args.small)
    for label, r in [
        ("(1) django-import-export Resource.export() -> xlsx", ie),
        ("(2) project roster export -> xlsx", ours),
        ("(3) CSV dump (floor)", floor),
        (f"(2) project roster export, {args.small} rows", ours_small),
    ]:
        print(
            f"{label}: rows={r['rows']} time={r['seconds']:.2f} s peak_rss={r['peak_mb']:.0f} MB (process before writing: {r['baseline_mb']:.0f} MB) size={r['bytes'] / 1e6:.1f} MB"
        )
    assert ie["rows"] == ours["rows"] == floor["rows"] == args.rows, "the writers did not export the same rows"
    print(
        f"project export peak RSS: {ours_small['peak_mb']:.0f} MB at {args.small} rows, {ours['peak_mb']:.0f} MB at {args.rows} rows"
    )
    print(
        f"speedup_vs_import_export={ie['seconds'] / ours['seconds']:.1f} "
        f"memory_ratio_vs_import_export={ours['peak_mb'] / ie['peak_mb']:.2f} "
        f"ratio_vs_csv_floor={ours['seconds'] / floor['seconds']:.2f}"
    )


if __name__ == "__main__":
    main()
