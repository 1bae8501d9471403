import datetime
import io

import openpyxl
import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from participants.models import Participant, Registration, RegistrationStatusChange
from rosters.resources import IMPORT_HEADERS, DelegateListResource, dry_run_report
from tests.factories import OccurrenceFactory

pytestmark = pytest.mark.integration

GOOD = {
    "email": "minsu.kim@gg.example.org",
    "family_name": "Kim",
    "given_name": "Minsu",
    "family_name_native": "김",
    "given_name_native": "민수",
    "country": "KR",
    "organization": "GG",
    "department": "International Cooperation",
    "position": "Deputy Director",
    "admin_level": "5",
    "phone": "",
    "language": "",
    "occurrence": "cjk-2026",
    "consent_date": "2026-04-30",
}


def dataset(*rows):
    data = tablib.Dataset(headers=IMPORT_HEADERS)
    for row in rows:
        data.append([row.get(h, "") for h in IMPORT_HEADERS])
    return data


def run(user, data, dry_run):
    return DelegateListResource().import_data(data, dry_run=dry_run, user=user)


def test_dry_run_reports_every_refusal_kind_and_writes_nothing(staff, occurrence, other_staff):
    foreign = OccurrenceFactory(slug="taipei-2026")  # exists, but not hosted by the staff member's organization
    data = dataset(
        GOOD,
        {
            **GOOD,
            "email": "li.wei@example.cn",
            "family_name": "Li",
            "given_name": "Wei",
            "country": "China",
            "organization": "",
        },
        {**GOOD, "email": "not-an-email"},
        {**GOOD, "email": "a@example.org", "country": "Atlantis"},
        {**GOOD, "email": "b@example.org", "organization": "Ministry of Magic"},
        {**GOOD, "email": "c@example.org", "occurrence": "no-such-occurrence"},
        {**GOOD, "email": "d@example.org", "occurrence": foreign.slug},
        {**GOOD},
        {**GOOD, "email": "e@example.org", "family_name": ""},
        {**GOOD, "email": "f@example.org", "consent_date": "30th of April"},
    )
    result = run(staff, data, dry_run=True)
    assert dry_run_report(result) == [
        (1, "new", []),
        (2, "new", []),
        (3, "refused", ["“not-an-email” is not a valid email address."]),
        (4, "refused", ["Unknown country “Atlantis”."]),
        (5, "refused", ["Unknown organization “Ministry of Magic”."]),
        (6, "refused", ["Unknown occurrence “no-such-occurrence”."]),
        (7, "refused", ["Unknown occurrence “taipei-2026”."]),
        (8, "refused", ["Duplicate of row 1 (same email and occurrence)."]),
        (9, "refused", ["This required field is empty."]),
        (10, "refused", ["“30th of April” is not a date; write it as YYYY-MM-DD."]),
    ]
    assert Registration.objects.count() == 0
    assert Participant.objects.count() == 0


def test_confirmed_import_with_one_refused_row_saves_nothing(staff, occurrence):
    result = run(staff, dataset(GOOD, {**GOOD, "email": "x@example.org", "country": "Atlantis"}), dry_run=False)
    assert result.has_validation_errors()
    assert Registration.objects.count() == 0
    assert Participant.objects.count() == 0


def test_confirmed_import_creates_submitted_registrations_with_history(staff, occurrence, host):
    result = run(
        staff,
        dataset(
            GOOD,
            {
                **GOOD,
                "email": "Wei.Li@Example.CN",
                "family_name": "Li",
                "given_name": "Wei",
                "family_name_native": "李",
                "given_name_native": "伟",
                "country": "CN",
                "organization": "",
                "admin_level": "",
                "consent_date": "",
            },
        ),
        dry_run=False,
    )
    assert [r[1] for r in dry_run_report(result)] == ["new", "new"]
    kim = Registration.objects.select_related("participant").get(participant__email="minsu.kim@gg.example.org")
    assert (kim.status, kim.country, kim.occurrence) == ("submitted", "KR", occurrence)
    assert timezone.localtime(kim.consent_given_at).date() == datetime.date(2026, 4, 30)
    p = kim.participant
    assert (p.family_name_native, p.given_name_native, p.organization, p.admin_level, p.position) == (
        "김",
        "민수",
        host,
        5,
        "Deputy Director",
    )
    li = Registration.objects.get(participant__email="wei.li@example.cn")
    assert (li.participant.family_name_native, li.participant.given_name_native, li.country) == ("李", "伟", "CN")
    change = RegistrationStatusChange.objects.get(registration=kim)
    assert (change.from_status, change.to_status, change.changed_by, change.note) == (
        "",
        "submitted",
        staff,
        "Imported by staff@gg.example.org",
    )


def test_reimport_updates_instead_of_duplicating(staff, occurrence):
    run(staff, dataset(GOOD), dry_run=False)
    result = run(staff, dataset({**GOOD, "position": "Director", "email": "MINSU.KIM@gg.example.org"}), dry_run=False)
    assert dry_run_report(result) == [(1, "update", [])]
    assert Registration.objects.count() == 1
    assert Participant.objects.get().position == "Director"
    assert RegistrationStatusChange.objects.count() == 1


def test_import_never_changes_an_accepted_status(staff, occurrence):
    run(staff, dataset(GOOD), dry_run=False)
    Registration.objects.update(status=Registration.Status.ACCEPTED)
    run(staff, dataset(GOOD), dry_run=False)
    assert Registration.objects.get().status == "accepted"


def xlsx_bytes(rows):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def upload(client, name, content, fmt):
    # Format indexes follow RegistrationAdmin.formats: 0 XLSX, 1 CSV.
    return client.post(
        reverse("admin:participants_registration_import"),
        {"import_file": SimpleUploadedFile(name, content), "format": {"xlsx": "0", "csv": "1"}[fmt], "resource": "0"},
    )


@pytest.mark.parametrize(
    ("name", "content", "fmt", "message"),
    [
        ("list.xlsx", b"this is not a spreadsheet", "xlsx", "This file cannot be read as xlsx."),
        ("list.csv", b"", "csv", "The submitted file is empty."),
        ("list.csv", b"x" * (50 * 1024 * 1024), "csv", "The file is 50.0 MB; delegate lists may be at most 5.0 MB."),
        (
            "list.csv",
            b"name,mail\nKim,k@example.org\n",
            "csv",
            "The columns are not those of the delegate-list template (missing: email, family_name, given_name, country, occurrence; unknown: name, mail).",
        ),
        (
            "list.csv",
            (",".join(IMPORT_HEADERS) + "\n").encode(),
            "csv",
            "The file has the template&#x27;s columns but no delegates.",
        ),
    ],
)
def test_malformed_files_get_a_clear_message(admin_client, occurrence, name, content, fmt, message):
    response = upload(admin_client, name, content, fmt)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Registration.objects.count() == 0


def test_admin_preview_then_confirm_imports_an_xlsx_with_cjk(admin_client, admin_user, occurrence):
    content = xlsx_bytes([IMPORT_HEADERS, [GOOD[h] for h in IMPORT_HEADERS[:-1]] + [datetime.datetime(2026, 4, 30)]])
    preview = upload(admin_client, "list.xlsx", content, "xlsx")
    assert preview.status_code == 200
    assert Registration.objects.count() == 0
    confirm = preview.context["confirm_form"]
    response = admin_client.post(
        reverse("admin:participants_registration_process_import"),
        {name: confirm[name].value() for name in confirm.fields},
    )
    assert response.status_code == 302
    registration = Registration.objects.select_related("participant").get()
    assert (registration.participant.family_name_native, registration.participant.given_name_native) == ("김", "민수")
    assert timezone.localtime(registration.consent_given_at).date() == datetime.date(2026, 4, 30)


def test_admin_preview_lists_each_row_with_its_reason(admin_client, occurrence):
    content = (
        ",".join(IMPORT_HEADERS)
        + "\n"
        + ",".join(GOOD[h] for h in IMPORT_HEADERS)
        + "\n"
        + ",".join({**GOOD, "email": "z@example.org", "country": "Atlantis"}[h] for h in IMPORT_HEADERS)
        + "\n"
    )
    response = upload(admin_client, "list.csv", content.encode("utf-8-sig"), "csv")
    page = response.content.decode()
    assert "will be created" in page
    assert "Unknown country “Atlantis”." in page
    assert "confirm_form" not in response.context or response.context["confirm_form"] is None
    assert Registration.objects.count() == 0


def test_import_template_downloads_with_the_expected_headers(admin_client):
    response = admin_client.get(reverse("rosters:import_template", args=["xlsx"]))
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert [c.value for c in sheet[1]] == IMPORT_HEADERS


def test_import_does_not_overwrite_the_profile_of_an_official_with_an_account(staff, occurrence):
    from tests.factories import ParticipantFactory, UserFactory

    official = ParticipantFactory(email=GOOD["email"], user=UserFactory(), position="Director General", department="")
    run(staff, dataset({**GOOD, "position": "Clerk", "department": "Protocol"}), dry_run=False)
    official.refresh_from_db()
    assert (official.position, official.department) == ("Director General", "Protocol")
    assert Registration.objects.get().participant == official


def test_dry_run_refuses_too_long_cells_and_odd_digits_with_a_clear_reason(staff, occurrence):
    data = dataset(
        {**GOOD, "family_name": "K" * 101},
        {**GOOD, "email": "x@example.org", "phone": "1" * 41},
        {**GOOD, "email": "y@example.org", "admin_level": "²"},
    )
    result = run(staff, data, dry_run=True)
    assert dry_run_report(result) == [
        (1, "refused", ["At most 100 characters (this one has 101)."]),
        (2, "refused", ["At most 40 characters (this one has 41)."]),
        (3, "refused", ["The administrative level must be a number from 1 to 9."]),
    ]
    assert Participant.objects.count() == 0


# --- the import goes through participants.services.registration_import ---------------------------------------


def take_seats(occurrence, *countries):
    """Seat holders counted by the seat counters: registrations accepted on the registration page's path."""
    from participants.services import registration_submit
    from tests.factories import ParticipantFactory

    for country in countries:
        registration = registration_submit(
            participant=ParticipantFactory(country=country), occurrence=occurrence, consent=True
        )
        assert registration.status == Registration.Status.ACCEPTED


def preview_and_confirm(staff, data):
    preview = dry_run_report(run(staff, data, dry_run=True))
    assert Registration.objects.filter(status_changes__changed_by=staff).count() == 0
    confirm = dry_run_report(run(staff, data, dry_run=False))
    return preview, confirm


def test_an_ineligible_country_is_refused_in_the_preview_and_at_the_confirm_with_the_same_message(staff, occurrence):
    occurrence.program.eligible_countries = ["KR", "JP", "CN"]
    occurrence.program.excluded_countries = ["CN"]
    occurrence.program.save()
    data = dataset(
        GOOD,
        {**GOOD, "email": "li.wei@example.cn", "country": "CN", "organization": ""},
        {**GOOD, "email": "nguyen@example.vn", "country": "VN", "organization": ""},
    )
    preview, confirm = preview_and_confirm(staff, data)
    assert preview == [
        (1, "new", []),
        (2, "refused", ["This program is not open to officials from China."]),
        (3, "refused", ["This program is open to officials from South Korea, Japan, China only."]),
    ]
    assert confirm == preview
    assert Registration.objects.count() == 0
    assert Participant.objects.count() == 0  # nothing half-saved: not even the refused rows' profiles


def test_a_full_country_quota_is_refused_in_the_preview_and_at_the_confirm_with_the_same_message(staff, occurrence):
    from tests.factories import CountryQuotaFactory

    CountryQuotaFactory(occurrence=occurrence, country="KR", seats=2)
    take_seats(occurrence, "KR", "KR")
    data = dataset(GOOD, {**GOOD, "email": "sato@example.jp", "country": "JP", "organization": ""})
    preview, confirm = preview_and_confirm(staff, data)
    assert preview == [(1, "refused", ["The 2 seats for South Korea are taken."]), (2, "new", [])]
    assert confirm == preview
    assert Registration.objects.count() == 2
    assert not Participant.objects.filter(email__in=[GOOD["email"], "sato@example.jp"]).exists()


def test_a_full_occurrence_is_refused_like_a_full_quota(staff, occurrence):
    occurrence.capacity = 1
    occurrence.save()
    take_seats(occurrence, "JP")
    preview, confirm = preview_and_confirm(staff, dataset(GOOD))
    assert preview == confirm == [(1, "refused", ["All 1 seats of CJK Workshop 2026 are taken."])]
    assert Registration.objects.count() == 1


def test_the_confirm_refuses_a_row_whose_seat_was_taken_after_the_preview_and_saves_nothing(staff, occurrence):
    from tests.factories import CountryQuotaFactory

    CountryQuotaFactory(occurrence=occurrence, country="KR", seats=1)
    data = dataset({**GOOD, "email": "sato@example.jp", "country": "JP", "organization": ""}, GOOD)
    assert dry_run_report(run(staff, data, dry_run=True)) == [(1, "new", []), (2, "new", [])]
    take_seats(occurrence, "KR")
    result = run(staff, data, dry_run=False)
    assert dry_run_report(result) == [(1, "new", []), (2, "refused", ["The 1 seats for South Korea are taken."])]
    assert result.has_validation_errors()
    assert Registration.objects.count() == 1
    assert not Participant.objects.filter(email__in=[GOOD["email"], "sato@example.jp"]).exists()


def test_admin_confirm_after_the_last_seat_went_imports_nothing_and_says_so(admin_client, occurrence):
    from tests.factories import CountryQuotaFactory

    CountryQuotaFactory(occurrence=occurrence, country="KR", seats=1)
    content = (",".join(IMPORT_HEADERS) + "\n" + ",".join(GOOD[h] for h in IMPORT_HEADERS) + "\n").encode()
    preview = upload(admin_client, "list.csv", content, "csv")
    confirm = preview.context["confirm_form"]
    assert confirm is not None  # the preview found nothing to refuse
    take_seats(occurrence, "KR")
    response = admin_client.post(
        reverse("admin:participants_registration_process_import"),
        {name: confirm[name].value() for name in confirm.fields},
        follow=True,
    )
    assert response.status_code == 200
    assert "Nothing was imported: the file changed or some rows are refused now." in response.content.decode()
    assert not Registration.objects.filter(participant__email=GOOD["email"]).exists()


def test_the_preview_shows_a_rule_refusal_like_a_column_refusal(admin_client, occurrence):
    occurrence.program.excluded_countries = ["KR"]
    occurrence.program.save()
    content = (",".join(IMPORT_HEADERS) + "\n" + ",".join(GOOD[h] for h in IMPORT_HEADERS) + "\n").encode()
    response = upload(admin_client, "list.csv", content, "csv")
    assert response.status_code == 200
    assert "This program is not open to officials from South Korea." in response.content.decode()
    assert response.context.get("confirm_form") is None
    assert Participant.objects.count() == 0


def test_an_imported_registration_has_the_status_history_of_a_form_registration(staff, occurrence):
    from participants.services import registration_submit, registration_transition
    from tests.factories import ParticipantFactory, UserFactory

    occurrence.admission = occurrence.Admission.REVIEW
    occurrence.capacity = 5
    occurrence.save()
    official = UserFactory()
    by_form = registration_submit(
        participant=ParticipantFactory(user=official), occurrence=occurrence, consent=True, by=official
    )
    run(staff, dataset(GOOD), dry_run=False)
    imported = Registration.objects.get(participant__email=GOOD["email"])

    def history(registration):
        return list(registration.status_changes.values_list("from_status", "to_status"))

    assert history(imported) == history(by_form) == [("", "submitted")]
    assert imported.status_changes.get().changed_by == staff
    assert imported.history.count() == by_form.history.count() == 1
    # And staff review gives it a seat, counted like any other.
    registration_transition(registration=imported, to_status="accepted", by=staff)
    occurrence.refresh_from_db()
    assert occurrence.seats_taken == 1
    assert history(imported) == [("", "submitted"), ("submitted", "accepted")]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"is_cancelled": True}, "This occurrence has been cancelled."),
        (
            {"top_admin_level": 6},
            "This program is open to officials of administrative level 6 and below; this delegate is level 5.",
        ),
    ],
)
def test_other_program_rules_refuse_a_delegate_with_the_registration_page_message(staff, occurrence, fields, message):
    if "is_cancelled" in fields:
        occurrence.is_cancelled = True
        occurrence.save()
    else:
        occurrence.program.top_admin_level = fields["top_admin_level"]
        occurrence.program.save()
    preview, confirm = preview_and_confirm(staff, dataset(GOOD))
    assert preview == confirm == [(1, "refused", [message])]
    assert Participant.objects.count() == 0


def test_staff_import_delegates_outside_the_registration_window_and_without_a_level(staff, occurrence):
    occurrence.registration_opens_at = timezone.now() - datetime.timedelta(days=30)
    occurrence.registration_closes_at = timezone.now() - datetime.timedelta(days=1)
    occurrence.save()
    occurrence.program.top_admin_level = 5
    occurrence.program.save()
    result = run(staff, dataset({**GOOD, "admin_level": ""}), dry_run=False)
    assert dry_run_report(result) == [(1, "new", [])]
    assert Registration.objects.get().status == "submitted"


def test_one_list_may_name_several_occurrences(staff, occurrence, host):
    second = OccurrenceFactory(slug="cjk-2027")
    second.hosts.add(host)
    result = run(staff, dataset(GOOD, {**GOOD, "occurrence": "cjk-2027"}), dry_run=False)
    assert dry_run_report(result) == [(1, "new", []), (2, "new", [])]
    assert set(Registration.objects.values_list("occurrence__slug", flat=True)) == {"cjk-2026", "cjk-2027"}
    assert Participant.objects.count() == 1
