from django.contrib import admin

from .models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("template", "recipient", "language", "status", "attempts", "created_at", "sent_at")
    list_filter = ("status", "template", "language")
    search_fields = ("recipient", "key", "subject")
    readonly_fields = [f.name for f in Notification._meta.fields]

    def has_add_permission(self, request):
        return False
