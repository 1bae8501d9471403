from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """One email to one recipient: rendered when queued, sent at most once.

    The row is the outbox: it is written in the same transaction as the change that
    causes it, so a notice is never lost when the broker is down (the drain task picks
    up what was not delivered). The key is unique, and a sender commits a claim (status
    "sending") before talking to the mail server and "unconfirmed" before the message's
    final line, so a redelivered or duplicated task never sends a row that is sent or being
    sent. See notifications/services.py for what a killed worker leaves behind.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        # The message's final line is being written to the server; no answer recorded yet.
        # Left behind only by a dead worker, then resent by the drain (see services.py).
        UNCONFIRMED = "unconfirmed", _("Handed over, not confirmed")
        SENT = "sent", _("Sent")
        RETRYING = "retrying", _("Retrying")
        FAILED = "failed", _("Failed")

    key = models.CharField(_("idempotency key"), max_length=200, unique=True)
    template = models.CharField(_("template"), max_length=100)
    recipient = models.EmailField(_("recipient"))
    # Where the recipient's answer goes (e.g. the occurrence's organizers); empty: no Reply-To header.
    reply_to = models.EmailField(_("reply-to"), blank=True)
    language = models.CharField(_("language"), max_length=8)
    context = models.JSONField(_("context"), default=dict, blank=True)
    subject = models.CharField(_("subject"), max_length=300)
    body_text = models.TextField(_("plain-text body"))
    body_html = models.TextField(_("HTML body"), blank=True)
    # [{"cid", "filename", "content_type", "content" (base64)}], e.g. the check-in QR code.
    inline_images = models.JSONField(_("inline images"), default=list, blank=True)
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.QUEUED, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # When a retrying row is due; the drain re-publishes it if its retry task never arrives.
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["status", "updated_at"])]

    def __str__(self):
        return f"{self.template} → {self.recipient}"


class DrainRun(models.Model):
    """When the outbox drain last finished a run (a single row), for the outbox health view."""

    finished_at = models.DateTimeField(_("finished"))
    published = models.PositiveIntegerField(_("tasks published"), default=0)

    class Meta:
        verbose_name = _("outbox drain run")
        verbose_name_plural = _("outbox drain runs")

    def __str__(self):
        return f"{self.finished_at:%Y-%m-%d %H:%M:%S} ({self.published})"
