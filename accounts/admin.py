from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from programs.access import organizations_of

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ("email",)
    list_display = ("email", "first_name", "last_name", "organization", "is_staff", "is_active", "email_verified_at")
    list_filter = ("is_staff", "is_superuser", "is_active", "groups", "organization")
    search_fields = ("email", "first_name", "last_name")
    list_select_related = ("organization",)
    autocomplete_fields = ("organization",)
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "preferred_language", "organization")}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined", "email_verified_at")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "password1", "password2", "organization", "is_staff")}),
    )

    # A staff member given the right to manage users sees only their own organization's people,
    # may only place them in their organization (or one below it), and cannot hand out superuser.
    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(organization__in=organizations_of(request.user), is_superuser=False)

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if request.user.is_superuser:
            return readonly
        return (*readonly, "is_superuser", "user_permissions")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organization" and not request.user.is_superuser:
            kwargs["queryset"] = organizations_of(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups" and not request.user.is_superuser:
            # Only the cohort groups (cohorts/migrations/0002_staff_groups.py) can be handed out by staff.
            from django.contrib.auth.models import Group

            kwargs["queryset"] = Group.objects.filter(name__in=["Program staff", "Program reviewers"])
        return super().formfield_for_manytomany(db_field, request, **kwargs)
