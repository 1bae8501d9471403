"""Turn any exporter into a CSV or XLSX file that no spreadsheet runs as formulas."""

import codecs
import csv
import datetime
import re

from jobs.xlsx import write_xlsx

# Formula injection (OWASP "CSV Injection"): a spreadsheet opening a CSV file reads a cell that
# starts with = + - @ (or a tab or carriage return, which it strips before looking) as a formula,
# and a formula can fetch URLs or, in old Excel, run commands (=HYPERLINK(...), =cmd|'/c calc'!A1).
#
# The rule, per format:
# - XLSX: nothing is changed. jobs/xlsx.py writes every text as a typed string cell (t="inlineStr");
#   a string cell is never evaluated, whatever it starts with, so "+82-10-1234-5678" and even
#   "=HYPERLINK(...)" show exactly as typed.
# - CSV has no types, so a cell starting with a trigger gets a leading ' (OWASP's advice): Excel
#   takes it as "this is text" and shows the rest; a program reading the file as data sees the '
#   (the price OWASP accepts, and why XLSX is the default format). Phone numbers get it too:
#   "+82-10-1234-5678" cannot call anything, but a spreadsheet would compute it (-6840) and show a
#   wrong number; with the ' it stays readable. The one exception is a plain negative number
#   ("-3", "-1.5"): the spreadsheet reads the very number we wrote, and nothing can hide in it.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NEGATIVE_NUMBER = re.compile(r"-\d+(\.\d+)?")


def neutralise(value):
    """A CSV cell that no spreadsheet will run as a formula (see the rule above)."""
    if type(value) is str and value.startswith(FORMULA_TRIGGERS) and not PLAIN_NEGATIVE_NUMBER.fullmatch(value):
        return "'" + value
    return value


def _rows(rows, on_progress, every, *, safe):
    for count, row in enumerate(rows, start=1):
        if on_progress is not None and count % every == 0:
            on_progress(count)
        yield [neutralise(v) for v in row] if safe else row


def _csv_value(value):
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def render_csv(fileobj, header, rows):
    # A BOM so that Excel opens UTF-8 (Korean, Chinese, Japanese names) correctly.
    fileobj.write(codecs.BOM_UTF8)
    writer = codecs.getwriter("utf-8")(fileobj)
    out = csv.writer(writer)
    out.writerow([neutralise(h) for h in header])
    count = 0
    batch = []
    for row in rows:
        batch.append([_csv_value(v) for v in row])
        if len(batch) >= 1000:
            out.writerows(batch)
            count += len(batch)
            batch.clear()
    out.writerows(batch)
    return count + len(batch)


def render(exporter, fmt, fileobj, *, on_progress=None, progress_every=1000, sheet_name="Roster"):
    """Write the exporter's rows to `fileobj` as `fmt` ("xlsx" or "csv"); returns the number of data rows."""
    header = exporter.header()
    if fmt == "csv":
        return render_csv(fileobj, header, _rows(exporter.rows(), on_progress, progress_every, safe=True))
    if fmt == "xlsx":
        rows = _rows(exporter.rows(), on_progress, progress_every, safe=False)
        return write_xlsx(fileobj, header, rows, widths=exporter.widths(), sheet_name=sheet_name)
    raise ValueError(f"Unknown export format {fmt!r}")


CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
