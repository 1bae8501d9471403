"""The public statistics as a roster exporter: the same registry and renderers (CSV with formula
neutralising, the streamed XLSX writer) as staff rosters, with counts only and the small-count rule
of the pages."""

from django.utils import translation
from django.utils.translation import pgettext_lazy

from rosters.exporters import Column, Exporter, register

from .selectors import country_label, participation

COLUMNS = [
    Column("program", pgettext_lazy("statistics column", "Program"), "program", 40),
    Column("occurrence", pgettext_lazy("statistics column", "Occurrence"), "occurrence", 50),
    Column("edition", pgettext_lazy("statistics column", "Edition"), "edition", 8),
    Column("year", pgettext_lazy("statistics column", "Year"), "year", 8),
    Column("country", pgettext_lazy("statistics column", "Country"), "country", 20),
    Column("participants", pgettext_lazy("statistics column", "Participants"), "participants", 12),
]


@register
class PublicStatisticsExporter(Exporter):
    """filters: {"program": Program or None}. Needs no user: it publishes nothing personal."""

    identifier = "public_statistics"
    verbose_name = pgettext_lazy("statistics", "Participants per occurrence and country")

    def available_columns(self):
        return COLUMNS

    def _rows(self):
        return participation(program=self.filters.get("program"))

    def count(self):
        return sum(len(row.by_country) for row in self._rows())

    def rows(self):
        with translation.override(self.language):
            for row in self._rows():
                o = row.occurrence
                for country, figure in row.by_country.items():
                    # An exact figure stays a number cell; a suppressed one is the text "<3".
                    value = figure.known if not figure.hidden else str(figure)
                    yield [o.program.name, o.title, o.number, row.year, country_label(country), value]
