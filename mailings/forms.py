import uuid

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .services import FALLBACK_LANGUAGE, cohort_message_problems

# English first: it is the one every message needs (the fallback).
LANGUAGES = sorted(settings.LANGUAGES, key=lambda pair: pair[0] != FALLBACK_LANGUAGE)


class ComposeForm(forms.Form):
    token = forms.UUIDField(widget=forms.HiddenInput)
    registrations = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.languages = []
        for code, name in LANGUAGES:
            subject = forms.CharField(label=_("Subject"), required=False, max_length=200)
            body = forms.CharField(label=_("Message"), required=False, widget=forms.Textarea(attrs={"rows": 8}))
            subject.widget.attrs["lang"] = body.widget.attrs["lang"] = code
            self.fields[f"subject_{code}"] = subject
            self.fields[f"body_{code}"] = body
            self.languages.append((code, name, self[f"subject_{code}"], self[f"body_{code}"]))

    @staticmethod
    def initial_for(registration_ids):
        return {"token": uuid.uuid4(), "registrations": ",".join(str(pk) for pk in registration_ids)}

    def clean_registrations(self):
        value = self.cleaned_data["registrations"]
        try:
            ids = [int(pk) for pk in value.split(",") if pk.strip()]
        except ValueError:
            ids = None
        if ids is None or any(not 0 < pk < 2**63 for pk in ids):
            raise forms.ValidationError(_("The selection of registrations is not valid."))
        return ids

    def texts(self):
        data = self.cleaned_data
        return {
            code: {"subject": data.get(f"subject_{code}", ""), "body": data.get(f"body_{code}", "")}
            for code, _name in LANGUAGES
            if data.get(f"subject_{code}") or data.get(f"body_{code}")
        }

    def clean(self):
        cleaned = super().clean()
        for language, messages in cohort_message_problems(texts=self.texts()).items():
            for message in messages:
                self.add_error(f"body_{language}" if language else None, message)
        return cleaned
