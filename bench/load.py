"""Benchmark: public pages and the registration form under load, against a bare Django view.

Everything is private to the run: a throwaway PostgreSQL database with the demo loaded (then
dropped), static files collected into a temporary STATIC_ROOT, cache keys under a prefix of their
own in the local Redis (deleted afterwards), and gunicorn (3 sync workers, DEBUG=0, production
settings: bench/settings_load.py) on a free port of 127.0.0.1. wrk (50 connections) measures, in
interleaved rounds: the bare view (the ceiling), the home page, the CJK workshop's program page,
an occurrence page and the registration form of a signed-in demo official (its session cookie is
passed to wrk), loaded again and again as in a rush's reloads; and the same form loaded once by
each of thousands of officials (`register_first`: copies of the demo official's profile, each
with a session of its own, a different one on every request, so that none is a reload).

    .venv/bin/python bench/load.py [--seconds 6] [--rounds 2] [--connections 50] [--pages register]

`--pages` measures only the pages named (comma-separated), always with the bare view.

Targets: home, program and occurrence at least 0.5 of the bare view's requests per second with a
p95 under 4x the bare view's; the registration form at least 0.25; no errors. `register_first`
has no target of its own: it says what a first load costs.
The last line reads:
home_ratio=… program_ratio=… occurrence_ratio=… register_ratio=… register_first_ratio=… errors=N
"""

import argparse
import copy
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TEST_DB_TAG", "bench_load")
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings_bench"
PREFIX = f"bench-load-{os.getpid()}"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench import server  # noqa: E402
from demo.samples import DEMO_PASSWORD  # noqa: E402

TARGETS = ("bare", "home", "program", "occurrence", "register", "register_first")
# Officials for register_first: more than the requests a run makes of that page at a first load's speed.
FIRST_LOAD_OFFICIALS = 6000
# wrk's summary as one parsable line (latencies in microseconds).
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d p50=%d p95=%d non2xx=%d connect=%d read=%d write=%d timeout=%d\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    e.status, e.connect, e.read, e.write, e.timeout))
end
"""


def _prepare_data():
    """The demo, and an open occurrence the demo official has not registered for."""
    from bench.official_occurrence import open_occurrence_for_demo_official
    from demo.loader import demo_load

    demo_load()
    _official, occurrence = open_occurrence_for_demo_official()
    return occurrence


# For register_first: each request with the next official's session cookie, from an offset given
# after "--" (so that no round or warm-up repeats an official); threads take turns.
ROTATE_SCRIPT = """
local cookies = {}
for line in io.lines("%(cookies)s") do cookies[#cookies + 1] = line end
local threads = 0
setup = function(thread) thread:set("tid", threads); threads = threads + 1 end
local count = 0
local offset = 0
init = function(args) offset = tonumber(args[1]) or 0 end
request = function()
  local i = offset + count * 2 + tid
  count = count + 1
  if i >= #cookies then error("more requests than officials: raise FIRST_LOAD_OFFICIALS") end
  return wrk.format(nil, nil, {["Cookie"] = "%(name)s=" .. cookies[i + 1]})
end
"""


def _wrk(url, seconds, connections, script, cookie=None, offset=None):
    cmd = ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{seconds}s", "--timeout=10s", "-s", script]
    if cookie:
        cmd += ["-H", f"Cookie: {settings.SESSION_COOKIE_NAME}={cookie}"]
    cmd.append(url)
    if offset is not None:
        cmd += ["--", str(offset)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, timeout=seconds + 60).stdout
    line = next(line for line in out.splitlines() if line.startswith("RESULT "))
    return {key: int(value) for key, value in re.findall(r"(\w+)=(\d+)", line)}


def _first_load_sessions(count):
    """`count` officials like the demo official (same profile, own account and email), each signed in
    with a session of their own written to the database (the server's cached_db reads it there on
    its first use); their session keys."""
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session

    from participants.self_service import participant_for_user

    user_model = get_user_model()
    model = user_model.objects.get(email="official@example.org")
    profile = participant_for_user(model)
    users = user_model.objects.bulk_create(
        [
            user_model(
                email=f"first-load-{n}@example.org",
                password=model.password,
                email_verified_at=model.email_verified_at,
                preferred_language=model.preferred_language,
            )
            for n in range(count)
        ],
        batch_size=1000,
    )
    participants = []
    for user in users:
        clone = copy.deepcopy(profile)
        clone.pk = None
        clone.user = user
        clone.email = user.email
        clone.search_key = clone.compute_search_key()
        participants.append(clone)
    type(profile).objects.bulk_create(participants, batch_size=1000)
    store = SessionStore()
    expires = timezone.now() + datetime.timedelta(hours=2)
    sessions = []
    for user in users:
        data = {
            "_auth_user_id": str(user.pk),
            "_auth_user_backend": "accounts.backends.CachedModelBackend",
            "_auth_user_hash": user.get_session_auth_hash(),
        }
        sessions.append(
            Session(session_key=store._get_new_session_key(), session_data=store.encode(data), expire_date=expires)
        )
    Session.objects.bulk_create(sessions, batch_size=1000)
    return [session.session_key for session in sessions]


def _check_page(url, cookie, expect):
    request = urllib.request.Request(
        url, headers={"Cookie": f"{settings.SESSION_COOKIE_NAME}={cookie}"} if cookie else {}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        body = response.read().decode()
    if expect not in body:
        raise SystemExit(f"{url} does not show {expect!r}: the benchmark would measure the wrong page")
    return len(body)


def run(seconds, rounds, connections, workers, pages=TARGETS):
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk)")
    static_root = tempfile.mkdtemp(prefix="bench_load_static_")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    env = server.server_env(static_root=static_root, cache_prefix=PREFIX)
    gunicorn = None
    script = Path(static_root) / "summary.lua"
    try:
        occurrence = _prepare_data()
        server.collectstatic(env)
        script.write_text(WRK_SCRIPT)
        port = server.free_port()
        gunicorn = server.start_gunicorn(env, port, workers)
        # The session must live where the server reads it (its cache, for cached_db): sign in there.
        cookie = server.login_over_http(port, "official@example.org", DEMO_PASSWORD)
        base = f"http://127.0.0.1:{port}"
        urls = {
            "bare": (f"{base}/bench/bare/", None, "ok"),
            "home": (f"{base}/", None, occurrence.title),
            "program": (f"{base}/programs/cjk-trilateral-workshop/", None, "CJK"),
            "occurrence": (f"{base}{occurrence.get_absolute_url()}", None, occurrence.title),
            "register": (f"{base}/occurrences/{occurrence.slug}/register/", cookie, 'id="registration-form"'),
            "register_first": (f"{base}/occurrences/{occurrence.slug}/register/", None, 'id="registration-form"'),
        }
        urls = {name: target for name, target in urls.items() if name in pages}
        scripts = {name: str(script) for name in urls}
        offset = 0  # the next official of register_first not yet used
        if "register_first" in urls:
            keys = _first_load_sessions(FIRST_LOAD_OFFICIALS)
            rotate = Path(static_root) / "rotate.lua"
            rotate.write_text(
                ROTATE_SCRIPT % {"cookies": Path(static_root) / "cookies.txt", "name": settings.SESSION_COOKIE_NAME}
                + WRK_SCRIPT
            )
            (Path(static_root) / "cookies.txt").write_text("\n".join(keys) + "\n")
            scripts["register_first"] = str(rotate)
            url, _ck, expect = urls["register_first"]
            sizes_first = _check_page(url, keys[-1], expect)
        sizes = {
            name: _check_page(url, ck, expect) for name, (url, ck, expect) in urls.items() if name != "register_first"
        }
        if "register_first" in urls:
            sizes["register_first"] = sizes_first
        for name, (url, ck, _expect) in urls.items():  # warm-up: templates, connections, caches
            if name == "register_first":
                continue  # every request would use up officials; the other pages warm the server
            _wrk(url, 1, min(connections, 10), scripts[name], ck)
        totals = {name: {"requests": 0, "duration_us": 0, "p95": [], "p50": [], "errors": 0} for name in urls}
        for _round in range(rounds):
            for name in urls:
                url, ck, _expect = urls[name]
                first = name == "register_first"
                result = _wrk(url, seconds, connections, scripts[name], ck, offset if first else None)
                if first:
                    # The threads take turns from the offset: skip past every official either could have used.
                    offset += 2 * (result["requests"] + connections) + 2
                total = totals[name]
                total["requests"] += result["requests"]
                total["duration_us"] += result["duration_us"]
                total["p95"].append(result["p95"])
                total["p50"].append(result["p50"])
                total["errors"] += sum(result[k] for k in ("non2xx", "connect", "read", "write", "timeout"))
        _report(totals, sizes, connections, workers, seconds * rounds)
    finally:
        if gunicorn is not None:
            server.stop(gunicorn)
        server.delete_cache_keys(PREFIX)
        connection.creation.destroy_test_db(old_name, verbosity=0)
        shutil.rmtree(static_root, ignore_errors=True)


def _report(totals, sizes, connections, workers, seconds):
    rows = {}
    for name, total in totals.items():
        rps = total["requests"] / (total["duration_us"] / 1e6)
        rows[name] = (rps, max(total["p95"]) / 1000, max(total["p50"]) / 1000, total["errors"])
    bare_rps, bare_p95 = rows["bare"][0], rows["bare"][1]
    load = os.getloadavg()
    print(
        f"gunicorn {workers} sync workers, wrk {connections} connections, {seconds} s per page in rounds; "
        f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}, {os.cpu_count()} CPUs"
    )
    print(f"{'page':<16}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'errors':>8}{'bytes':>9}{'ratio':>8}{'p95/bare':>10}")
    for name, (rps, p95, p50, errors) in rows.items():
        print(
            f"{name:<16}{rps:>9.1f}{p50:>9.1f}{p95:>9.1f}{errors:>8}{sizes[name]:>9}"
            f"{rps / bare_rps:>8.3f}{p95 / bare_p95:>10.2f}"
        )
    ratios = " ".join(f"{name}_ratio={rows[name][0] / bare_rps:.3f}" for name in TARGETS[1:] if name in rows)
    print(f"{ratios} errors={sum(row[3] for row in rows.values())}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=6, help="seconds per page and round")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--pages", default=",".join(TARGETS[1:]), help="pages to measure besides the bare view")
    args = parser.parse_args()
    pages = {"bare", *args.pages.split(",")}
    if pages - set(TARGETS):
        parser.error(f"unknown pages: {', '.join(sorted(pages - set(TARGETS)))} (known: {', '.join(TARGETS[1:])})")
    run(args.seconds, args.rounds, args.connections, args.workers, pages)
