"""The delegate list's language column sets the delegate's email language; a list that leaves it
empty gives the language of the delegate's country. The decision email reaches the delegate (who
has no account) in that language over real SMTP."""

import pytest
import tablib

from participants.models import Participant, Registration
from participants.services import registration_transition
from rosters.resources import IMPORT_HEADERS, DelegateListResource, delegate_list_template, dry_run_report

pytestmark = pytest.mark.integration

ROW = {"occurrence": "cjk-2026", "organization": "", "consent_date": "2026-04-30"}


def _import(user, rows):
    data = tablib.Dataset(headers=IMPORT_HEADERS)
    for row in rows:
        data.append([{**ROW, **row}.get(h, "") for h in IMPORT_HEADERS])
    return DelegateListResource().import_data(data, dry_run=False, user=user)


def test_template_has_a_language_column():
    assert "language" in IMPORT_HEADERS
    assert b",language," in delegate_list_template("csv").read()


def test_language_column_sets_the_email_language_and_the_decision_mail_uses_it(
    staff, occurrence, settings, smtp_server, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", smtp_server.port
    result = _import(
        staff,
        [
            {"email": "yamada@example.jp", "family_name": "Yamada", "given_name": "Taro", "family_name_native": "山田",
             "given_name_native": "太郎", "country": "JP", "language": "日本語"},
            {"email": "chen@example.tw", "family_name": "Chen", "given_name": "Yi-ting", "family_name_native": "陳",
             "given_name_native": "怡婷", "country": "TW", "language": ""},
            {"email": "smith@example.org", "family_name": "Smith", "given_name": "John", "country": "GB",
             "language": "ko"},
        ],
    )  # fmt: skip
    assert not result.has_validation_errors() and not result.has_errors()
    languages = dict(Participant.objects.values_list("email", "preferred_language"))
    assert languages == {"yamada@example.jp": "ja", "chen@example.tw": "zh-hant", "smith@example.org": "ko"}

    with django_capture_on_commit_callbacks(execute=True):
        for registration in Registration.objects.all():
            registration_transition(registration=registration, to_status="accepted", by=staff)

    [yamada] = smtp_server.received_by("yamada@example.jp")
    assert yamada["Content-Language"] == "ja"
    assert yamada.get_body(preferencelist=("plain",)).get_content().splitlines()[0] == "山田 太郎 様"
    [chen] = smtp_server.received_by("chen@example.tw")
    assert chen["Content-Language"] == "zh-hant"
    assert chen.get_body(preferencelist=("plain",)).get_content().splitlines()[0] == "陳怡婷 您好："
    [smith] = smtp_server.received_by("smith@example.org")
    assert smith.get_body(preferencelist=("plain",)).get_content().splitlines()[0] == "John Smith 님, 안녕하세요."


def test_unknown_language_is_refused_by_name_and_nothing_is_saved(staff, occurrence):
    data = tablib.Dataset(headers=IMPORT_HEADERS)
    row = {
        **ROW,
        "email": "x@example.org",
        "family_name": "X",
        "given_name": "Y",
        "country": "KR",
        "language": "Klingon",
    }
    data.append([row.get(h, "") for h in IMPORT_HEADERS])
    result = DelegateListResource().import_data(data, dry_run=True, user=staff)
    [(number, action, reasons)] = dry_run_report(result)
    assert action == "refused"
    assert reasons == ["Unknown language “Klingon”; write one of ko, en, zh-hans, zh-hant, ja."]
    assert not Participant.objects.exists()
