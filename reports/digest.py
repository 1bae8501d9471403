"""The weekly staff digest: new registrations, waitlists and occurrences starting soon,
each staff member seeing only the programs their organization runs (programs/access.py)."""

from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.services import user_email_language
from notifications.services import notification_queue

from .selectors import digest_for


def digest_recipients():
    return get_user_model().objects.filter(is_active=True, is_staff=True).order_by("pk")


def digests_send_weekly(*, now=None):
    """Queue one digest per staff member and ISO week; a member with nothing to read gets none."""
    now = now or timezone.now()
    year, week, _day = timezone.localdate(now).isocalendar()
    queued = 0
    for user in digest_recipients():
        data = digest_for(user=user, now=now)
        if not (data["new_registrations"] or data["waitlists"] or data["starting_soon"]):
            continue
        notification_queue(
            key=f"digest:{user.pk}:{year}-W{week:02d}",
            template="staff_digest",
            recipient=user.email,
            language=user_email_language(user),
            context={"digest_user_id": user.pk},
        )
        queued += 1
    return queued
