"""Reads of the messages sent: an official's own, and the delivery status staff see."""

from notifications.models import Notification

from .models import CohortMessageRecipient


def messages_of_registration(registration):
    return CohortMessageRecipient.objects.filter(registration=registration).select_related("message")


def registration_messages_extra(registration):
    """For the official's registration page (participants.self_service.REGISTRATION_PAGE_EXTRAS)."""
    return {"organizer_messages": list(messages_of_registration(registration))}


def delivery_statuses(keys):
    """{notification key: status label} for the outbox rows of these keys."""
    rows = Notification.objects.filter(key__in=list(keys)).values_list("key", "status")
    return {key: Notification.Status(status).label for key, status in rows}
