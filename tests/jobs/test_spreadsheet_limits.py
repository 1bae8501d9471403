"""Spreadsheet bombs and oversized lists are refused before any parser reads them, with the limit
named, through the delegate-list import the demo's program staff use and the limits module itself.
Every bomb is built here, small on disk (a few hundred KB at most)."""

import io
import resource
import time
import zipfile

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from jobs.spreadsheet_limits import SpreadsheetRefused, check_csv, check_xlsx
from participants.models import Registration

pytestmark = pytest.mark.integration

SHEET = "xl/worksheets/sheet1.xml"
OPEN = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
CLOSE = "</sheetData></worksheet>"


def workbook(**parts):
    """A valid one-sheet workbook from openpyxl, with some parts replaced (name -> bytes or chunks)."""
    book = openpyxl.Workbook()
    book.active.append(["family_name", "given_name"])
    plain = io.BytesIO()
    book.save(plain)
    out = io.BytesIO()
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        names = [info.filename for info in source.infolist()]
        for name in names + [n for n in parts if n not in names]:
            content = parts.get(name, source.read(name) if name in names else b"")
            with target.open(name, "w", force_zip64=True) as handle:
                for chunk in [content] if isinstance(content, bytes) else content:
                    handle.write(chunk)
    return out.getvalue()


def inflating_cell(megabytes):
    """One inline-string cell of `megabytes` MB of 'A': a zip bomb, written in 1 MB chunks."""
    yield (OPEN + '<row r="1"><c r="A1" t="inlineStr"><is><t>').encode()
    for _ in range(megabytes):
        yield b"A" * (1024 * 1024)
    yield ("</t></is></c></row>" + CLOSE).encode()


def rows(count, cells=1):
    yield OPEN.encode()
    for number in range(1, count + 1):
        row = "".join(f'<c r="{_col(i)}{number}" t="inlineStr"><is><t>x</t></is></c>' for i in range(1, cells + 1))
        yield f'<row r="{number}">{row}</row>'.encode()
    yield CLOSE.encode()


def _col(number):
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol3;</t></si></sst>'
)


def refused(check, data):
    with pytest.raises(SpreadsheetRefused) as caught:
        check(data)
    return caught.value.message


def test_a_zip_bomb_is_refused_from_its_declared_size_at_once_in_little_memory():
    bomb = workbook(**{SHEET: inflating_cell(200)})
    assert len(bomb) < 400 * 1024  # 200 MB of text, a few hundred KB on disk
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    assert refused(check_xlsx, bomb) == "The workbook unpacks to 200 MB; the limit is 50 MB."
    assert time.monotonic() - started < 1
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 20 * 1024  # KB: under 20 MB more


def test_a_sheet_with_too_many_rows_is_refused_naming_the_limit():
    assert refused(check_xlsx, workbook(**{SHEET: rows(20_002)})) == (
        "The file has more than 20001 rows, the limit for one import."
    )
    assert check_xlsx(workbook(**{SHEET: rows(10_001)})) == 10_001


def test_a_lone_cell_far_away_counts_as_its_place():
    far = (OPEN + '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>' + CLOSE).encode()
    assert "the limit is 60." in refused(check_xlsx, workbook(**{SHEET: far}))
    deep = (OPEN + '<row r="900000"><c r="A900000" t="inlineStr"><is><t>x</t></is></c></row>' + CLOSE).encode()
    assert (
        refused(check_xlsx, workbook(**{SHEET: deep})) == "The file has more than 20001 rows, the limit for one import."
    )


def test_too_many_columns_and_an_over_long_cell_are_named():
    assert refused(check_xlsx, workbook(**{SHEET: rows(2, cells=61)})) == "The file has 61 columns; the limit is 60."
    long_cell = OPEN + '<row r="1"><c r="B1" t="inlineStr"><is><t>' + "가" * 2001 + "</t></is></c></row>" + CLOSE
    assert refused(check_xlsx, workbook(**{SHEET: long_cell.encode()})) == (
        "A cell (B1) holds more than 2000 characters, the limit for one cell."
    )


def test_entity_expansion_and_too_many_parts_are_refused():
    assert refused(check_xlsx, workbook(**{"xl/sharedStrings.xml": LAUGHS})) == (
        "The workbook uses XML entities or a document type declaration, which imports do not accept."
    )
    many = workbook(**{f"xl/media/image{i}.png": b"x" for i in range(120)})
    assert refused(check_xlsx, many).startswith("The workbook holds 129 parts; the limit is 100.")


def test_a_formula_cell_gets_a_message_that_says_so():
    formula = (OPEN + '<row r="2"><c r="C2"><f>1+1</f><v>2</v></c></row>' + CLOSE).encode()
    assert refused(check_xlsx, workbook(**{SHEET: formula})).startswith("Cell C2 holds a formula.")


def test_csv_limits():
    assert refused(check_csv, b"a\n" * 20_002) == "The file has more than 20001 rows, the limit for one import."
    assert refused(check_csv, b'a,"' + b"x" * 100_000 + b'"\n').endswith("the limit for one cell.")
    assert refused(check_csv, b"a," * 70 + b"\n") == "The file has 71 columns; the limit is 60."
    assert check_csv("family_name,given_name\n김,민지\n".encode()) == 2


@pytest.mark.django_db
def test_the_demo_staff_uploading_a_bomb_reads_the_limit_and_nothing_is_saved(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())
    client.force_login(get_user_model().objects.get(email="staff@example.org"))
    before = Registration.objects.count()
    for content, message in [
        (workbook(**{SHEET: inflating_cell(200)}), "The workbook unpacks to 200 MB; the limit is 50 MB."),
        (workbook(**{"xl/sharedStrings.xml": LAUGHS}), "The workbook uses XML entities"),
    ]:
        response = client.post(
            reverse("admin:participants_registration_import"),
            {"import_file": SimpleUploadedFile("list.xlsx", content), "format": "0", "resource": "0"},
            HTTP_ACCEPT_LANGUAGE="en",
        )
        assert response.status_code == 200
        assert message in response.content.decode()
    assert Registration.objects.count() == before
