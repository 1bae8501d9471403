"""The streamed XLSX writer (jobs/xlsx.py) that roster exports and the statistics workbook share."""

import datetime
import io
import tracemalloc
import zipfile

import openpyxl
import pytest

from jobs.xlsx import Sheet, write_workbook, write_xlsx

pytestmark = pytest.mark.unit


def read_xlsx(content):
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    sheet = workbook.active
    return sheet, [list(row) for row in sheet.iter_rows(values_only=True)]


def test_xlsx_cells_longer_than_excel_allows_are_cut_and_control_characters_dropped():
    buffer = io.BytesIO()
    write_xlsx(buffer, ["Note"], [["x" * 40000], ["bell\x07 & <tag>"]], widths=[20])
    rows = read_xlsx(buffer.getvalue())[1]
    assert [len(rows[1][0]), rows[2][0]] == [32767, "bell & <tag>"]


def test_xlsx_without_columns_has_no_empty_cols_element():
    buffer = io.BytesIO()
    write_xlsx(buffer, [], [[], []], widths=[])
    sheet = zipfile.ZipFile(buffer).read("xl/worksheets/sheet1.xml").decode()
    assert "<cols>" not in sheet
    assert "<sheetData>" in sheet


def test_workbook_of_several_sheets_with_shaded_headers_filters_and_widths():
    buffer = io.BytesIO()
    counts = write_workbook(
        buffer,
        [
            Sheet("By country", ["Code", "Participants"], iter([["KR", 2], ["JP", 1]]), [8, 12], autofilter=True),
            Sheet("Notes", ["Note"], [['=HYPERLINK("x")'], ["0012"]], [30], shaded_header=True),
            Sheet("Empty", ["A", "B"], [], [], autofilter=True),
        ],
        title="Participation statistics",
    )
    assert counts == [2, 2, 0]
    book = openpyxl.load_workbook(io.BytesIO(buffer.getvalue()))
    assert book.sheetnames == ["By country", "Notes", "Empty"]
    assert book.properties.title == "Participation statistics"
    by_country, notes, empty = book.worksheets
    assert [list(r) for r in by_country.iter_rows(values_only=True)] == [["Code", "Participants"], ["KR", 2], ["JP", 1]]
    assert by_country.freeze_panes == notes.freeze_panes == "A2"
    assert by_country.auto_filter.ref == "A1:B3"
    assert empty.auto_filter.ref == "A1:B2"
    assert not notes.auto_filter.ref
    assert (by_country.column_dimensions["A"].width, by_country.column_dimensions["B"].width) == (8, 12)
    assert by_country["A1"].font.b and by_country["A1"].fill.fill_type is None
    assert notes["A1"].font.b and notes["A1"].fill.fgColor.rgb == "FFE9ECEF"
    # Text stays text: no formula, no number guessed.
    assert [(c.value, c.data_type) for c in notes["A"][1:]] == [('=HYPERLINK("x")', "s"), ("0012", "s")]
    names = zipfile.ZipFile(buffer).read("xl/workbook.xml").decode()
    assert '<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">\'By country\'!$A$1:$B$3' in names


def test_sheet_names_are_made_acceptable_to_excel():
    buffer = io.BytesIO()
    long_name = "Participants per program and per year"
    write_workbook(buffer, [Sheet(n, ["A"], [], []) for n in ["A/B: [x]?", long_name, "Dup", "dup", "", "'q'"]])
    assert openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).sheetnames == [
        "AB x",
        long_name[:31],
        "Dup",
        "dup (2)",
        "Sheet5",
        "q",
    ]


def test_sheets_are_streamed_so_memory_does_not_grow_with_the_row_count(tmp_path):
    def rows(count):
        for i in range(count):
            yield [i, f"name {i}", "김민수", datetime.date(2026, 1, 1), 1.5]

    def peak(count):
        tracemalloc.start()
        try:
            with open(tmp_path / f"{count}.xlsx", "wb") as out:
                written = write_workbook(
                    out, [Sheet("A", list("abcde"), rows(count), []), Sheet("B", ["x"], rows(count), [])]
                )
            return written, tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    small_rows, small_peak = peak(500)
    large_rows, large_peak = peak(10_000)
    assert (small_rows, large_rows) == ([500, 500], [10_000, 10_000])
    assert large_peak < small_peak + 512 * 1024  # twenty times the rows, not even half a megabyte more
