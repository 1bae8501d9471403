"""The alumni network's forms: an entry, the directory's search, a message and an abuse report."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from formats.languages import LANGUAGE_NAMES, country_name
from workshops.models import Occurrence

from .alumni import BODY_MAX_CHARS
from .models import AlumniEntry


class EntryForm(forms.Form):
    country = forms.ChoiceField(label=_("Country"))
    organization = forms.CharField(label=_("Organization"), max_length=200, required=False)
    position = forms.CharField(label=_("Position"), max_length=200, required=False)
    languages = forms.MultipleChoiceField(
        label=_("Languages you speak"),
        required=False,
        choices=list(LANGUAGE_NAMES.items()),
        widget=forms.CheckboxSelectMultiple,
    )
    note = forms.CharField(
        label=_("A short note"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What you work on, or what you would like to talk about with other alumni (500 characters)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "—")] + list(countries)
        for name in ("organization", "position", "note"):
            self.fields[name].widget.attrs["class"] = "form-control"
        self.fields["country"].widget.attrs["class"] = "form-select"
        self.fields["languages"].widget.attrs["class"] = "form-check-input"

    @staticmethod
    def initial_from(entry):
        return {name: getattr(entry, name) for name in ("country", "organization", "position", "languages", "note")}


class DirectorySearchForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    country = forms.ChoiceField(label=_("Country"), required=False)
    edition = forms.ModelChoiceField(label=_("Edition attended"), queryset=Occurrence.objects.none(), required=False)

    def __init__(self, *args, program, **kwargs):
        super().__init__(*args, **kwargs)
        entries = AlumniEntry.objects.filter(program=program)
        codes = sorted(set(entries.values_list("country", flat=True)), key=lambda c: str(country_name(c)))
        self.fields["country"].choices = [("", _("All countries"))] + [(c, country_name(c)) for c in codes]
        editions = Occurrence.objects.filter(pk__in=entries.values("registration__occurrence")).order_by(
            "-start_date", "-pk"
        )
        self.fields["edition"].queryset = editions
        self.fields["edition"].empty_label = _("All editions")
        self.fields["q"].widget.attrs["class"] = "form-control"
        self.fields["country"].widget.attrs["class"] = self.fields["edition"].widget.attrs["class"] = "form-select"


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Message"),
        max_length=BODY_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 6, "class": "form-control"}),
        help_text=_("Your email address is not shown: the recipient replies through the portal."),
    )


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with this message? (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
    )
