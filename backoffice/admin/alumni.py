"""The alumni directory as staff see it (aftercare), with "Write to the selected alumni": the same
compose, preview and send pages as writing to a cohort (mailings), to the registrations the
selected alumni attended, within the staff member's reach on the registration page."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from aftercare.admin import AlumniEntryAdminBase
from aftercare.models import AlumniEntry
from participants.models import Registration


@admin.register(AlumniEntry)
class AlumniEntryAdmin(AlumniEntryAdminBase):
    actions = ["write_to_alumni"]

    def has_write_to_alumni_permission(self, request):
        return self._registrations_admin().has_write_message_permission(request)

    def _registrations_admin(self):
        return self.admin_site._registry[Registration]

    @admin.action(description=_("Write to the selected alumni"), permissions=["write_to_alumni"])
    def write_to_alumni(self, request, queryset):
        registrations_admin = self._registrations_admin()
        registrations = registrations_admin.get_queryset(request).filter(pk__in=queryset.values("registration_id"))
        if not registrations.exists():
            messages.warning(request, _("None of the selected alumni is within your programs."))
            return None
        return registrations_admin.write_message(request, registrations)
