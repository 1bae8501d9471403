"""Staff's side of travel and accommodation: hotels with their rooms, and each official's travel
details with the room staff assign (participants.services.travel_room_assign)."""

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from programs.access import OrganizationScopedAdmin
from workshops.selectors import occurrences_visible_to

from .errors import RegistrationError
from .models import Hotel, Room, TravelDetails
from .self_service import TRAVEL_FIELDS
from .services import travel_room_assign, travel_room_refusal


class RoomInline(admin.TabularInline):
    model = Room
    extra = 3


@admin.register(Hotel)
class HotelAdmin(OrganizationScopedAdmin, admin.ModelAdmin):
    list_display = ("name", "occurrence", "address", "phone")
    list_filter = (("occurrence", admin.RelatedOnlyFieldListFilter),)
    search_fields = ("name", "address")
    list_select_related = ("occurrence",)
    inlines = [RoomInline]

    def scoped_queryset(self, request, queryset):
        return queryset.filter(occurrence__in=occurrences_visible_to(request.user).values("pk"))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "occurrence" and not request.user.is_superuser:
            kwargs["queryset"] = occurrences_visible_to(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class TravelDetailsAdminForm(forms.ModelForm):
    class Meta:
        model = TravelDetails
        fields = ["room", *TRAVEL_FIELDS]

    def clean_room(self):
        room = self.cleaned_data.get("room")
        if room is not None and self.instance.pk:
            refusal = travel_room_refusal(travel=self.instance, room=room)
            if refusal:
                raise forms.ValidationError(refusal)
        return room


@admin.register(TravelDetails)
class TravelDetailsAdmin(OrganizationScopedAdmin, admin.ModelAdmin):
    form = TravelDetailsAdminForm
    list_display = (
        "registration",
        "arrival_date",
        "arrival_time",
        "arrival_number",
        "pickup_needed",
        "departure_date",
        "accommodation",
        "room",
    )
    list_filter = (("registration__occurrence", admin.RelatedOnlyFieldListFilter), "pickup_needed", "accommodation")
    search_fields = (
        "registration__participant__family_name",
        "registration__participant__given_name",
        "registration__participant__family_name_native",
        "registration__participant__given_name_native",
        "arrival_number",
    )
    list_select_related = ("registration__participant", "registration__occurrence", "room__hotel")
    readonly_fields = ("registration",)
    date_hierarchy = "arrival_date"

    def scoped_queryset(self, request, queryset):
        return queryset.filter(registration__occurrence__in=occurrences_visible_to(request.user).values("pk"))

    def has_add_permission(self, request):
        # Officials send their travel details on "My registrations"; staff correct and assign rooms.
        return False

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if obj is not None and "room" in form.base_fields:
            form.base_fields["room"].queryset = Room.objects.filter(
                hotel__occurrence_id=obj.registration.occurrence_id
            ).select_related("hotel")
        return form

    def save_model(self, request, obj, form, change):
        room_changed = change and "room" in form.changed_data
        room = obj.room
        if room_changed:
            obj.room_id = form.initial.get("room")  # the service sets it, under the room's lock
        super().save_model(request, obj, form, change)
        if room_changed:
            try:
                travel_room_assign(travel=obj, room=room)
            except RegistrationError as error:
                self.message_user(
                    request, _("The room was not changed. %(reason)s") % {"reason": error.message}, messages.ERROR
                )


class TravelDetailsInline(admin.StackedInline):
    """The official's travel details on the registration page, read-only: rooms are assigned on the
    travel details page, where the room rule is checked (travel_room_assign)."""

    model = TravelDetails
    extra = 0
    max_num = 1
    can_delete = False
    fields = (
        ("arrival_date", "arrival_time", "arrival_number", "arrival_place", "pickup_needed"),
        ("departure_date", "departure_time", "departure_number", "departure_place"),
        ("accommodation", "room"),
        ("emergency_name", "emergency_relation", "emergency_phone"),
        ("diet", "diet_notes", "accessibility_needs"),
        "notes",
    )
    readonly_fields = TRAVEL_FIELDS + ("room",)
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False
