from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from import_export.forms import ImportForm

from jobs.spreadsheet_limits import Limits, SpreadsheetRefused, SpreadsheetUnreadable, check_csv, check_xlsx

from .models import ExportJob
from .resources import header_problems


class ExportForm(forms.Form):
    format = forms.ChoiceField(label=_("Format"), choices=ExportJob.Format.choices, initial=ExportJob.Format.XLSX)
    columns = forms.MultipleChoiceField(label=_("Columns"), widget=forms.CheckboxSelectMultiple)
    save_columns = forms.BooleanField(label=_("Save these columns for this program's next exports"), required=False)

    def __init__(self, *args, columns, initial_columns, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["columns"]
        field.choices = [
            (c.key, _("%(column)s (personal)") % {"column": c.label} if c.personal else c.label) for c in columns
        ]
        field.initial = initial_columns
        self.order = [c.key for c in columns]

    def clean_columns(self):
        # Keep the roster's own column order whatever order the browser sent.
        chosen = set(self.cleaned_data["columns"])
        return [key for key in self.order if key in chosen]


class DelegateImportForm(ImportForm):
    """django-import-export's import form, which also refuses a file that is not a usable delegate list
    (empty, too large, unreadable, wrong columns) with a message instead of an error page."""

    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self._formats = formats

    def clean(self):
        cleaned = super().clean()
        upload, index = cleaned.get("import_file"), cleaned.get("format")
        if upload is None or index in (None, ""):
            return cleaned
        limit = getattr(settings, "ROSTERS_IMPORT_MAX_BYTES", 5 * 1024 * 1024)
        if upload.size == 0:
            self.add_error("import_file", _("The file is empty."))
            return cleaned
        if upload.size > limit:
            self.add_error(
                "import_file",
                _("The file is %(size)s MB; delegate lists may be at most %(limit)s MB.")
                % {"size": round(upload.size / 1024 / 1024, 1), "limit": round(limit / 1024 / 1024, 1)},
            )
            return cleaned
        input_format = self._formats[int(index)]()
        data = upload.read()
        upload.seek(0)
        try:  # the limits first: no parser reads a file past one (a zip bomb, a million rows)
            (check_xlsx if input_format.is_binary() else check_csv)(data, Limits.from_settings(max_bytes=limit))
        except SpreadsheetUnreadable:
            pass  # the parser below fails too, with the import's own wording
        except SpreadsheetRefused as refused:
            self.add_error("import_file", refused.message)
            return cleaned
        try:
            if not input_format.is_binary():
                data = data.decode("utf-8-sig")
            dataset = input_format.create_dataset(data)
        except Exception:  # noqa: BLE001 - any parser failure means the same thing to staff
            self.add_error(
                "import_file",
                _(
                    "This file cannot be read as %(format)s. Upload the delegate list as .xlsx or as UTF-8 .csv, "
                    "made from the template."
                )
                % {"format": input_format.get_title()},
            )
            return cleaned
        self.row_count, self.upload_bytes, self.format_name = len(dataset), data, input_format.get_title()
        problem = header_problems(dataset.headers or [])
        if problem:
            self.add_error("import_file", problem)
        elif not len(dataset):
            self.add_error("import_file", _("The file has the template's columns but no delegates."))
        return cleaned
