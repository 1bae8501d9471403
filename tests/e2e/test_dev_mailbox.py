"""A newcomer on `make run` signs up in the browser and finds the verification email in the
development mailbox at /dev/mail/, reads it in the language they signed up in, and its link works;
on a phone as on a desktop."""

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "plum-harbour-lantern-42"
SUBJECT_WORD = {"en": "Confirm", "ko": "확인"}


@pytest.fixture
def dev_mailbox(settings, tmp_path):
    settings.DEBUG = True
    settings.EMAIL_BACKEND = "devmail.backend.MailboxBackend"
    settings.DEV_MAIL_DIR = tmp_path / "mail"
    return settings.DEV_MAIL_DIR


@pytest.mark.parametrize(("language", "width"), [("en", 1280), ("ko", 390)])
def test_the_verification_email_is_read_and_followed_from_the_dev_mailbox(
    page, live_server, dev_mailbox, language, width
):
    url = live_server.url
    email = f"newcomer-{language}@example.org"
    page.set_viewport_size({"width": width, "height": 844})
    page.context.add_cookies([{"name": "django_language", "value": language, "url": url}])
    page.goto(f"{url}/accounts/signup/")
    page.fill("#id_email", email)
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.locator("form[method=post] button[type=submit]").last.click()
    page.wait_for_selector("#signup-done")

    page.goto(f"{url}/dev/mail/")
    subject = page.locator("table a").first
    assert SUBJECT_WORD[language] in subject.inner_text()  # decoded, in the language signed up in
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # readable on a phone
    subject.click()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    link = page.locator("a[href*='/accounts/verify/']").first
    assert link.count() == 1
    link.click()
    page.wait_for_load_state()
    from accounts.models import User

    assert User.objects.get(email=email).email_verified_at is not None
