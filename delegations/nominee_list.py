"""Read a focal point's list of nominees (CSV or XLSX): every row checked before any is nominated,
and each bad row named with its reason, so a list is taken whole or not at all."""

import csv
import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from jobs.spreadsheet_limits import Limits, SpreadsheetRefused, check_csv, check_xlsx

COLUMNS = ("family_name", "given_name", "email")
MAX_BYTES = 1024 * 1024
MAX_ROWS = 500
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


class ListError(Exception):
    def __init__(self, messages):
        super().__init__("; ".join(messages))
        self.messages = messages


def _rows_csv(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ListError([_("The file is not UTF-8 text. Save it as CSV UTF-8 or as XLSX.")]) from None
    return list(csv.reader(io.StringIO(text)))


def _rows_xlsx(data):
    from openpyxl import load_workbook  # imported here: only list uploads need it

    try:
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
    except Exception:  # noqa: BLE001 - any unreadable workbook gets the same answer
        raise ListError([_("The file could not be read as an XLSX workbook.")]) from None
    return [["" if cell is None else str(cell) for cell in row] for row in sheet.iter_rows(values_only=True)]


def nominee_list_read(upload):
    """[{family_name, given_name, email, language}] from the upload, or ListError naming every bad row."""
    if upload is None:
        raise ListError([_("Please choose a CSV or XLSX file.")])
    if upload.size > MAX_BYTES:
        raise ListError([_("The file is larger than 1 MB.")])
    data = upload.read()
    name = (upload.name or "").lower()
    limits = Limits.from_settings(max_bytes=MAX_BYTES)
    try:  # the limits first: no parser reads a file past one (a zip bomb, entities, huge sheets)
        if name.endswith(".xlsx"):
            check_xlsx(data, limits)
        elif name.endswith(".csv"):
            check_csv(data, limits)
    except SpreadsheetRefused as refused:
        raise ListError([refused.message]) from None
    if name.endswith(".xlsx"):
        rows = _rows_xlsx(data)
    elif name.endswith(".csv"):
        rows = _rows_csv(data)
    else:
        raise ListError([_("Please upload a .csv or .xlsx file.")])
    rows = [[str(cell).strip() for cell in row] for row in rows if any(str(cell).strip() for cell in row)]
    if not rows:
        raise ListError([_("The file is empty.")])
    header = [cell.lower() for cell in rows[0]]
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        raise ListError([_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)}])
    if len(rows) - 1 > MAX_ROWS:
        raise ListError([_("At most %(max)s rows at a time.") % {"max": MAX_ROWS}])
    index = {column: header.index(column) for column in header}
    nominees, errors, seen = [], [], set()
    for number, row in enumerate(rows[1:], start=2):
        row = row + [""] * (len(header) - len(row))
        value = {column: row[i] for column, i in index.items()}
        problems = []
        if not value["family_name"] or not value["given_name"]:
            problems.append(_("a name is missing"))
        email = value["email"].lower()
        try:
            validate_email(email)
        except ValidationError:
            problems.append(_("the email address is not valid"))
        if email in seen:
            problems.append(_("the email address appears twice"))
        seen.add(email)
        language = value.get("language", "").lower()
        if language and language not in LANGUAGE_CODES:
            problems.append(_("unknown language %(code)s") % {"code": language})
        if problems:
            errors.append(_("Row %(row)s: %(problems)s.") % {"row": number, "problems": ", ".join(problems)})
            continue
        nominees.append(
            {
                "family_name": value["family_name"],
                "given_name": value["given_name"],
                "email": email,
                "language": language or None,
            }
        )
    if errors:
        raise ListError(errors)
    if not nominees:
        raise ListError([_("The file has no nominees.")])
    return nominees
