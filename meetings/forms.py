from django import forms
from django.utils.translation import gettext_lazy as _

from workshops.models import CountryQuota

from .models import Room
from .selectors import heads_of


class PartyChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.party_name


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.display_name


class RoomChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.capacity})" if obj.capacity else obj.name


class MeetingRequestForm(forms.Form):
    counterpart = PartyChoice(label=_("Meet with"), queryset=CountryQuota.objects.none())
    topic = forms.CharField(label=_("Topic"), max_length=300)
    wished_times = forms.CharField(
        label=_("Wished times"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example: 25 November, morning."),
    )
    head = PersonChoice(label=_("Head of your delegation"), queryset=CountryQuota.objects.none())
    attendees = forms.CharField(
        label=_("Other attendees"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, allocation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["counterpart"].queryset = (
            CountryQuota.objects.filter(occurrence_id=allocation.occurrence_id)
            .exclude(pk=allocation.pk)
            .select_related("organization")
            .order_by("country", "organization__name", "pk")
        )
        self.fields["head"].queryset = heads_of(allocation)


class MeetingScheduleForm(forms.Form):
    starts_at = forms.DateTimeField(
        label=_("Starts"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    )
    ends_at = forms.DateTimeField(
        label=_("Ends"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    )
    room = RoomChoice(label=_("Room"), queryset=Room.objects.none())
    counterpart_head = PersonChoice(label=_("Head of the requested delegation"), queryset=Room.objects.none())
    counterpart_attendees = forms.CharField(
        label=_("Other attendees of the requested delegation"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["room"].queryset = Room.objects.filter(occurrence_id=meeting.occurrence_id)
        self.fields["counterpart_head"].queryset = heads_of(meeting.counterpart)

    def clean(self):
        data = super().clean()
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", _("The meeting must end after it starts."))
        return data


class DeclineForm(forms.Form):
    reason = forms.CharField(label=_("Reason (optional)"), required=False, max_length=500)
