"""A minimal streamed XLSX (SpreadsheetML) writer.

openpyxl and django-import-export build the whole workbook in memory; a roster of 100,000
rows does not need that. This writer streams one worksheet part into the zip archive, with
inline strings (no shared-strings table to hold in memory), so memory stays flat whatever
the row count. It writes only what rosters need: a bold frozen header row, column widths,
dates and date-times as real spreadsheet dates, numbers and text.
"""

import datetime
import decimal
import re
import zipfile
from xml.sax.saxutils import escape

_EPOCH = datetime.datetime(1899, 12, 30)
_EPOCH_DATE = _EPOCH.date()
# Characters XML 1.0 cannot carry at all; a spreadsheet would refuse the whole file.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NEEDS_WORK = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

STYLE_HEADER, STYLE_DATE, STYLE_DATETIME = 1, 2, 3

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    "</Relationships>"
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    "</Relationships>"
)
# cellXfs: 0 plain, 1 bold header, 2 date, 3 date and time (custom formats 164/165).
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/>'
    '<numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd\\ hh:mm"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
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


def _workbook(sheet_name):
    name = escape(_ILLEGAL.sub("", sheet_name))[:31] or "Sheet1"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )


def _core(now):
    stamp = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<dc:creator>Exchange Portal</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        "</cp:coreProperties>"
    )


def write_xlsx(fileobj, header, rows, *, widths, sheet_name="Roster", chunk_rows=500):
    """Write `header` (bold, frozen) and the `rows` iterable to `fileobj` (seekable, binary). Returns the row count."""
    letters = [column_letter(i) for i in range(len(header))]
    cols = "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>' for i, w in enumerate(widths, 1))
    head = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
        # The schema wants at least one <col> inside <cols>; Excel calls an empty one damage.
        f'<sheetFormatPr defaultRowHeight="15"/>{f"<cols>{cols}</cols>" if cols else ""}<sheetData>'
        '<row r="1">'
        + "".join(
            f'<c r="{c}1" t="inlineStr" s="{STYLE_HEADER}">{_text(str(h))}</c>'
            for c, h in zip(letters, header, strict=False)
        )
        + "</row>"
    )
    count = 0
    with zipfile.ZipFile(fileobj, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("docProps/core.xml", _core(datetime.datetime.now(datetime.UTC)))
        archive.writestr("xl/workbook.xml", _workbook(sheet_name))
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/styles.xml", _STYLES)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            part.write(head.encode())
            buffer = []
            number = 1
            for row in rows:
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
            count = number - 1
            part.write(b"</sheetData></worksheet>")
    return count
