"""The streamed XLSX writer (jobs/xlsx.py) that roster exports and the statistics workbook share."""

import io
import zipfile

import openpyxl

from jobs.xlsx import write_xlsx


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
