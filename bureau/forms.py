from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from programs.models import Organization

from .models import ServiceRequest
from .services import ServiceRequestError, service_request_message


def local_governments():
    return Organization.objects.filter(
        country="KR", kind__in=[Organization.Kind.PROVINCE, Organization.Kind.CITY]
    ).order_by("name")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input; each is checked by bureau.attachments in the service."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


ATTACHMENTS_HELP = _("Up to 5 files of 10 MB each: PDF, images, Word, Excel, PowerPoint, Hangul (HWP) or text.")


class RequesterAskForm(forms.Form):
    organization = forms.ModelChoiceField(label=_("Local government"), queryset=Organization.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = local_governments()


class DateInput(forms.DateInput):
    input_type = "date"


class ServiceRequestForm(forms.ModelForm):
    attachments = MultipleFileField(label=_("Attachments"), help_text=ATTACHMENTS_HELP)

    class Meta:
        model = ServiceRequest
        fields = [
            "requesting_organization",
            "contact_email",
            "service",
            "subject",
            "body",
            "source_language",
            "target_language",
            "starts_on",
            "ends_on",
            "desired_deadline",
        ]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 6}),
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "desired_deadline": DateInput(),
        }
        help_texts = {
            "source_language": _("For interpretation and translation."),
            "starts_on": _("When the visit, event or interpretation takes place, if it has dates."),
        }

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["requesting_organization"]
        field.queryset = organizations
        if organizations.count() == 1:
            field.initial = organizations.first().pk

    def clean(self):
        data = super().clean()
        if data.get("service") == ServiceRequest.Service.TRANSLATION and not (
            data.get("source_language") and data.get("target_language")
        ):
            self.add_error("target_language", _("Name the languages to interpret or translate from and into."))
        return data


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    attachments = MultipleFileField(label=_("Attachments"), help_text=ATTACHMENTS_HELP)

    def send(self, *, request, author, from_staff=False):
        """Add the message to the request's conversation: the requester's page and the staff's admin both
        post through here. Returns the message, or None with the refusal shown on the form."""
        if not self.is_valid():
            return None
        try:
            return service_request_message(
                request=request,
                author=author,
                body=self.cleaned_data["body"],
                uploads=self.cleaned_data["attachments"],
                from_staff=from_staff,
                internal=self.cleaned_data.get("internal", False),
            )
        except ServiceRequestError as exc:
            self.add_error(None, exc.message)
            return None


class AdvanceForm(forms.Form):
    to_status = forms.ChoiceField(label=_("Next step"), choices=ServiceRequest.Status.choices)
    department = forms.ModelChoiceField(label=_("Department"), queryset=Organization.objects.all(), required=False)
    assignee = forms.ModelChoiceField(
        label=_("Staff member"), queryset=get_user_model().objects.filter(is_staff=True), required=False
    )
    response = forms.CharField(label=_("Response"), widget=forms.Textarea(attrs={"rows": 5}), required=False)
    note = forms.CharField(label=_("Internal note"), required=False)


class ReassignForm(forms.Form):
    department = forms.ModelChoiceField(label=_("Department"), queryset=Organization.objects.all())
    assignee = forms.ModelChoiceField(
        label=_("Staff member"), queryset=get_user_model().objects.filter(is_staff=True), required=False
    )


class StaffMessageForm(MessageForm):
    internal = forms.BooleanField(
        label=_("Internal note (never shown to the local government)"), required=False, initial=False
    )
