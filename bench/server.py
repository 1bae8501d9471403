"""What the HTTP benchmarks (bench/load.py, bench/registration_storm.py) share: gunicorn with the
production settings of bench/settings_load.py on the benchmark's own database, on a free port of
127.0.0.1, its private cache prefix in the local Redis, and signing a person in through the real
login form. Import after django.setup() with DJANGO_SETTINGS_MODULE=bench.settings_bench."""

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[1]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(*, static_root, cache_prefix, **extra):
    """The environment of the benchmark's gunicorn (and of its collectstatic): production settings,
    DEBUG=0, the database Django is connected to now (the throwaway test database)."""
    db = settings.DATABASES["default"]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings_load",
        "DEBUG": "0",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "STATIC_ROOT": str(static_root),
        "BENCH_CACHE_PREFIX": cache_prefix,
        "LOG_LEVEL": "WARNING",
        **extra,
    }
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


def collectstatic(env):
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)


def start_gunicorn(env, port, workers):
    """gunicorn (sync workers) answering on 127.0.0.1:port, or SystemExit after BENCH_START_SECONDS (60 s;
    more on a busy machine, where three workers importing Django can take longer)."""
    proc = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "exchange_portal.wsgi",
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            "--worker-class=sync",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
    )
    start_seconds = int(os.environ.get("BENCH_START_SECONDS", "60"))
    deadline = time.monotonic() + start_seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/bench/bare/", timeout=2).read()
            return proc
        except OSError:
            if proc.poll() is not None:
                raise SystemExit("gunicorn exited during start-up") from None
            time.sleep(0.3)
    proc.terminate()
    raise SystemExit(f"gunicorn did not answer within {start_seconds} s (BENCH_START_SECONDS)")


def stop(proc):
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def csrf_token(page):
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if match is None:
        raise SystemExit("no CSRF token on the page")
    return match.group(1)


def login_over_http(port, email, password):
    """Sign a person in through the real login form, as a browser would; their session cookie."""
    import http.cookiejar

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login = f"http://127.0.0.1:{port}/accounts/login/"
    token = csrf_token(opener.open(login, timeout=30).read().decode())
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": email, "password": password}).encode()
    opener.open(urllib.request.Request(login, data=data, headers={"Referer": login}), timeout=30).read()
    cookies = {c.name: c.value for c in jar}
    if settings.SESSION_COOKIE_NAME not in cookies:
        raise SystemExit(f"could not sign {email} in")
    return cookies[settings.SESSION_COOKIE_NAME]


def delete_cache_keys(prefix):
    """Remove the run's keys (cache, sessions) from the local Redis."""
    import redis

    url = os.environ.get("REDIS_URL") or getattr(settings, "REDIS_URL", "")
    if not url:
        return
    client = redis.Redis.from_url(url)
    for key in client.scan_iter(match=f"*{prefix}*", count=1000):
        client.delete(key)
