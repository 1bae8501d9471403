"""Benchmark: the registration and participant changelists at 1,000 and at 100,000 registrations.

    .venv/bin/python bench/admin_changelist.py [--rows 100000] [--small 1000] [--repeat 5]

Everything lives in a database of its own (`exchange_portal_<TEST_DB_TAG>`, TEST_DB_TAG=bench_admin
by default; created and migrated on first use). Each run empties the officials and registrations,
creates `--small` of each (bulk_create), times every page, tops up to `--rows` and times the same
pages again: both sizes in one run, on the same machine load. Pages are requested in process
(django.test.Client, the time Django spends on the request: queries and rendering) by a superuser
and by program staff whose organization hosts the program, each page `--repeat` times (median).

Pages: each changelist plain, searched for "kim" and filtered by country (JP).
Targets: at most 0.5 s at 100,000 registrations and at most 5x the same page at 1,000 (issue 14
says "with 100 rows": at 1,000 registrations the plain and searched pages show a full page of 100
rows as they do at 100,000; at 100 registrations a search for "kim" shows 14, so the ratio would
weigh 86 more rows drawn rather than the table's size).
The last line reads: worst_s=… worst_ratio=… pages=N
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TAG = os.environ.setdefault("TEST_DB_TAG", "bench_admin")
DB_NAME = f"exchange_portal_{TAG}"
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{DB_NAME}")
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings_bench"

FAMILIES = [
    ("Kim", "김"),
    ("Lee", "이"),
    ("Park", "박"),
    ("Wang", "王"),
    ("Sato", "佐藤"),
    ("Chen", "陳"),
    ("Suzuki", "鈴木"),
]
GIVENS = [("Minsu", "민수"), ("Wei", "伟"), ("Hanako", "花子"), ("Jiho", "지호"), ("Yuki", "由紀")]
COUNTRIES = ["KR", "CN", "JP", "TW", "VN", "TH", "MN", "ID", "PH", "MY", "US", "FR", "DE", "IN", "KH", "LA"]


def ensure_database():
    import psycopg2

    conn = psycopg2.connect(dbname="postgres", user="postgres", host="127.0.0.1")
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DB_NAME])
        if cur.fetchone() is None:
            cur.execute(f'CREATE DATABASE "{DB_NAME}"')
    conn.close()


def setup():
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def reset():
    """Empty the officials, their registrations and whatever hangs off them (this database is the bench's own)."""
    from django.db import connection

    from accounts.models import User
    from programs.models import Organization, Program
    from workshops.models import Occurrence

    with connection.cursor() as cur:
        cur.execute("TRUNCATE participants_participant, participants_registration CASCADE")
    Occurrence.objects.filter(program__slug="bench-admin").delete()
    Program.objects.filter(slug="bench-admin").delete()
    User.objects.filter(email__endswith="@bench-admin.example.org").delete()
    Organization.objects.filter(slug="bench-admin-host").delete()


def world():
    import datetime

    from django.contrib.auth.models import Group

    from accounts.models import User
    from programs.models import Organization, Program
    from workshops.models import Occurrence

    host = Organization.objects.create(
        slug="bench-admin-host", name_en="Bench Host Institute", kind="province", country="KR"
    )
    program = Program.objects.create(name_en="Bench program", slug="bench-admin", kind=Program.Kind.WORKSHOP)
    program.hosts.add(host)
    start = datetime.date(2026, 9, 1)
    occurrences = [
        Occurrence.objects.create(
            program=program,
            title_en=f"Bench workshop {n}",
            slug=f"bench-admin-{n}",
            number=n,
            start_date=start + datetime.timedelta(days=30 * n),
            end_date=start + datetime.timedelta(days=30 * n + 1),
        )
        for n in range(1, 11)
    ]
    superuser = User.objects.create_superuser(email="root@bench-admin.example.org", password="x")
    staff = User.objects.create_user(
        email="staff@bench-admin.example.org", password="x", is_staff=True, organization=host
    )
    staff.groups.add(Group.objects.get(name="Program staff"))
    return occurrences, {"superuser": superuser, "staff": staff}


def add_rows(occurrences, start, stop):
    from django.db import connection, transaction

    from participants.models import Participant, Registration
    from programs.models import Organization

    host = Organization.objects.get(slug="bench-admin-host")
    rng = random.Random(start)
    batch = 10000
    with transaction.atomic():
        for offset in range(start, stop, batch):
            people = []
            for i in range(offset, min(stop, offset + batch)):
                family, given = FAMILIES[i % len(FAMILIES)], GIVENS[i % len(GIVENS)]
                person = Participant(
                    family_name=family[0],
                    given_name=f"{given[0]}{i}",
                    family_name_native=family[1],
                    given_name_native=given[1],
                    country=COUNTRIES[rng.randrange(len(COUNTRIES))],
                    organization=host,
                    department="International Cooperation",
                    position="Deputy Director",
                    admin_level=rng.randint(1, 9),
                    email=f"p{i}@bench-admin.example.org",
                )
                person.search_key = person.compute_search_key()  # what save() writes; bulk_create skips save()
                people.append(person)
            Participant.objects.bulk_create(people, batch_size=5000)
            Registration.objects.bulk_create(
                [
                    Registration(
                        participant=person,
                        occurrence=occurrences[i % len(occurrences)],
                        country=person.country,
                        status="submitted",
                    )
                    for i, person in enumerate(people, offset)
                ],
                batch_size=5000,
            )
    with connection.cursor() as cur:
        cur.execute("ANALYZE participants_participant; ANALYZE participants_registration")


PAGES = [
    ("registrations", "admin:participants_registration_changelist", {}),
    ("registrations search kim", "admin:participants_registration_changelist", {"q": "kim"}),
    ("registrations country JP", "admin:participants_registration_changelist", {"country": "JP"}),
    ("participants", "admin:participants_participant_changelist", {}),
    ("participants search kim", "admin:participants_participant_changelist", {"q": "kim"}),
    ("participants country JP", "admin:participants_participant_changelist", {"country": "JP"}),
]


def measure(users, repeat):
    from django.test import Client
    from django.urls import reverse

    times = {}
    for who, user in users.items():
        client = Client()
        client.force_login(user)
        for name, url_name, query in PAGES:
            url = reverse(url_name)
            response = client.get(url, query)  # warm: content types, session, the user's permissions
            assert response.status_code == 200, (who, name, response.status_code)
            samples = []
            for _ in range(repeat):
                began = time.perf_counter()
                response = client.get(url, query)
                samples.append(time.perf_counter() - began)
            assert response.status_code == 200
            times[(who, name)] = statistics.median(samples)
    return times


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    ensure_database()
    setup()
    from django.test.utils import setup_test_environment

    setup_test_environment()  # the test client's ALLOWED_HOSTS ("testserver")
    reset()
    occurrences, users = world()
    began = time.perf_counter()
    add_rows(occurrences, 0, args.small)
    small = measure(users, args.repeat)
    add_rows(occurrences, args.small, args.rows)
    print(f"seeded {args.rows} registrations in {time.perf_counter() - began:.1f} s")
    big = measure(users, args.repeat)
    with open("/proc/loadavg") as f:
        load = f.read().split()[:3]
    print(f"load average {' '.join(load)}")
    print(f"{'page':<40} {args.small:>10} {args.rows:>10}  ratio")
    worst_s, worst_ratio = 0.0, 0.0
    for key in big:
        ratio = big[key] / small[key]
        worst_s, worst_ratio = max(worst_s, big[key]), max(worst_ratio, ratio)
        print(f"{key[0] + ': ' + key[1]:<40} {small[key] * 1000:>8.1f}ms {big[key] * 1000:>8.1f}ms  {ratio:.2f}")
    print(f"worst_s={worst_s:.3f} worst_ratio={worst_ratio:.2f} pages={len(big)}")


if __name__ == "__main__":
    main()
