"""Per-organization scoping for ModelAdmins (the rule itself lives in programs.access).

`scoped_queryset(request, qs)` narrows what a staff member sees; the object permissions
check the same queryset, so a direct URL to another organization's object is refused too.
"""


class ScopedChoices:
    """Foreign keys offer and accept only the rows the staff member could open in the admin.

    Without this an autocomplete or raw-id field validates against every row, so a posted id
    would attach an agenda item, a round or a contestant to another organization's data.
    """

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "queryset" not in kwargs and not request.user.is_superuser:
            related_admin = self.admin_site._registry.get(db_field.remote_field.model)
            if isinstance(related_admin, OrganizationScopedAdmin):
                kwargs["queryset"] = related_admin.get_queryset(request)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class OrganizationScopedAdmin(ScopedChoices):
    def scoped_queryset(self, request, queryset):
        raise NotImplementedError

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return self.scoped_queryset(request, queryset)

    def _in_scope(self, request, obj):
        if obj is None or request.user.is_superuser:
            return True
        return self.get_queryset(request).filter(pk=obj.pk).exists()

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._in_scope(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._in_scope(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._in_scope(request, obj)


class HistoryReadOnly:
    """History pages show past versions and never save one back.

    A revert writes every field of the old version, status and seat counters included, past
    participants.services: a withdrawn registration would hold a seat again, uncounted.
    """

    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        from django.core.exceptions import PermissionDenied

        # simple_history saves a POSTed version without checking revert_disabled itself.
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)
