from django import forms
from django.utils.translation import gettext_lazy as _

from formats.languages import country_name
from programs.models import Agreement, Organization

from .regions import region_choices


class PartnershipFilterForm(forms.Form):
    """The registry's search: every field optional, unknown values refused as a field error."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    kind = forms.ChoiceField(label=_("Type"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    organization = forms.ModelChoiceField(
        label=_("Organization"), required=False, queryset=Organization.objects.none(), to_field_name="slug"
    )
    year = forms.IntegerField(label=_("Year signed"), required=False, min_value=1900, max_value=2100)

    def __init__(self, *args, agreements, **kwargs):
        super().__init__(*args, **kwargs)
        any_choice = [("", _("Any"))]
        self.fields["kind"].choices = any_choice + list(Agreement.Kind.choices)
        self.fields["region"].choices = any_choice + region_choices()
        parties = Organization.objects.filter(agreements__in=agreements).distinct()
        codes = {str(c) for c in parties.values_list("country", flat=True) if c}
        self.fields["country"].choices = any_choice + sorted(
            ((code, country_name(code)) for code in codes), key=lambda pair: pair[1]
        )
        self.fields["organization"].queryset = parties.order_by("name")
        self.fields["organization"].empty_label = _("Any")
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs["class"] = css
