from django import forms
from django.utils.translation import gettext_lazy as _

from formats.languages import country_name


class ExhibitFilterForm(forms.Form):
    """Filter an exhibition's exhibits by section and by the exhibitor's country."""

    section = forms.TypedChoiceField(label=_("Part of the exhibition"), required=False, coerce=int, empty_value=None)
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, *args, sections, countries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [("", _("All parts"))] + [(s.pk, s.title) for s in sections]
        self.fields["country"].choices = [("", _("All countries"))] + sorted(
            ((code, country_name(code)) for code in countries), key=lambda choice: choice[1]
        )
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select"
