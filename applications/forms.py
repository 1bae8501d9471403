from django import forms
from django.utils.translation import gettext_lazy as _

from .models import OrganizationApplication


class ApplicationForm(forms.ModelForm):
    """The fixed form of an application by an organization. The organization is chosen only
    among those the Online Bureau verified the official for: another id is an invalid choice."""

    class Meta:
        model = OrganizationApplication
        fields = [
            "organization",
            "contact_name",
            "contact_email",
            "contact_phone",
            "needs",
            "preferred_dates",
            "attendees",
        ]
        widgets = {"needs": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "needs": _("The topic you would like, and what your officials need."),
            "preferred_dates": _("For example: the second half of May, or 12 or 19 June."),
        }

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
