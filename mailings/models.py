"""A message staff write to a cohort, and one row per registration it went to (the log)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from participants.models import Registration


class CohortMessage(models.Model):
    # One token per compose form: submitting the same form twice finds this row and sends nothing more.
    token = models.UUIDField(_("form token"), unique=True, editable=False)
    # {"en": {"subject": ..., "body": ...}, "ko": {...}}: the texts as staff wrote them, placeholders included.
    texts = models.JSONField(_("texts"), default=dict)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("written by"), null=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    recipient_count = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("message to officials")
        verbose_name_plural = _("messages to officials")

    def __str__(self):
        return (self.texts.get("en") or {}).get("subject", "") or str(self.pk)


class CohortMessageRecipient(models.Model):
    """The message as one registration's official received it: their language, placeholders filled."""

    message = models.ForeignKey(
        CohortMessage, verbose_name=_("message"), on_delete=models.CASCADE, related_name="recipients"
    )
    registration = models.ForeignKey(
        Registration, verbose_name=_("registration"), on_delete=models.CASCADE, related_name="cohort_messages"
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("message"))
    reply_to = models.EmailField(_("reply-to"), blank=True)
    notification_key = models.CharField(_("notification key"), max_length=200, unique=True)

    class Meta:
        ordering = ["-message__created_at", "-id"]
        verbose_name = _("message sent")
        verbose_name_plural = _("messages sent")
        constraints = [
            models.UniqueConstraint(fields=["message", "registration"], name="cohort_message_once_per_registration")
        ]

    def __str__(self):
        return self.subject
