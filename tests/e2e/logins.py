"""Signing in as the demo's people do it in Chromium: the public login page or the admin's."""

from demo.samples import DEMO_PASSWORD


def log_in(page, url, email, password=DEMO_PASSWORD, *, stay=False):
    """Sign in on the public site. With `stay`, a browser already sent to the login page keeps it,
    so its `?next=` takes the person back where they were going."""
    if not (stay and "/accounts/login/" in page.url):
        page.goto(f"{url}/accounts/login/")
    page.fill("#id_username", email)
    page.fill("#id_password", password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_selector("#nav-user-email")


def log_in_admin(page, url, email, password=DEMO_PASSWORD):
    """Sign in on the admin's own login page (staff roles)."""
    page.goto(f"{url}/admin/login/")
    page.fill("#id_username", email)
    page.fill("#id_password", password)
    page.locator("#login-form [type=submit]").click()
    page.wait_for_selector("#user-tools")
