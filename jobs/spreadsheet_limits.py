"""Limits an uploaded spreadsheet must meet before any library parses it.

A 2 MB workbook can inflate to gigabytes (a zip bomb) and take a web worker's memory and time
with it, and XML entities can multiply text the same way. So an XLSX is first read as what it
is, a zip of XML parts: the number of members and their declared sizes (zipfile never inflates
past a declared size), then the sheet and shared strings streamed through defusedxml (DTDs and
entities refused) counting rows, columns and cell lengths, with constant memory. A CSV is
streamed the same way. The first limit passed is named in the error; only then may openpyxl or
tablib load the file.
"""

import csv
import io
import zipfile
from dataclasses import dataclass

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from django.conf import settings
from django.utils.translation import gettext as _

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


class SpreadsheetRefused(ValueError):
    """`message` says which limit the file passed, in the reader's language."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class SpreadsheetUnreadable(SpreadsheetRefused):
    """Not a workbook at all (or a broken one): callers may answer with their own wording."""


@dataclass(frozen=True)
class Limits:
    max_bytes: int
    max_uncompressed_bytes: int
    max_zip_members: int
    max_rows: int
    max_columns: int
    max_cell_chars: int

    @classmethod
    def from_settings(cls, **overrides):
        values = {
            "max_bytes": settings.IMPORT_MAX_BYTES,
            "max_uncompressed_bytes": settings.IMPORT_MAX_UNCOMPRESSED_BYTES,
            "max_zip_members": settings.IMPORT_MAX_ZIP_MEMBERS,
            "max_rows": settings.IMPORT_MAX_ROWS,
            "max_columns": settings.IMPORT_MAX_COLUMNS,
            "max_cell_chars": settings.IMPORT_MAX_CELL_CHARS,
        }
        return cls(**{**values, **overrides})


def _mb(size):
    return f"{size / 1024 / 1024:.1f}".rstrip("0").rstrip(".")


def _refuse_size(size, limits):
    if size > limits.max_bytes:
        raise SpreadsheetRefused(
            _("The file is %(size)s MB; the limit is %(limit)s MB.")
            % {"size": _mb(size), "limit": _mb(limits.max_bytes)}
        )


def _refuse_rows(rows, limits):
    if rows > limits.max_rows:
        raise SpreadsheetRefused(
            _("The file has more than %(limit)s rows, the limit for one import.") % {"limit": limits.max_rows}
        )


def _refuse_columns(columns, limits):
    if columns > limits.max_columns:
        raise SpreadsheetRefused(
            _("The file has %(count)s columns; the limit is %(limit)s.")
            % {"count": columns, "limit": limits.max_columns}
        )


def _refuse_cell(length, limits, where):
    if length > limits.max_cell_chars:
        raise SpreadsheetRefused(
            _("A cell (%(where)s) holds more than %(limit)s characters, the limit for one cell.")
            % {"where": where, "limit": limits.max_cell_chars}
        )


def check_csv(data, limits=None):
    """Refuse a CSV (bytes) past a limit; return the number of rows."""
    limits = limits or Limits.from_settings()
    _refuse_size(len(data), limits)
    try:
        text = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", newline="")
        rows = 0
        # csv's own field limit stops one huge quoted field before it is held whole.
        csv.field_size_limit(max(limits.max_cell_chars * 4, 1024))
        for rows, row in enumerate(csv.reader(text), start=1):
            _refuse_rows(rows, limits)
            _refuse_columns(len(row), limits)
            for number, value in enumerate(row, start=1):
                _refuse_cell(len(value), limits, _("row %(row)s, column %(column)s") % {"row": rows, "column": number})
    except csv.Error:
        raise SpreadsheetRefused(
            _("A cell holds more than %(limit)s characters, the limit for one cell.") % {"limit": limits.max_cell_chars}
        ) from None
    except UnicodeDecodeError:
        raise SpreadsheetUnreadable(_("The file is not UTF-8 text. Save it as CSV UTF-8 or as XLSX.")) from None
    return rows


def check_xlsx(data, limits=None):
    """Refuse an XLSX (bytes) past a limit, before openpyxl sees it; return the number of rows."""
    limits = limits or Limits.from_settings()
    _refuse_size(len(data), limits)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise SpreadsheetUnreadable(_("The file could not be read as an XLSX workbook.")) from None
    if len(members) > limits.max_zip_members:
        raise SpreadsheetRefused(
            _("The workbook holds %(count)s parts; the limit is %(limit)s.")
            % {"count": len(members), "limit": limits.max_zip_members}
        )
    inflated = sum(member.file_size for member in members)
    if inflated > limits.max_uncompressed_bytes:
        raise SpreadsheetRefused(
            _("The workbook unpacks to %(size)s MB; the limit is %(limit)s MB.")
            % {"size": _mb(inflated), "limit": _mb(limits.max_uncompressed_bytes)}
        )
    names = {member.filename for member in members}
    try:
        for name in sorted(names):
            if name.endswith(".xml") or name.endswith(".rels"):
                _check_part(archive, name, limits)
        return _check_sheet(archive, _first_sheet(names), limits) if _first_sheet(names) else 0
    except DefusedXmlException:
        raise SpreadsheetRefused(
            _("The workbook uses XML entities or a document type declaration, which imports do not accept.")
        ) from None
    except (zipfile.BadZipFile, EOFError, SyntaxError, OSError, NotImplementedError, RuntimeError):
        raise SpreadsheetUnreadable(_("The file could not be read as an XLSX workbook.")) from None


def _first_sheet(names):
    sheets = sorted(n for n in names if n.startswith("xl/worksheets/sheet") and n.endswith(".xml"))
    return "xl/worksheets/sheet1.xml" if "xl/worksheets/sheet1.xml" in sheets else (sheets[0] if sheets else None)


def _check_part(archive, name, limits):
    """Every XML part: DTDs and entities refused; shared strings' lengths checked."""
    with archive.open(name) as part:
        for _event, element in iterparse(part, events=("end",), forbid_dtd=True):
            if name == "xl/sharedStrings.xml" and element.tag == f"{NS}si":
                _refuse_cell(len("".join(element.itertext())), limits, _("shared text"))
                element.clear()


def _column_number(ref):
    number = 0
    for char in ref:
        if not char.isalpha():
            break
        number = number * 26 + ord(char.upper()) - 64
    return number


def _row_number(ref):
    digits = "".join(char for char in ref if char.isdigit())
    return int(digits) if digits else 0


def _check_sheet(archive, name, limits):
    """Rows and columns counted, and placed: openpyxl pads the gaps up to the last row and column
    named (by a cell or the sheet's dimension), so a lone cell at XFD1048576 counts as its place."""
    rows = 0
    with archive.open(name) as part:
        for _event, element in iterparse(part, events=("end",), forbid_dtd=True):
            if element.tag == f"{NS}c":
                ref = element.get("r", "")
                _refuse_columns(_column_number(ref), limits)
                if element.find(f"{NS}f") is not None:
                    raise SpreadsheetRefused(
                        _(
                            "Cell %(cell)s holds a formula. Imports read values only: copy the cells and "
                            "paste them as values, then upload the list again."
                        )
                        % {"cell": ref or "?"}
                    )
                _refuse_cell(len("".join(element.itertext())), limits, ref or "?")
            elif element.tag == f"{NS}row":
                rows = max(rows + 1, _row_number(element.get("r", "")))
                _refuse_rows(rows, limits)
                _refuse_columns(len(element), limits)
                element.clear()
            elif element.tag == f"{NS}dimension":
                last = element.get("ref", "").split(":")[-1]
                _refuse_rows(_row_number(last), limits)
                _refuse_columns(_column_number(last), limits)
    return rows
