"""Browser tests: Playwright's sync API driving Debian's Chromium against pytest-django's live server."""

import uuid

import pytest
from django.db import connections

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def page(live_server, settings, monkeypatch):
    """A fresh Chromium per test, so Playwright's event loop never outlives the test that needed it."""
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django's ORM would otherwise refuse
    # to run here (its async-safety check), although every query is ordinary synchronous code.
    # Set for the e2e tests only: it must not leak into other tests (check --deploy warns about it).
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    # Links in emails must point at the live server the browser talks to.
    settings.SITE_URL = live_server.url
    settings.CACHES = {
        **settings.CACHES,
        "throttle": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": f"e2e-{uuid.uuid4()}"},
    }
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(locale="en-US")
        context.set_default_timeout(15_000)
        yield context.new_page()
        context.close()
        browser.close()
        # While Playwright's loop runs, asgiref keys Django's connections by context, not by
        # thread: close the test's own connection here, or it outlives the test database.
        connections.close_all()


@pytest.fixture
def smtp_delivery(settings, smtp_server):
    """Django sends its mail to the test's real SMTP server (`smtp_server`), as in production."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", smtp_server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    return smtp_server
