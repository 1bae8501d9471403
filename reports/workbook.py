"""The statistics workbook (jobs/xlsx.py, the writer roster exports use too): participants per
occurrence and country, then totals per program and year, per country and per program, and the
counts per participant category."""

import collections

from django.utils.translation import gettext as _

from jobs.xlsx import Sheet, write_workbook

from .selectors import category_rows, participation_rows


def _sheet(name, header, rows, widths):
    # A shaded, frozen header with filter buttons. The writer never guesses formulas or numbers
    # in text, so titles such as "=SUM" or "0012" stay text (formula injection).
    return Sheet(str(name), [str(h) for h in header], rows, widths, autofilter=True, shaded_header=True)


def workbook_write(*, user, fileobj):
    """Write the workbook for what `user` may see to `fileobj` (binary, seekable); returns the number of data rows."""
    rows = participation_rows(user=user)
    not_broken_down = _("Not broken down by country")
    by_program_year = collections.Counter()
    by_country = collections.Counter()
    by_program = collections.defaultdict(lambda: [set(), 0])
    for r in rows:
        by_program_year[(r.program, r.year)] += r.participants
        by_country[(r.country, r.country_name or not_broken_down)] += r.participants
        by_program[r.program][0].add(r.occurrence)
        by_program[r.program][1] += r.participants
    sheets = [
        _sheet(
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
        ),
        _sheet(
            _("By program and year"),
            [_("Program"), _("Year"), _("Participants")],
            [[p, y, n] for (p, y), n in sorted(by_program_year.items(), key=lambda i: (i[0][0], i[0][1] or 0))],
            [40, 8, 12],
        ),
        _sheet(
            _("By country"),
            [_("Country code"), _("Country"), _("Participants")],
            [[code, name, n] for (code, name), n in sorted(by_country.items(), key=lambda i: (-i[1], i[0][0]))],
            [8, 30, 12],
        ),
        _sheet(
            _("By program"),
            [_("Program"), _("Occurrences"), _("Participants")],
            [[p, len(occ), n] for p, (occ, n) in sorted(by_program.items())],
            [40, 12, 12],
        ),
    ]
    sheets.append(
        _sheet(
            _("By participant category"),
            [_("Program"), _("Occurrence"), _("Category"), _("Seats"), _("Registered"), _("Seat holders")],
            [
                [c.program, c.occurrence, c.category, c.seats, c.registered, c.seat_holders]
                for c in category_rows(user=user)
            ],
            [40, 50, 30, 8, 12, 12],
        )
    )
    write_workbook(fileobj, sheets, title=_("Participation statistics"))
    return len(rows)
