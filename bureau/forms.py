from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from programs.models import Organization

from .models import ServiceRequest


class ServiceRequestForm(forms.ModelForm):
    class Meta:
        model = ServiceRequest
        fields = ["requesting_organization", "contact_email", "service", "subject", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requesting_organization"].queryset = Organization.objects.filter(
            country="KR", kind__in=[Organization.Kind.PROVINCE, Organization.Kind.CITY, Organization.Kind.INSTITUTE]
        )


class AdvanceForm(forms.Form):
    to_status = forms.ChoiceField(label=_("Next step"), choices=ServiceRequest.Status.choices)
    department = forms.ModelChoiceField(label=_("Department"), queryset=Organization.objects.all(), required=False)
    assignee = forms.ModelChoiceField(
        label=_("Staff member"), queryset=get_user_model().objects.filter(is_staff=True), required=False
    )
    response = forms.CharField(label=_("Response"), widget=forms.Textarea(attrs={"rows": 5}), required=False)
    note = forms.CharField(label=_("Internal note"), required=False)
