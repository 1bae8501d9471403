import datetime
import io

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from rosters.models import ColumnSet, ExportJob
from rosters.renderers import neutralise
from rosters.services import roster_export

pytestmark = pytest.mark.integration


def post_export(client, occurrence, **data):
    return client.post(reverse("rosters:export_occurrence", args=[occurrence.pk]), {"format": "xlsx", **data})


def read_xlsx(content):
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    sheet = workbook.active
    return sheet, [list(row) for row in sheet.iter_rows(values_only=True)]


def default_columns(client, occurrence):
    response = client.get(reverse("rosters:export_occurrence", args=[occurrence.pk]))
    return response.context["form"].fields["columns"].initial


def test_xlsx_export_round_trips_values_cjk_and_dates(client, staff, occurrence, roster):
    client.force_login(staff)
    columns = default_columns(client, occurrence) + ["answer:diet", "answer:arrival"]
    response = post_export(client, occurrence, columns=columns)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="roster-')
    sheet, rows = read_xlsx(b"".join(response.streaming_content))
    kim, li, sato = roster
    assert rows[0] == [
        "Registration no.",
        "Family name (romanized)",
        "Given name (romanized)",
        "Family name (native script)",
        "Given name (native script)",
        "Country",
        "Organization",
        "Department",
        "Position",
        "Administrative level",
        "Email",
        "Occurrence",
        "Start date",
        "Status",
        "Submitted (KST)",
        "Decided (KST)",
        "arrival",
        "diet",
    ]
    assert rows[1] == [
        kim.pk,
        "Kim",
        "Minsu",
        "김",
        "민수",
        "South Korea",
        "Gyeonggi Province",
        "International Cooperation",
        "Deputy Director",
        5,
        "minsu.kim@gg.example.org",
        "CJK Workshop 2026",
        datetime.datetime(2026, 9, 14),
        "Submitted",
        datetime.datetime(2026, 5, 1, 9, 30),
        None,
        None,
        "vegetarian",
    ]
    assert rows[2][:6] == [li.pk, "Li", "Wei", "李", "伟", "China"]
    # A typed string cell is never a formula: the text shows as entered, with no quote added.
    assert rows[2][8] == '=HYPERLINK("http://evil.example")'
    assert sheet["I3"].data_type == "s"
    assert rows[2][13] == "Accepted"
    assert rows[3][3:5] == ["佐藤", "花子"]
    assert rows[3][7:9] == ["+Planning", "@SUM(A1)"]
    assert rows[3][16:] == ["9/13", "halal"]
    assert len(rows) == 4
    # Header bold and frozen, dates with a date format, sensible widths.
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.b for cell in sheet[1])
    assert sheet["M2"].number_format == "yyyy\\-mm\\-dd"
    assert sheet["O2"].is_date
    assert sheet.column_dimensions["K"].width == 28
    job = ExportJob.objects.get()
    assert (job.owner, job.status, job.row_count, job.filters, job.source) == (
        staff,
        "delivered",
        3,
        {"occurrence": occurrence.pk},
        "web",
    )
    assert job.description == "Occurrence: CJK Workshop 2026"


def test_csv_export_has_bom_iso_dates_and_neutralised_cells(client, staff, occurrence, roster):
    client.force_login(staff)
    response = post_export(client, occurrence, format="csv", columns=["family_name_native", "position", "submitted_at"])
    content = b"".join(response.streaming_content)
    assert content.startswith(b"\xef\xbb\xbf")
    assert content.decode("utf-8-sig").splitlines() == [
        "Family name (native script),Position,Submitted (KST)",
        "김,Deputy Director,2026-05-01 09:30",
        '李,"\'=HYPERLINK(""http://evil.example"")",2026-05-02 14:05',
        "佐藤,'@SUM(A1),2026-05-03 08:00",
    ]


def test_neutralise_prefixes_every_formula_trigger_and_leaves_other_values_and_negative_numbers():
    assert [neutralise(v) for v in ["=1+2", "+82 10", "-3", "@cmd", "\tx", "\rx", "Kim", "", 5, None]] == [
        "'=1+2",
        "'+82 10",
        "-3",
        "'@cmd",
        "'\tx",
        "'\rx",
        "Kim",
        "",
        5,
        None,
    ]


def test_column_choice_leaves_personal_fields_out_and_is_saved_per_program(client, staff, occurrence, roster):
    client.force_login(staff)
    response = post_export(client, occurrence, columns=["given_name", "family_name", "country"], save_columns="on")
    _sheet, rows = read_xlsx(b"".join(response.streaming_content))
    assert rows[0] == ["Family name (romanized)", "Given name (romanized)", "Country"]
    assert "minsu.kim@gg.example.org" not in str(rows)
    assert ColumnSet.objects.get(owner=staff, program=occurrence.program).columns == [
        "family_name",
        "given_name",
        "country",
    ]
    assert default_columns(client, occurrence) == ["family_name", "given_name", "country"]


def test_headers_follow_the_staff_members_language(client, staff, occurrence, roster):
    staff.preferred_language = "ko"
    staff.save()
    client.force_login(staff)
    response = post_export(client, occurrence, columns=["family_name_native", "country", "status"])
    _sheet, rows = read_xlsx(b"".join(response.streaming_content))
    assert rows[0] == ["성 (원어)", "국가", "상태"]
    assert rows[1][:2] == ["김", "대한민국"]


def test_staff_of_another_organization_cannot_export_these_registrations(client, other_staff, occurrence, roster):
    client.force_login(other_staff)
    assert post_export(client, occurrence, columns=["email"]).status_code == 404
    assert client.get(reverse("rosters:export_occurrence", args=[occurrence.pk])).status_code == 404
    assert ExportJob.objects.count() == 0


def test_admin_action_exports_the_filtered_selection_and_logs_the_filter(admin_client, occurrence, roster):
    changelist = reverse("admin:participants_registration_changelist")
    ids = [str(r.pk) for r in roster]
    response = admin_client.post(
        changelist + "?status__exact=submitted", {"action": "export_csv", "_selected_action": ids}
    )
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert [line.split(",")[10] for line in lines] == ["Email", "minsu.kim@gg.example.org", "hanako.sato@example.jp"]
    job = ExportJob.objects.get()
    assert (job.source, job.row_count, job.description) == (
        "admin_action",
        2,
        "Registrations (status__exact=submitted)",
    )


def test_export_of_registration_ids_applies_the_access_rule_again(other_staff, occurrence, roster):
    job, fileobj = roster_export(
        user=other_staff, filters={"pks": [r.pk for r in roster]}, fmt="csv", columns=["email"]
    )
    assert fileobj.read().decode("utf-8-sig").splitlines() == ["Email"]
    assert (job.owner, job.row_count) == (other_staff, 0)


def test_export_command_writes_the_occurrence_roster(tmp_path, occurrence, roster):
    out = tmp_path / "roster.csv"
    call_command(
        "export_roster", "--occurrence", str(occurrence.pk), "--format", "csv", "-o", str(out), "--columns", "email"
    )
    assert out.read_text(encoding="utf-8-sig").splitlines() == [
        "Email",
        "minsu.kim@gg.example.org",
        "wei.li@example.cn",
        "hanako.sato@example.jp",
    ]
    job = ExportJob.objects.get()
    assert (job.owner, job.source, job.row_count, job.status) == (None, "command", 3, "delivered")
    assert job.finished_at is not None


def test_export_command_that_cannot_write_logs_a_failed_export(occurrence, roster):
    with pytest.raises(CommandError) as refused:
        call_command("export_roster", "--occurrence", str(occurrence.pk), "-o", "/dev/full")
    assert str(refused.value).startswith("Cannot write /dev/full: [Errno 28] No space left on device")
    job = ExportJob.objects.get()
    assert (job.status, job.row_count) == ("failed", None)
    assert job.error.startswith("OSError: [Errno 28] No space left on device")
    assert job.finished_at is not None


def test_program_export_holds_the_visible_occurrences_of_the_program(
    client, staff, other_staff, host, occurrence, roster
):
    occurrence.program.hosts.add(host)
    client.force_login(staff)
    url = reverse("rosters:export_program", args=[occurrence.program.pk])
    response = client.post(url, {"format": "csv", "columns": ["email"]})
    assert b"".join(response.streaming_content).decode("utf-8-sig").splitlines() == [
        "Email",
        "minsu.kim@gg.example.org",
        "wei.li@example.cn",
        "hanako.sato@example.jp",
    ]
    assert ExportJob.objects.get().filters == {"program": occurrence.program.pk}
    client.force_login(other_staff)
    assert client.post(url, {"format": "csv", "columns": ["email"]}).status_code == 404


def test_registration_changelist_offers_import_and_export_actions(admin_client, roster):
    page = admin_client.get(reverse("admin:participants_registration_changelist")).content.decode()
    assert "Export selected/filtered registrations as XLSX" in page
    assert "Export selected/filtered registrations as CSV" in page
    assert reverse("admin:participants_registration_import") in page
    import_page = admin_client.get(reverse("admin:participants_registration_import")).content.decode()
    assert reverse("rosters:import_template", args=["xlsx"]) in import_page


def test_export_command_refuses_unknown_columns_and_logs_nothing(tmp_path, occurrence, roster):
    out = tmp_path / "roster.xlsx"
    with pytest.raises(CommandError) as refused:
        call_command("export_roster", "--occurrence", str(occurrence.pk), "-o", str(out), "--columns", "email,emial")
    assert str(refused.value).startswith("Unknown column(s): emial. Known columns: registration, family_name, ")
    assert (
        ", note, preferred_language, languages, passport_name, passport_nationality, passport_number, passport_expiry, answer:arrival, answer:diet, arrival_date, "
        in str(refused.value)
    )
    assert str(refused.value).endswith(", travel_notes, travel_sent_at.")
    assert not out.exists()
    assert ExportJob.objects.count() == 0
