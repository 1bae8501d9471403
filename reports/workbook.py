"""The statistics workbook (xlsxwriter): participants per occurrence and country, then
totals per program and year, per country and per program."""

import collections

import xlsxwriter
from django.utils import timezone
from django.utils.translation import gettext as _

from .selectors import participation_rows


def _sheet(book, name, header, rows, widths, bold):
    sheet = book.add_worksheet(str(name)[:31])  # Excel's limit on sheet names
    sheet.write_row(0, 0, header, bold)
    for i, row in enumerate(rows, start=1):
        sheet.write_row(i, 0, row)
    for column, width in enumerate(widths):
        sheet.set_column(column, column, width)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(rows), 1), len(header) - 1)
    return sheet


def workbook_write(*, user, path):
    """Write the workbook for what `user` may see to `path`; returns the number of data rows."""
    rows = participation_rows(user=user)
    # No string/number guessing: titles such as "=SUM" or "0012" stay text (formula injection).
    book = xlsxwriter.Workbook(
        path, {"strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False}
    )
    bold = book.add_format({"bold": True, "bg_color": "#E9ECEF"})
    not_broken_down = _("Not broken down by country")
    _sheet(
        book,
        _("By occurrence"),
        [
            _("Program"),
            _("Occurrence"),
            _("Edition"),
            _("Year"),
            _("Country code"),
            _("Country"),
            _("Registered (seat holders)"),
            _("Recorded"),
            _("Participants"),
        ],
        [
            [
                r.program,
                r.occurrence,
                r.edition,
                r.year,
                r.country,
                r.country_name or not_broken_down,
                r.registered,
                r.recorded,
                r.participants,
            ]
            for r in rows
        ],
        [40, 50, 8, 8, 8, 24, 14, 10, 12],
        bold,
    )
    by_program_year = collections.Counter()
    by_country = collections.Counter()
    by_program = collections.defaultdict(lambda: [set(), 0])
    for r in rows:
        by_program_year[(r.program, r.year)] += r.participants
        by_country[(r.country, r.country_name or not_broken_down)] += r.participants
        by_program[r.program][0].add(r.occurrence)
        by_program[r.program][1] += r.participants
    _sheet(
        book,
        _("By program and year"),
        [_("Program"), _("Year"), _("Participants")],
        [[p, y, n] for (p, y), n in sorted(by_program_year.items(), key=lambda i: (i[0][0], i[0][1] or 0))],
        [40, 8, 12],
        bold,
    )
    _sheet(
        book,
        _("By country"),
        [_("Country code"), _("Country"), _("Participants")],
        [[code, name, n] for (code, name), n in sorted(by_country.items(), key=lambda i: (-i[1], i[0][0]))],
        [8, 30, 12],
        bold,
    )
    _sheet(
        book,
        _("By program"),
        [_("Program"), _("Occurrences"), _("Participants")],
        [[p, len(occ), n] for p, (occ, n) in sorted(by_program.items())],
        [40, 12, 12],
        bold,
    )
    book.set_properties({"title": _("Participation statistics"), "created": timezone.now().replace(tzinfo=None)})
    book.close()
    return len(rows)
