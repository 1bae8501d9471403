"""A minimal streamed XLSX (SpreadsheetML) writer, the one every file job of the portal uses.

openpyxl and django-import-export build the whole workbook in memory; a roster of 100,000
rows does not need that. This writer streams each worksheet part into the zip archive, one
sheet after the other, with inline strings (no shared-strings table to hold in memory), so
memory stays flat whatever the row count. It writes only what the portal needs: one or more
sheets, each with a bold frozen header row (optionally shaded, with filter buttons), column
widths, dates and date-times as real spreadsheet dates, numbers and text. Text is always
text: a value such as "=SUM(A1)" or "0012" is never turned into a formula or a number.
"""

import datetime
import decimal
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

_EPOCH = datetime.datetime(1899, 12, 30)
_EPOCH_DATE = _EPOCH.date()
# Characters XML 1.0 cannot carry at all; a spreadsheet would refuse the whole file.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NEEDS_WORK = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

STYLE_HEADER, STYLE_DATE, STYLE_DATETIME, STYLE_HEADER_SHADED = 1, 2, 3, 4

_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_ROOT_RELS = (
    _XML + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    "</Relationships>"
)
# cellXfs: 0 plain, 1 bold header, 2 date, 3 date and time (custom formats 164/165), 4 bold header on grey.
_STYLES = (
    _XML + '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/>'
    '<numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd\\ hh:mm"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFE9ECEF"/><bgColor indexed="64"/></patternFill></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def _content_types(sheet_count):
    sheets = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_SHEET_TYPE}"/>'
        for i in range(1, sheet_count + 1)
    )
    return (
        _XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        f"{sheets}"
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        "</Types>"
    )


def _workbook_rels(sheet_count):
    sheets = "".join(
        f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, sheet_count + 1)
    )
    return (
        _XML + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f"{sheets}"
        f'<Relationship Id="rId{sheet_count + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        "</Relationships>"
    )


def column_letter(index):
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


# Excel refuses a cell longer than this and reports the whole file as damaged.
MAX_CELL_CHARS = 32767


def _text(value):
    if len(value) > MAX_CELL_CHARS:
        value = value[:MAX_CELL_CHARS]
    if _NEEDS_WORK.search(value):
        value = escape(_ILLEGAL.sub("", value))
    if value[:1].isspace() or value[-1:].isspace():
        return f'<is><t xml:space="preserve">{value}</t></is>'
    return f"<is><t>{value}</t></is>"


def _cell(ref, value):
    kind = type(value)
    if kind is str:
        return f'<c r="{ref}" t="inlineStr">{_text(value)}</c>' if value else ""
    if value is None:
        return ""
    if kind is int or kind is float:
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    if kind is datetime.datetime:
        delta = value.replace(tzinfo=None) - _EPOCH
        serial = delta.days + delta.seconds / 86400
        return f'<c r="{ref}" s="{STYLE_DATETIME}"><v>{serial!r}</v></c>'
    if kind is datetime.date:
        return f'<c r="{ref}" s="{STYLE_DATE}"><v>{(value - _EPOCH_DATE).days}</v></c>'
    if kind is decimal.Decimal and value.is_finite():
        return f'<c r="{ref}"><v>{value}</v></c>'
    if kind is bool:
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    return _cell(ref, str(value))


# Excel refuses these in a sheet name, and names longer than 31 characters.
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def _sheet_names(names):
    """Names Excel accepts: no forbidden characters, at most 31 long, unique whatever the case."""
    result, seen = [], set()
    for number, name in enumerate(names, start=1):
        clean = _SHEET_NAME_FORBIDDEN.sub("", _ILLEGAL.sub("", str(name))).strip().strip("'")[:31] or f"Sheet{number}"
        candidate, suffix = clean, 2
        while candidate.lower() in seen:
            tail = f" ({suffix})"
            candidate, suffix = clean[: 31 - len(tail)] + tail, suffix + 1
        seen.add(candidate.lower())
        result.append(candidate)
    return result


def _workbook(names, filters):
    """`filters` maps a sheet's index to the range of its autofilter (Excel wants it as a hidden defined name)."""
    sheets = "".join(
        f'<sheet name="{escape(name, {chr(34): "&quot;"})}" sheetId="{i}" r:id="rId{i}"/>'
        for i, name in enumerate(names, start=1)
    )
    defined = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{index}" hidden="1">'
        f"{escape(_quoted(names[index]))}!{ref}</definedName>"
        for index, ref in sorted(filters.items())
    )
    return (
        _XML + '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f"<sheets>{sheets}</sheets>{f'<definedNames>{defined}</definedNames>' if defined else ''}</workbook>"
    )


def _quoted(name):
    return "'" + name.replace("'", "''") + "'"


def _core(now, title=""):
    stamp = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    title = escape(_ILLEGAL.sub("", str(title)))
    return (
        _XML + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"{f'<dc:title>{title}</dc:title>' if title else ''}"
        "<dc:creator>Exchange Portal</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        "</cp:coreProperties>"
    )


@dataclass
class Sheet:
    """One worksheet: a bold, frozen header row and the `rows` iterable, read once as it is written."""

    name: str
    header: Sequence
    rows: Iterable
    widths: Sequence = ()
    autofilter: bool = False  # a filter button on every header cell
    shaded_header: bool = False  # the header row on a light grey background


def _write_sheet(part, sheet, chunk_rows):
    """Stream one worksheet part; returns its number of data rows and the range its autofilter covers."""
    letters = [column_letter(i) for i in range(len(sheet.header))]
    style = STYLE_HEADER_SHADED if sheet.shaded_header else STYLE_HEADER
    cols = "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>' for i, w in enumerate(sheet.widths, 1))
    head = (
        _XML + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
        # The schema wants at least one <col> inside <cols>; Excel calls an empty one damage.
        f'<sheetFormatPr defaultRowHeight="15"/>{f"<cols>{cols}</cols>" if cols else ""}<sheetData>'
        '<row r="1">'
        + "".join(
            f'<c r="{c}1" t="inlineStr" s="{style}">{_text(str(h))}</c>'
            for c, h in zip(letters, sheet.header, strict=False)
        )
        + "</row>"
    )
    part.write(head.encode())
    buffer = []
    number = 1
    for row in sheet.rows:
        number += 1
        n = str(number)
        buffer.append(
            f'<row r="{n}">' + "".join([_cell(c + n, v) for c, v in zip(letters, row, strict=False)]) + "</row>"
        )
        if len(buffer) >= chunk_rows:
            part.write("".join(buffer).encode())
            buffer.clear()
    if buffer:
        part.write("".join(buffer).encode())
    part.write(b"</sheetData>")
    ref = None
    if sheet.autofilter and letters:
        ref = f"$A$1:${letters[-1]}${max(number, 2)}"
        part.write(f'<autoFilter ref="{ref.replace("$", "")}"/>'.encode())
    part.write(b"</worksheet>")
    return number - 1, ref


def write_workbook(fileobj, sheets, *, title="", chunk_rows=500):
    """Write `sheets` (Sheet objects, in order) to `fileobj` (seekable, binary). Returns the row count of each.

    Each sheet's rows are streamed into its own part of the archive, one after the other, so memory
    stays flat whatever the row count; only the sheets' names and widths are held."""
    sheets = list(sheets)
    names = _sheet_names(s.name for s in sheets)
    counts, filters = [], {}
    with zipfile.ZipFile(fileobj, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", _content_types(len(sheets)))
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("docProps/core.xml", _core(datetime.datetime.now(datetime.UTC), title))
        archive.writestr("xl/_rels/workbook.xml.rels", _workbook_rels(len(sheets)))
        archive.writestr("xl/styles.xml", _STYLES)
        for index, sheet in enumerate(sheets):
            with archive.open(f"xl/worksheets/sheet{index + 1}.xml", "w", force_zip64=True) as part:
                count, ref = _write_sheet(part, sheet, chunk_rows)
            counts.append(count)
            if ref:
                filters[index] = ref
        # Last, as it names the autofilter ranges, which are known once the rows are written.
        archive.writestr("xl/workbook.xml", _workbook(names, filters))
    return counts


def write_xlsx(fileobj, header, rows, *, widths, sheet_name="Roster", chunk_rows=500):
    """Write `header` (bold, frozen) and the `rows` iterable to `fileobj` (seekable, binary). Returns the row count."""
    [count] = write_workbook(fileobj, [Sheet(sheet_name, header, rows, widths)], chunk_rows=chunk_rows)
    return count
