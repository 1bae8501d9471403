"""Who may see and manage what: the one home of the organization access rule.

A staff member reaches the programs their organization (or one under it) hosts or co-hosts;
superusers reach everything; staff with no organization reach nothing. The rule starts here
with `organizations_of` and `programs_visible_to`; the apps above build on it in their
selectors (`workshops.selectors.occurrences_visible_to`,
`participants.selectors.registrations_visible_to`), and every ModelAdmin applies it through
the mixins below, so a direct URL to another organization's object is refused too.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404

from .models import Agreement, Organization, Program


def organizations_of(user):
    """The user's organization and the organizations under it (an institute under its province)."""
    if not user.is_authenticated or user.organization_id is None:
        return Organization.objects.none()
    # The tree walk is remembered on the user object (request.user lives for one request), like
    # Django's own permission cache: an admin page asks several times (queryset, filters, app list).
    cached = getattr(user, "_organization_ids_cache", None)
    if cached is not None and cached[0] == user.organization_id:
        return Organization.objects.filter(pk__in=cached[1])
    ids, frontier = {user.organization_id}, [user.organization_id]
    while frontier:
        frontier = list(
            Organization.objects.filter(parent_id__in=frontier).exclude(pk__in=ids).values_list("pk", flat=True)
        )
        ids.update(frontier)
    user._organization_ids_cache = (user.organization_id, frozenset(ids))
    return Organization.objects.filter(pk__in=ids)


def programs_visible_to(user):
    if user.is_superuser:
        return Program.objects.all()
    return Program.objects.filter(hosts__in=organizations_of(user)).distinct()


def agreements_visible_to(user):
    """Agreements of a program the staff member reaches, or that their organizations are party to."""
    if user.is_superuser:
        return Agreement.objects.all()
    return Agreement.objects.filter(
        Q(program__in=programs_visible_to(user).values("pk")) | Q(parties__in=organizations_of(user))
    ).distinct()


# --- Admin mixins that apply the rule ---------------------------------------------------


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
    """A ModelAdmin whose rows a staff member sees, changes and deletes only within their reach.

    Subclasses say what "within reach" means for their model in `scoped_queryset`; the object
    permissions check the same queryset.
    """

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

    def history_view(self, request, object_id, extra_context=None):
        _readable_id_or_404(self.model, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # simple_history saves a POSTed version without checking revert_disabled itself.
        if request.method == "POST":
            raise PermissionDenied
        # simple_history looks both ids up as they come: "abc" would be a 500, not a 404.
        _readable_id_or_404(self.model, object_id)
        _readable_id_or_404(self.model.history.model, version_id)
        return super().history_form_view(request, object_id, version_id, extra_context)


def _readable_id_or_404(model, raw_id):
    """The primary key `raw_id` names, or Http404 when it cannot be one (as the admin's change page does)."""
    pk = model._meta.pk
    try:
        return pk.get_prep_value(pk.to_python(unquote(raw_id)))
    except (ValidationError, ValueError, TypeError) as error:
        raise Http404 from error
