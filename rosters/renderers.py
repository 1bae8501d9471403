"""Turn any exporter into a CSV or XLSX file, with formula-looking text neutralised."""

import codecs
import csv
import datetime

from jobs.xlsx import write_xlsx

# A cell starting with one of these may be run as a formula (or DDE command) by a
# spreadsheet; OWASP's advice is to make it text by prefixing a single quote.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    if type(value) is str and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def _safe_rows(rows, on_progress, every):
    for count, row in enumerate(rows, start=1):
        if on_progress is not None and count % every == 0:
            on_progress(count)
        yield [neutralise(v) for v in row]


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
    rows = _safe_rows(exporter.rows(), on_progress, progress_every)
    if fmt == "csv":
        return render_csv(fileobj, header, rows)
    if fmt == "xlsx":
        return write_xlsx(
            fileobj, [neutralise(h) for h in header], rows, widths=exporter.widths(), sheet_name=sheet_name
        )
    raise ValueError(f"Unknown export format {fmt!r}")


CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
