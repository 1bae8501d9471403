"""Screenshots of the main pages in each language at 1280 and 390 px, for a person to read.

    .venv/bin/python bench/screenshots.py [--languages ko,en] [--widths 1280,390] [--out var/screenshots]
        [--pages bureau,bureau-request,...] [--services]

Serves the demo (a fresh SQLite database under var/, migrated and loaded, runserver on a free
port), opens each page in Chromium (the public pages anonymously, the official's pages as
official@example.org), and saves a full-page PNG per
language, width and page: OUT/<language>/<width>/<page>.png. Also prints each page that is wider
than the screen. With --services it also shoots the service pages as the demo users who see them
(the Online Bureau's requester, a delegation's focal point, the official's own forms), some
reached by clicking through, as a person would. With --community it also shoots the community
pages (after the event, alumni, meetings, check-in, judging, verification, exhibitions), each read
by its own demo account: bench/screenshot_community.py makes their data in the server's database
and names them. --pages shoots only the pages named. Not committed; `make screenshots` runs it."""

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "exchange-portal-demo"
PUBLIC = {
    "home": "/",
    "program": "/programs/cjk-trilateral-workshop/",
    "occurrence": "/occurrences/sample-cjk-workshop/",
    "record": "/record/",
    "statistics": "/record/programs/cjk-trilateral-workshop/statistics/",
    "sign-up": "/accounts/signup/",
    "log-in": "/accounts/login/",
    "password-reset": "/accounts/password/reset/",
    "verification": "/verify/no-such-token/",
    "about": "/about/",
    "contact": "/contact/",
    "privacy": "/privacy/",
    "accessibility": "/accessibility/",
}
# (The 404 page is not shot: under DEBUG, which runserver needs for static files, Django shows
# its technical page instead; tests/e2e/test_accessibility.py checks the real one.)
OFFICIAL = {
    "registration": "/occurrences/sample-k2h-cohort/register/",
    "my-registrations": "/registrations/",
    "profile": "/profile/",
    "bureau": "/bureau/",
}

# Pages reached as another demo user, or only by clicking through: a page is a path, or a list of
# steps (a path to open, a CSS selector to click, or a (selector, text) to type, where {run} becomes
# a number of its own per shot) after which it is shot. The steps change the demo database (an
# application sent, officials nominated), so later shots find the state earlier ones left.
SERVICES = {
    "requester@example.org": {
        "bureau-requests": "/bureau/",
        "bureau-request": "/bureau/OB-SAMPLE-005/",
        "bureau-new": "/bureau/new/",
        "applications": "/applications/",
        "occurrence-call": ["/applications/", "#open-calls .c-tit a >> nth=0"],
        "application-form": ["/applications/", ".open-call-apply >> nth=0"],
        "application": [
            "/applications/",
            ".open-call-apply[href*=glocalization-lecturing]",
            ("#id_contact_name", "Lee Seoyeon"),
            ("#id_needs", "International protocol for our festival staff ({run})"),
            ("#id_attendees", "40"),
            "#application-form button[type=submit]",
        ],
        "application-detail": ["/applications/", "#application-list a >> nth=0"],
        "application-withdraw": ["/applications/", "#application-list a >> nth=0", "#application-withdraw"],
        "contact": "/contact/",
        "record-partnerships": "/record/partnerships/",
        "record-partnership": "/record/partnerships/taipei-gyeonggi-exchange-mou-2017/",
    },
    "focal.china@example.org": {
        "delegation": [
            "/delegations/",
            ".allocation-link",
            ("#id_one-family_name", "WANG"),
            ("#id_one-given_name", "Lei"),
            ("#id_one-email", "wang.lei.{run}@example.org"),
            "#nominate-form button[type=submit]",
        ],
        "delegation-substitute": ["/delegations/", ".allocation-link", ".substitute-link >> nth=0"],
    },
    "official@example.org": {
        "travel-details": ["/occurrences/sample-cjk-workshop/", "#register-box a", "#followup-box a"],
    },
}
RUNS = []
# The browser's own locale too (date and time fields draw their placeholders in it).
BROWSER_LOCALES = {"ko": "ko-KR", "en": "en-GB", "zh-hans": "zh-CN", "zh-hant": "zh-TW", "ja": "ja-JP"}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(tmp):
    env = dict(os.environ)
    for name in ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "EMAIL_URL"):
        env.pop(name, None)
    port = free_port()
    env.update(
        DATABASE_URL=f"sqlite:///{tmp}/screenshots.sqlite3",
        DEBUG="1",
        SITE_URL=f"http://127.0.0.1:{port}",
        DJANGO_SETTINGS_MODULE="exchange_portal.settings",
    )
    python = str(ROOT / ".venv" / "bin" / "python")
    for command in (["migrate", "-v0"], ["load_demo"]):
        done = subprocess.run([python, "manage.py", *command], cwd=ROOT, env=env, capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"manage.py {' '.join(command)} failed:\n{done.stderr[-3000:]}")
    server = subprocess.Popen(
        [python, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(url + "/about/", timeout=2)
            return server, url, env
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise SystemExit("the server did not start")


def log_in(page, url, email, admin=False):
    page.goto(url + ("/admin/login/" if admin else "/accounts/login/"))
    page.fill("#id_username", email)
    page.fill("#id_password", PASSWORD)
    page.locator("#login-form [type=submit]" if admin else "main form button[type=submit]").click()
    page.wait_for_load_state("networkidle")


def community_pages(env):
    """{account or None: {page: path}} from bench/screenshot_community.py, run in the server's database."""
    python = str(ROOT / ".venv" / "bin" / "python")
    code = "from bench.screenshot_community import prepare; prepare()"
    done = subprocess.run([python, "manage.py", "shell", "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"bench/screenshot_community.py failed:\n{done.stderr[-3000:]}")
    readers = {}
    for name, (account, path) in json.loads(done.stdout.strip().splitlines()[-1]).items():
        readers.setdefault(account, {})[name] = path
    return readers


def shoot(context, url, pages, language, width, out, wide):
    page = context.new_page()
    context.add_cookies([{"name": "django_language", "value": language, "url": url}])
    for name, path in pages.items():
        for step in [path] if isinstance(path, str) else path:
            if isinstance(step, tuple):
                RUNS.append(1)
                page.fill(step[0], step[1].replace("{run}", str(len(RUNS))))
                continue
            if step.startswith("/"):
                page.goto(url + step)
            else:
                page.locator(step).first.click()
            page.wait_for_load_state("networkidle")
        target = out / language / str(width) / f"{name}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(target), full_page=True)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            wide.append(f"{language} {width}px {name}: {scroll_width} px wide")
    page.close()
    return len(pages)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--languages", default="ko,en,zh-hans,zh-hant,ja")
    parser.add_argument("--widths", default="1280,390")
    parser.add_argument("--out", default=str(ROOT / "var" / "screenshots"))
    parser.add_argument("--pages", default="", help="only these pages (names, comma-separated)")
    parser.add_argument("--services", action="store_true", help="also the service pages (SERVICES)")
    parser.add_argument("--community", action="store_true", help="also the community pages")
    args = parser.parse_args()
    only = {name for name in args.pages.split(",") if name}

    def chosen(pages):
        return {name: path for name, path in pages.items() if not only or name in only}

    groups = [(None, chosen(PUBLIC)), ("official@example.org", chosen(OFFICIAL))]
    if args.services:
        groups += [(email, chosen(pages)) for email, pages in SERVICES.items()]
    from playwright.sync_api import sync_playwright

    out = Path(args.out)
    started = time.monotonic()
    count, wide = 0, []
    with tempfile.TemporaryDirectory() as tmp:
        server, url, env = serve(tmp)
        try:
            if args.community:
                groups += [(account, chosen(pages)) for account, pages in community_pages(env).items()]
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
                for width in (int(w) for w in args.widths.split(",")):
                    viewport = {"width": width, "height": 900}
                    for language in args.languages.split(","):
                        for account, pages in groups:
                            if not pages:
                                continue
                            context = browser.new_context(
                                viewport=viewport, locale=BROWSER_LOCALES.get(language, language)
                            )
                            if account:
                                email = account.removeprefix("admin:")
                                log_in(context.new_page(), url, email, admin=account.startswith("admin:"))
                            count += shoot(context, url, pages, language, width, out, wide)
                            context.close()
                browser.close()
        finally:
            server.terminate()
            server.wait()
    print("\n".join(wide) if wide else "no page is wider than its screen")
    print(f"screenshots={count} seconds={time.monotonic() - started:.1f} out={out}")
    return 1 if wide else 0


if __name__ == "__main__":
    sys.exit(main())
