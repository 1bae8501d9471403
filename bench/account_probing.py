"""Benchmark: can sign-up or password reset tell, by its answer or its time, which addresses have
an account?

A throwaway PostgreSQL database (migrated, then dropped); each form is posted through Django's
test client, in process, with the outbox written and the email sent through the project's
services as in development (tasks in-process, a local mail backend). Requests alternate between
an address that has an account and one that has not, so both see the same machine load.

    .venv/bin/python bench/account_probing.py [--rounds 60]

Prints the median and 90th percentile per case; the last line reads
`signup_ratio=R reset_ratio=R answers_differ=N` where a ratio is the slower case's median over
the faster one's (1.0 means no difference) and answers_differ counts responses whose status or
redirect differed between the two kinds of address.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings_bench"
os.environ.setdefault("TEST_DB_TAG", "bench_probing")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

PASSWORD = "plum-harbour-lantern-42"


def _timed(client, url, data):
    started = time.perf_counter()
    response = client.post(url, data)
    return time.perf_counter() - started, (response.status_code, response.get("Location"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=60)
    args = parser.parse_args()
    setup_test_environment()
    settings.SIGNUP_RATE_LIMIT = 10**9  # the throttle would answer 429 to both alike
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]  # production's
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        User = get_user_model()
        for n in range(args.rounds):
            User.objects.create_user(email=f"known{n}@example.org", password=PASSWORD)
        times = {case: [] for case in ("signup known", "signup new", "reset known", "reset unknown")}
        differ = 0
        for n in range(args.rounds):
            # A fresh client per request: no session or cookie carries over between cases.
            pairs = [
                ("signup", "/accounts/signup/", "known", f"known{n}@example.org", "new", f"new{n}@example.org"),
                (
                    "reset",
                    "/accounts/password/reset/",
                    "known",
                    f"known{n}@example.org",
                    "unknown",
                    f"nobody{n}@example.org",
                ),
            ]
            for form, url, kind_a, email_a, kind_b, email_b in pairs:
                data = {"password1": PASSWORD, "password2": PASSWORD} if form == "signup" else {}
                first, second = ((kind_a, email_a), (kind_b, email_b))
                if n % 2:
                    first, second = second, first
                answers = {}
                for kind, email in (first, second):
                    seconds, answer = _timed(Client(), url, {**data, "email": email})
                    times[f"{form} {kind}"].append(seconds)
                    answers[kind] = answer
                differ += len(set(answers.values())) > 1
        medians = {}
        for case, values in times.items():
            values.sort()
            medians[case] = statistics.median(values)
            p90 = values[int(len(values) * 0.9) - 1]
            print(f"{case:14} median={medians[case] * 1000:7.1f} ms  p90={p90 * 1000:7.1f} ms  n={len(values)}")

        def ratio(a, b):
            return max(medians[a], medians[b]) / min(medians[a], medians[b])

        print(
            f"signup_ratio={ratio('signup known', 'signup new'):.2f} "
            f"reset_ratio={ratio('reset known', 'reset unknown'):.2f} answers_differ={differ}"
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
