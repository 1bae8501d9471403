from django.contrib import admin, messages
from django.db import transaction
from django.utils.text import Truncator
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from .health import outbox_health
from .models import Notification
from .services import notification_dispatch


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("template", "recipient", "language", "status", "attempts", "error", "created_at", "sent_at")
    list_filter = ("status", "template", "language")
    search_fields = ("recipient", "key", "subject")
    readonly_fields = [f.name for f in Notification._meta.fields]
    actions = ["send_again"]

    def has_add_permission(self, request):
        return False

    def changelist_view(self, request, extra_context=None):
        # The outbox's health above the list: is anything stuck, and does the drain run?
        return super().changelist_view(request, {"outbox_health": outbox_health(), **(extra_context or {})})

    @admin.display(description=_("last error"))
    def error(self, obj):
        # The portal's own note is stored untranslated (RESENT_NOTE); a server's reply is shown as it came.
        return Truncator(gettext(obj.last_error) if obj.last_error else "").chars(80)

    @admin.action(description=_("Send the selected failed notifications again"), permissions=["change"])
    def send_again(self, request, queryset):
        failed = list(queryset.filter(status=Notification.Status.FAILED).values_list("pk", flat=True))
        with transaction.atomic():
            Notification.objects.filter(pk__in=failed).update(status=Notification.Status.QUEUED, attempts=0)
            for pk in failed:
                transaction.on_commit(lambda pk=pk: notification_dispatch(notification_id=pk))
        self.message_user(
            request,
            ngettext("%(count)d notification queued again.", "%(count)d notifications queued again.", len(failed))
            % {"count": len(failed)},
            messages.SUCCESS,
        )
