"""The public best-practice library: published reports, searched and filtered."""

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from formats.languages import country_name

from .models import BestPractice, ResearchArea


class LibrarySearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    area = forms.ModelChoiceField(
        label=_("Research area"), queryset=ResearchArea.objects.all(), required=False, to_field_name="slug"
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    language = forms.ChoiceField(label=_("Language of the report"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        published = BestPractice.objects.filter(is_published=True)
        codes = sorted(set(published.values_list("country", flat=True)), key=lambda c: str(country_name(c)))
        self.fields["country"].choices = [("", _("All countries"))] + [(c, country_name(c)) for c in codes]
        years = sorted(set(published.values_list("year", flat=True)), reverse=True)
        self.fields["year"].choices = [("", _("All years"))] + [(y, str(y)) for y in years]
        self.fields["language"].choices = [("", _("All languages"))] + list(settings.LANGUAGES)
        self.fields["area"].empty_label = _("All areas")
        self.fields["q"].widget.attrs["class"] = "form-control"
        for name in ("area", "country", "year", "language"):
            self.fields[name].widget.attrs["class"] = "form-select"


def library_search(*, q="", area=None, country="", year=None, language=""):
    reports = BestPractice.objects.filter(is_published=True).select_related("area")
    for word in (q or "").split()[:8]:
        reports = reports.filter(Q(title__icontains=word) | Q(summary__icontains=word))
    if area is not None:
        reports = reports.filter(area=area)
    if country:
        reports = reports.filter(country=country)
    if year:
        reports = reports.filter(year=year)
    if language:
        reports = reports.filter(language=language)
    return reports
