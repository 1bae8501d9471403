"""Benchmark: a registration storm over real HTTP. N officials (200) post the registration form of
one occurrence (50 seats, first come first served, country quotas KR 20, CN 15, JP 15) at the same
moment; then the outcome is checked: exactly the seats and quotas given, no duplicate, no 5xx,
every official told clearly where they stand, every email queued once and delivered once.

Everything is private to the run: a throwaway PostgreSQL database (migrated, then dropped), static
files in a temporary STATIC_ROOT, cache and session keys under a prefix of their own in the local
Redis (deleted afterwards), its own redis-server as the Celery broker, a Celery worker sending to
its own SMTP server, and gunicorn (3 sync workers, DEBUG=0, production settings:
bench/settings_load.py, bench/server.py) on a free port of 127.0.0.1.

The officials have accounts with verified addresses and profiles (KR, CN, JP, whose quotas
overflow, and VN and MN, which have none). Each signs in through the login form and opens the
registration page in their language (a `requests` session per official); the page's form is
read as a browser would send it (the profile prefilled, CSRF token), the program's required
questions answered and the consent ticked; then all threads post at once (a barrier).
Latency is each POST's, from the barrier to its answer (the redirect to the registration page).

    .venv/bin/python bench/registration_storm.py [--officials 200] [--seats 50] [--workers 3]

The last line reads: officials=N seats=S accepted=A duplicates=D errors=E median_s=… p95_s=… worst_s=… load=…
"""

import argparse
import collections
import concurrent.futures
import logging
import os
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TEST_DB_TAG", "bench_storm")
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings_bench"
PREFIX = f"bench-storm-{os.getpid()}"

import django  # noqa: E402

django.setup()
# aiosmtpd logs every SMTP command at INFO.
logging.getLogger("mail.log").setLevel(logging.WARNING)

import requests  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone, translation  # noqa: E402
from django.utils.translation import gettext  # noqa: E402

from bench import server  # noqa: E402

PASSWORD = "storm-Password-2026"
QUOTAS = {"KR": 20, "CN": 15, "JP": 15}
# Who comes (a share of the officials per country) and in which language they read the site.
COUNTRIES = {"KR": 0.40, "CN": 0.25, "JP": 0.20, "VN": 0.10, "MN": 0.05}
LANGUAGE = {"KR": "ko", "CN": "zh-hans", "JP": "ja", "VN": "en", "MN": "en"}
NAMES = {
    "KR": ("Kim", "Minsu", "김", "민수"),
    "CN": ("Wang", "Fang", "王", "芳"),
    "JP": ("Sato", "Yuki", "佐藤", "由紀"),
    "VN": ("Nguyen", "Lan", "", ""),
    "MN": ("Bat", "Erdene", "", ""),
}


class FormReader(HTMLParser):
    """The fields of <form id="registration-form"> as a browser would submit them untouched:
    [(name, value)], plus the names the page marks as required and the first option of each radio
    group and select (what a person would pick when they must)."""

    def __init__(self):
        super().__init__()
        self.inside = False
        self.fields = []
        self.required = set()
        self.choices = collections.defaultdict(list)
        self.checkbox_names = set()
        self.earliest = {}
        self.dates = set()
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("id") == "registration-form":
            self.inside = True
        if not self.inside:
            return
        name = a.get("name")
        if "required" in a and name:
            self.required.add(name)
        if a.get("min") and name:
            self.earliest[name] = a["min"]
        if tag == "input" and a.get("type") == "date" and name:
            self.dates.add(name)
        if tag == "input" and name and "disabled" not in a:
            kind = a.get("type", "text")
            if kind in {"checkbox", "radio"}:
                self.choices[name].append(a.get("value", "on"))
                if kind == "checkbox":
                    self.checkbox_names.add(name)
                if "checked" in a:
                    self.fields.append((name, a.get("value", "on")))
            elif kind not in {"submit", "button", "file", "reset"}:
                self.fields.append((name, a.get("value", "")))
        elif tag == "select" and name and "disabled" not in a:
            self._select = [name, None, "multiple" in a]
        elif tag == "option" and self._select is not None:
            value = a.get("value", "")
            if value:
                self.choices[self._select[0]].append(value)
            if "selected" in a:
                self.fields.append((self._select[0], value))
                self._select[1] = value
        elif tag == "textarea" and name and "disabled" not in a:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "select" and self._select is not None:
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self.fields.append((self._textarea[0], unescape(self._textarea[1]).strip()))
            self._textarea = None


def fill_form(page, first_day):
    """What a person sends: the form as drawn, every required field they left empty answered
    (a choice: the first; text: a short sentence), and the consent ticked."""
    reader = FormReader()
    reader.feed(page)
    if not reader.fields:
        raise SystemExit("the registration page shows no registration form")
    data = list(reader.fields)
    given = {name for name, value in data if value}
    for name in sorted(reader.required - given):
        data = [(n, v) for n, v in data if n != name]
        if reader.choices.get(name):
            data.append((name, reader.choices[name][0]))
        elif "email" in name:
            data.append((name, "colleague@example.org"))
        elif name in reader.earliest:  # the first date the page allows
            data.append((name, reader.earliest[name]))
        elif name in reader.dates:  # arriving (or leaving) on the first day
            data.append((name, first_day.isoformat()))
        else:
            data.append((name, "Local government cooperation"))
    if "consent" not in {name for name, _value in data}:
        data.append(("consent", "on"))
    return data


FIELD_ERROR = re.compile(r'class="[^"]*(?:invalid-feedback|alert-danger)[^"]*"[^>]*>(.*?)</', re.S)
ALERT = re.compile(r'<div class="alert alert-(\w+)" role="alert">(.*?)</div>', re.S)


def _letters(n):
    """A number as a name in Latin letters (the profile takes no digits): 0 a, 25 z, 26 ba."""
    word = ""
    while True:
        n, rest = divmod(n, 26)
        word = "abcdefghijklmnopqrstuvwxyz"[rest] + word
        if not n:
            return word.capitalize()


def build(officials, seats):
    """The program, the occurrence with its seats and quotas, and the officials with their accounts."""
    from accounts.models import User
    from participants.models import Participant
    from tests.factories import CountryQuotaFactory, OccurrenceFactory
    from workshops.models import Occurrence

    occurrence = OccurrenceFactory(
        title_en="Local Government Exchange Workshop (storm)",
        slug="storm-workshop",
        capacity=seats,
        admission=Occurrence.Admission.AUTOMATIC,
    )
    for country, quota_seats in QUOTAS.items():
        CountryQuotaFactory(occurrence=occurrence, country=country, seats=quota_seats)
    countries = []
    for country, share in COUNTRIES.items():
        countries += [country] * round(officials * share)
    countries = (countries + ["KR"] * officials)[:officials]
    people = []
    verified = timezone.now()
    for n, country in enumerate(countries):
        family, given, family_native, given_native = NAMES[country]
        email = f"storm{n}@{country.lower()}.example.org"
        user = User.objects.create_user(email=email, password=PASSWORD, email_verified_at=verified)
        Participant.objects.create(
            user=user,
            email=email,
            family_name=family,
            given_name=f"{given} {_letters(n)}",
            family_name_native=family_native,
            given_name_native=given_native,
            country=country,
            admin_level=5,
            preferred_language=LANGUAGE[country],
        )
        people.append({"email": email, "country": country, "language": LANGUAGE[country]})
    return occurrence, people


def prepare_session(port, person, slug, first_day):
    """Signed in through the login form, the registration page opened; the form as the person sends it."""
    base = f"http://127.0.0.1:{port}"
    session = requests.Session()
    session.headers["Accept-Language"] = person["language"]
    login = f"{base}/accounts/login/"
    token = server.csrf_token(session.get(login, timeout=120).text)
    answer = session.post(
        login,
        data={"csrfmiddlewaretoken": token, "username": person["email"], "password": PASSWORD},
        headers={"Referer": login},
        timeout=120,
    )
    if answer.status_code != 200 or "/accounts/login/" in answer.url:
        raise SystemExit(f"could not sign {person['email']} in ({answer.status_code})")
    url = f"{base}/occurrences/{slug}/register/"
    page = session.get(url, timeout=120)
    if page.status_code != 200:
        raise SystemExit(f"the registration page answered {page.status_code} to {person['email']}")
    return {**person, "session": session, "url": url, "data": fill_form(page.text, first_day)}


def storm(people):
    """Every official posts at the same moment; each result with its latency."""
    barrier = threading.Barrier(len(people))

    def post(person):
        barrier.wait()
        began = time.perf_counter()
        try:
            answer = person["session"].post(
                person["url"], data=person["data"], headers={"Referer": person["url"]}, timeout=300,
                allow_redirects=False,
            )  # fmt: skip
        except requests.RequestException as exc:
            return {**person, "status": None, "error": repr(exc), "latency": time.perf_counter() - began}
        return {**person, "status": answer.status_code, "answer": answer, "latency": time.perf_counter() - began}

    with concurrent.futures.ThreadPoolExecutor(max_workers=len(people)) as pool:
        return list(pool.map(post, people))


def read_outcome(result, base):
    """The page the official lands on, and the message it shows them."""
    answer = result["answer"]
    location = answer.headers.get("Location", "")
    if answer.status_code != 302 or "/registrations/" not in location:
        alerts = ALERT.findall(answer.text)
        return {"page": None, "alerts": alerts}
    page = result["session"].get(requests.compat.urljoin(base, location), timeout=120)
    return {
        "page": page.status_code,
        "alerts": [(kind, " ".join(text.split())) for kind, text in ALERT.findall(page.text)],
    }


def expected_messages(language):
    with translation.override(language):
        return {
            "accepted": gettext("You are registered: your place is confirmed."),
            "waitlisted": gettext("You are on the waitlist; we will email you if a place frees up."),
        }


def check(occurrence, results, base, smtp, wait_s):
    """The correctness figures: seats and quotas, duplicates, errors, messages, emails."""
    from django.db.models import Count

    from notifications.models import Notification
    from participants.models import Registration
    from workshops.models import CountryQuota

    figures = {}
    errors = [r for r in results if r["status"] is None or r["status"] >= 400]
    figures["errors"] = len(errors)
    figures["server_errors"] = sum(1 for r in results if r["status"] is not None and r["status"] >= 500)
    for r in errors[:5]:
        said = FIELD_ERROR.findall(r["answer"].text) if "answer" in r else []
        print(f"error: {r['email']} {r['status']} {r.get('error', '')} {said}", file=sys.stderr)

    registrations = Registration.objects.filter(occurrence=occurrence)
    by_status = collections.Counter(registrations.values_list("status", flat=True))
    figures["registrations"] = registrations.count()
    figures["accepted"] = by_status.get("accepted", 0)
    figures["waitlisted"] = by_status.get("waitlisted", 0)
    figures["other_status"] = figures["registrations"] - figures["accepted"] - figures["waitlisted"]
    figures["duplicates"] = sum(
        n - 1 for n in registrations.values("participant").annotate(n=Count("pk")).values_list("n", flat=True) if n > 1
    )
    accepted_by_country = collections.Counter(registrations.filter(status="accepted").values_list("country", flat=True))
    occurrence.refresh_from_db()
    quota_rows = {str(q.country): q for q in CountryQuota.objects.filter(occurrence=occurrence)}
    figures["quota_breaches"] = sum(1 for c, q in quota_rows.items() if accepted_by_country.get(c, 0) > q.seats)
    figures["counter_mismatches"] = int(occurrence.seats_taken != figures["accepted"]) + sum(
        1 for c, q in quota_rows.items() if q.seats_taken != accepted_by_country.get(c, 0)
    )
    # Each official: one registration, and a clear message in their language on the page they land on.
    unclear = []
    status_of = dict(registrations.values_list("participant__email", "status"))
    for r in results:
        if r["status"] is None:
            continue
        outcome = r["outcome"] = read_outcome(r, base)
        status = status_of.get(r["email"])
        expected = expected_messages(r["language"]).get(status)
        texts = [text for _kind, text in outcome["alerts"]]
        clear = expected is not None and any(expected in text for text in texts)
        if status == "waitlisted":
            # The reason (the country's seats or the occurrence's) comes before the waitlist sentence.
            clear = clear and any(len(text) > len(expected) + 10 for text in texts)
        if not clear:
            unclear.append((r["email"], status, outcome))
    figures["unclear"] = len(unclear)
    for email, status, outcome in unclear[:5]:
        print(f"unclear: {email} {status} {outcome}", file=sys.stderr)
    # Why the waitlisted were not given a seat, as the page told them (the waitlist sentence taken off).
    reasons = collections.Counter()
    for r in results:
        if status_of.get(r["email"]) == "waitlisted" and "outcome" in r:
            sentence = expected_messages(r["language"])["waitlisted"]
            said = " ".join(text.replace(sentence, "").strip() for _kind, text in r["outcome"]["alerts"])
            reasons[(r["country"], said)] += 1
    # Emails: one outbox row per registration (its notice), then one message per row at the SMTP server.
    keys = collections.Counter()
    for key in Notification.objects.filter(key__startswith="registration:").values_list("key", flat=True):
        keys[int(key.split(":")[1])] += 1
    ids = set(registrations.values_list("pk", flat=True))
    figures["outbox_rows"] = sum(keys[pk] for pk in ids)
    figures["outbox_not_once"] = sum(1 for pk in ids if keys[pk] != 1)
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline and Notification.objects.exclude(status="sent").exists():
        time.sleep(0.5)
    time.sleep(1)  # a duplicate would arrive now
    with smtp.lock:
        delivered = collections.Counter(str(m["X-Notification-Key"]) for m in smtp.messages)
    figures["emails_delivered"] = sum(1 for key in delivered if key.startswith("registration:"))
    figures["emails_twice"] = sum(1 for n in delivered.values() if n > 1)
    figures["accepted_by_country"] = dict(sorted(accepted_by_country.items()))
    return figures, reasons


def run(officials, seats, workers):
    from tests.notifications.servers import RedisServer
    from tests.support.smtp import CapturingSMTPServer
    from tests.support.workers import WorkerProcess

    static_root = tempfile.mkdtemp(prefix="bench_storm_static_")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    broker, smtp, worker, gunicorn = RedisServer().start(), CapturingSMTPServer().start(), None, None
    try:
        started = time.monotonic()
        occurrence, people = build(officials, seats)
        print(f"{officials} officials and the occurrence built in {time.monotonic() - started:.1f}s", file=sys.stderr)
        env = server.server_env(
            static_root=static_root,
            cache_prefix=PREFIX,
            CELERY_BROKER_URL=broker.url,
            CELERY_TASK_ALWAYS_EAGER="0",
        )
        server.collectstatic(env)
        worker = WorkerProcess(broker_url=broker.url, email_url=smtp.url, concurrency=1).start(timeout=60)
        port = server.free_port()
        gunicorn = server.start_gunicorn(env, port, workers)  # the Procfile's: default 30 s timeout
        base = f"http://127.0.0.1:{port}"
        started = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(max_workers=12) as pool:
            ready = list(pool.map(lambda p: prepare_session(port, p, occurrence.slug, occurrence.start_date), people))
        print(
            f"signed in and opened the form: {len(ready)} officials in {time.monotonic() - started:.1f}s",
            file=sys.stderr,
        )
        load_before = os.getloadavg()
        started = time.monotonic()
        results = storm(ready)
        wall = time.monotonic() - started
        load = os.getloadavg()
        figures, reasons = check(occurrence, results, base, smtp, wait_s=180)
        report(officials, seats, workers, results, figures, reasons, wall, load_before, load)
    finally:
        if gunicorn is not None:
            server.stop(gunicorn)
        if worker is not None:
            worker.stop()
        smtp.stop()
        broker.stop()
        server.delete_cache_keys(PREFIX)
        connection.creation.destroy_test_db(old_name, verbosity=0)
        shutil.rmtree(static_root, ignore_errors=True)


def report(officials, seats, workers, results, figures, reasons, wall, load_before, load):
    latencies = sorted(r["latency"] for r in results)
    median = statistics.median(latencies)
    p95 = latencies[min(len(latencies) - 1, round(0.95 * len(latencies)) - 1)]
    worst = latencies[-1]
    statuses = collections.Counter(r["status"] for r in results)
    print(
        f"gunicorn {workers} sync workers, DEBUG=0, PostgreSQL, Redis; {officials} officials posting at once "
        f"for {seats} seats, quotas {', '.join(f'{c} {n}' for c, n in QUOTAS.items())}; {os.cpu_count()} CPUs"
    )
    print("admission: first come, first served (automatic): a registration is accepted or waitlisted when it is posted")
    print(f"answers: {dict(sorted(statuses.items(), key=lambda kv: str(kv[0])))}; storm over in {wall:.1f}s")
    print(f"latency per POST: median {median:.2f}s, p95 {p95:.2f}s, worst {worst:.2f}s, best {latencies[0]:.2f}s")
    print(
        f"registrations {figures['registrations']}: accepted {figures['accepted']} "
        f"{figures['accepted_by_country']}, waitlisted {figures['waitlisted']}, other {figures['other_status']}; "
        f"duplicates {figures['duplicates']}, quota breaches {figures['quota_breaches']}, "
        f"counter mismatches {figures['counter_mismatches']}"
    )
    print(
        f"messages: {len(results) - figures['unclear']} of {len(results)} officials shown a clear message "
        f"in their language; unclear {figures['unclear']} (translations compiled: "
        f"{'yes' if (ROOT / 'locale' / 'ko' / 'LC_MESSAGES' / 'django.mo').exists() else 'no, English only'})"
    )
    for (country, reason), count in sorted(reasons.items()):
        print(f"  waitlisted {country} x{count}: {reason}")
    print(
        f"emails: outbox rows {figures['outbox_rows']} (not exactly one per registration: "
        f"{figures['outbox_not_once']}); delivered {figures['emails_delivered']}, twice {figures['emails_twice']}"
    )
    print(
        f"errors: {figures['errors']} (5xx {figures['server_errors']}); load average before "
        f"{' '.join(f'{x:.2f}' for x in load_before)}, after {' '.join(f'{x:.2f}' for x in load)}"
    )
    correct = (
        figures["accepted"] == seats
        and figures["registrations"] == officials
        and not any(
            figures[k]
            for k in ("duplicates", "errors", "quota_breaches", "counter_mismatches", "unclear", "outbox_not_once")
        )
        and figures["emails_delivered"] == officials
        and not figures["emails_twice"]
    )
    print(f"correct: {'yes' if correct else 'NO'}")
    print(
        f"officials={officials} seats={seats} accepted={figures['accepted']} duplicates={figures['duplicates']} "
        f"errors={figures['errors']} median_s={median:.2f} p95_s={p95:.2f} worst_s={worst:.2f} load={load[0]:.2f}"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--officials", type=int, default=200)
    parser.add_argument("--seats", type=int, default=50)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()
    run(args.officials, args.seats, args.workers)
