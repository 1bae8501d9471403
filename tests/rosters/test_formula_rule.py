"""The formula rule (rosters/renderers.py): XLSX cells are typed strings and are never changed;
CSV cells a spreadsheet would run get a leading quote, plain negative numbers excepted."""

import csv
import io
import shutil
import subprocess
import zipfile

import openpyxl
import pytest

from rosters.renderers import neutralise
from rosters.services import roster_export
from tests.factories import ParticipantFactory, RegistrationFactory

pytestmark = pytest.mark.integration

HOSTILE = '=HYPERLINK("http://evil.example","x")'
PHONE = "+82-10-1234-5678"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+2", "'=1+2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+2", "'\t=1+2"),
        ("\r=1+2", "'\r=1+2"),
        ("+82 10 1234 5678", "'+82 10 1234 5678"),  # a spreadsheet would compute it, not show it
        (PHONE, "'" + PHONE),
        ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),
        ("-3", "-3"),  # read back as the very number
        ("-1.5", "-1.5"),
        ("-3-2", "'-3-2"),
        ("010-1234-5678", "010-1234-5678"),
        ("Kim", "Kim"),
        ("", ""),
        (5, 5),
        (None, None),
    ],
)
def test_csv_neutralises_what_a_spreadsheet_would_run(value, expected):
    assert neutralise(value) == expected


@pytest.fixture
def hostile(occurrence):
    return RegistrationFactory(
        occurrence=occurrence,
        participant=ParticipantFactory(family_name="Kim", position=HOSTILE, phone=PHONE, department="-3"),
    )


def test_xlsx_keeps_every_text_as_typed_and_never_writes_a_formula(staff, occurrence, hostile):
    _job, fileobj = roster_export(
        user=staff, filters={"occurrence": occurrence.pk}, fmt="xlsx", columns=["department", "position", "phone"]
    )
    data = fileobj.read()
    sheet_xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and 't="inlineStr"' in sheet_xml
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert [(c.value, c.data_type) for c in sheet[2]] == [("-3", "s"), (HOSTILE, "s"), (PHONE, "s")]


def test_csv_prefixes_the_formula_and_the_phone_but_not_a_negative_number(staff, occurrence, hostile):
    _job, fileobj = roster_export(
        user=staff, filters={"occurrence": occurrence.pk}, fmt="csv", columns=["department", "position", "phone"]
    )
    rows = list(csv.reader(io.StringIO(fileobj.read().decode("utf-8-sig"))))
    assert rows == [["Department", "Position", "Phone"], ["-3", "'" + HOSTILE, "'" + PHONE]]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_csv_without_running_anything(tmp_path, staff, occurrence, hostile):
    _job, fileobj = roster_export(
        user=staff, filters={"occurrence": occurrence.pk}, fmt="csv", columns=["department", "position", "phone"]
    )
    source = tmp_path / "roster.csv"
    source.write_bytes(fileobj.read())
    # Import with formulas evaluated (the 8th token), as a spreadsheet user opening the file would.
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--infilter=CSV:44,34,76,1,,0,false,true,true", "--convert-to", "xlsx", "--outdir", str(tmp_path),
         str(source)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    sheet = openpyxl.load_workbook(tmp_path / "roster.xlsx").active
    cells = [(c.value, c.data_type) for c in sheet[2]]
    assert cells[0] == (-3, "n")
    assert [kind for _value, kind in cells[1:]] == ["s", "s"]  # text, not a formula ("f")
