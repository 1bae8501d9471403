from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def _language_initial():
    return get_language() or "en"


class NomineeForm(forms.Form):
    family_name = forms.CharField(label=_("Family name"), max_length=100)
    given_name = forms.CharField(label=_("Given name"), max_length=100)
    email = forms.EmailField(label=_("Email"))
    language = forms.ChoiceField(label=_("Language for emails"), choices=settings.LANGUAGES, initial=_language_initial)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["family_name"].widget.attrs["autocomplete"] = "off"
        self.fields["email"].widget.attrs["autocomplete"] = "off"


class NomineeListForm(forms.Form):
    file = forms.FileField(
        label=_("List of nominees (CSV or XLSX)"),
        help_text=_("Columns: family_name, given_name, email, and optionally language (ko, en, zh-hans, zh-hant, ja)."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )


class LetterForm(forms.Form):
    letter = forms.FileField(
        label=_("Nomination letter (PDF)"), widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"})
    )


class NomineeAccountForm(forms.Form):
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 12 characters. A long phrase is easiest to remember; common passwords are refused."),
    )
    password2 = forms.CharField(
        label=_("Password again"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def __init__(self, *args, email, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            from django.contrib.auth import get_user_model

            try:
                password_validation.validate_password(first, get_user_model()(email=self.email))
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned
