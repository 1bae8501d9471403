"""Benchmark: public pages and the registration form under load, against a bare Django view.

Everything is private to the run: a throwaway PostgreSQL database with the demo loaded (then
dropped), static files collected into a temporary STATIC_ROOT, cache keys under a prefix of their
own in the local Redis (deleted afterwards), and gunicorn (3 sync workers, DEBUG=0, production
settings: bench/settings_load.py) on a free port of 127.0.0.1. wrk (50 connections) measures, in
interleaved rounds: the bare view (the ceiling), the home page, the CJK workshop's program page,
an occurrence page and the registration form of a signed-in demo official (its session cookie is
passed to wrk).

    .venv/bin/python bench/load.py [--seconds 6] [--rounds 2] [--connections 50] [--pages register]

`--pages` measures only the pages named (comma-separated), always with the bare view.

Targets: home, program and occurrence at least 0.5 of the bare view's requests per second with a
p95 under 4x the bare view's; the registration form at least 0.25; no errors.
The last line reads: home_ratio=… program_ratio=… occurrence_ratio=… register_ratio=… errors=N
"""

import argparse
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

from bench import server  # noqa: E402
from demo.samples import DEMO_PASSWORD  # noqa: E402

TARGETS = ("bare", "home", "program", "occurrence", "register")
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


def _wrk(url, seconds, connections, script, cookie=None):
    cmd = ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{seconds}s", "--timeout=10s", "-s", script]
    if cookie:
        cmd += ["-H", f"Cookie: {settings.SESSION_COOKIE_NAME}={cookie}"]
    out = subprocess.run([*cmd, url], capture_output=True, text=True, check=True, timeout=seconds + 60).stdout
    line = next(line for line in out.splitlines() if line.startswith("RESULT "))
    return {key: int(value) for key, value in re.findall(r"(\w+)=(\d+)", line)}


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
        }
        urls = {name: target for name, target in urls.items() if name in pages}
        sizes = {name: _check_page(url, ck, expect) for name, (url, ck, expect) in urls.items()}
        for url, ck, _expect in urls.values():  # warm-up: templates, connections, caches
            _wrk(url, 1, min(connections, 10), str(script), ck)
        totals = {name: {"requests": 0, "duration_us": 0, "p95": [], "p50": [], "errors": 0} for name in urls}
        for _round in range(rounds):
            for name in urls:
                url, ck, _expect = urls[name]
                result = _wrk(url, seconds, connections, str(script), ck)
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
    print(f"{'page':<12}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'errors':>8}{'bytes':>9}{'ratio':>8}{'p95/bare':>10}")
    for name, (rps, p95, p50, errors) in rows.items():
        print(
            f"{name:<12}{rps:>9.1f}{p50:>9.1f}{p95:>9.1f}{errors:>8}{sizes[name]:>9}"
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
