"""Admin building blocks for writing to a cohort; backoffice composes them into the registration page.

- CohortMessageLogInline: the messages a registration's official was sent, with their delivery.
- WriteMessageMixin: the "Write to the selected officials" action and the compose -> preview ->
  send page (also reached from an occurrence's page for everyone holding a seat).
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .forms import ComposeForm
from .models import CohortMessage, CohortMessageRecipient
from .placeholders import PLACEHOLDERS
from .selectors import delivery_statuses
from .services import CohortMessageError, cohort_message_preview, cohort_message_send, recipients_of

WRITE_PERMISSION = "mailings.add_cohortmessage"


class CohortMessageLogInline(admin.TabularInline):
    model = CohortMessageRecipient
    verbose_name = _("message sent to this official")
    verbose_name_plural = _("messages sent to this official")
    extra = 0
    can_delete = False
    fields = ("sent_at", "subject", "body", "language", "sent_by", "delivery")
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("message__created_by")

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # One query for the delivery status of every row shown.
        keys = CohortMessageRecipient.objects.filter(registration=obj).values_list("notification_key", flat=True)
        self._statuses = delivery_statuses(keys) if obj is not None else {}
        return formset

    # The log is part of the registration: whoever may see the registration sees it; nobody edits it.
    def has_view_permission(self, request, obj=None):
        return True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("sent"))
    def sent_at(self, row):
        return date_format(timezone.localtime(row.message.created_at), "SHORT_DATETIME_FORMAT")

    @admin.display(description=_("written by"))
    def sent_by(self, row):
        return row.message.created_by or "—"

    @admin.display(description=_("delivery"))
    def delivery(self, row):
        return getattr(self, "_statuses", {}).get(row.notification_key, "—")


class WriteMessageMixin:
    """For the registration ModelAdmin: its get_queryset (the staff member's scope) picks the recipients."""

    def has_write_message_permission(self, request):
        return request.user.is_active and request.user.has_perm(WRITE_PERMISSION)

    def get_urls(self):
        return [
            path(
                "message/",
                self.admin_site.admin_view(self.write_message_view),
                name="participants_registration_message",
            ),
        ] + super().get_urls()

    @admin.action(description=_("Write to the selected officials"), permissions=["write_message"])
    def write_message(self, request, queryset):
        form = ComposeForm(initial=ComposeForm.initial_for(queryset.values_list("pk", flat=True)))
        return self._compose_page(request, form, list(queryset))

    def write_message_view(self, request):
        if not self.has_write_message_permission(request):
            raise PermissionDenied
        scope = self.get_queryset(request)
        if request.method != "POST":
            # From an occurrence's page: everyone holding a seat of it.
            occurrence = request.GET.get("occurrence", "")
            registrations = list(scope.filter(occurrence_id=occurrence).holding_seat()) if occurrence.isdigit() else []
            form = ComposeForm(initial=ComposeForm.initial_for(r.pk for r in registrations))
            return self._compose_page(request, form, registrations)
        form = ComposeForm(request.POST)
        valid = form.is_valid()
        # The recipients stay selected while staff correct the texts.
        registrations = list(scope.filter(pk__in=form.cleaned_data.get("registrations") or []))
        if not valid or "_edit" in request.POST:
            return self._compose_page(request, form, registrations, edit=True)
        try:
            if "_send" in request.POST:
                return self._send(request, form, registrations)
            previews = cohort_message_preview(texts=form.texts(), registrations=registrations)
        except CohortMessageError as error:
            form.add_error(None, error.message)
            return self._compose_page(request, form, registrations, edit=True)
        return self._compose_page(request, form, registrations, previews=previews)

    def _send(self, request, form, registrations):
        message, created = cohort_message_send(
            token=form.cleaned_data["token"], texts=form.texts(), registrations=registrations, by=request.user
        )
        if created:
            self.message_user(
                request,
                ngettext(
                    "Your message is being sent to %(count)s official. It is listed on the registration's page.",
                    "Your message is being sent to %(count)s officials. It is listed on each registration's page.",
                    message.recipient_count,
                )
                % {"count": message.recipient_count},
                messages.SUCCESS,
            )
        else:
            self.message_user(request, _("This message was sent already; it was not sent again."), messages.INFO)
        return redirect(reverse("admin:participants_registration_changelist"))

    def _compose_page(self, request, form, registrations, previews=None, edit=False):
        recipients = list(recipients_of(registrations))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Write to officials"),
            "form": form,
            "recipients": recipients[:20],
            "recipient_count": len(recipients),
            "occurrences": sorted({r.occurrence for r in recipients}, key=lambda o: o.pk),
            "placeholders": [("{" + name + "}", label) for name, label in PLACEHOLDERS.items()],
            "previews": previews,
            "action_url": reverse("admin:participants_registration_message"),
        }
        return TemplateResponse(request, "admin/mailings/compose.html", context)


@admin.register(CohortMessage)
class CohortMessageAdmin(admin.ModelAdmin):
    list_display = ("__str__", "created_by", "created_at", "recipient_count")
    readonly_fields = ("texts", "created_by", "created_at", "recipient_count")

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("created_by")
        return queryset if request.user.is_superuser else queryset.filter(created_by=request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
