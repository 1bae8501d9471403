"""The notice reports sends: the weekly staff digest."""

from django.contrib.auth import get_user_model

from notifications.registry import context_loader, notice_kinds

from .selectors import digest_for

notice_kinds("staff_digest", app="reports")


@context_loader("digest_user_id")
def _digest(digest_user_id):
    user = get_user_model().objects.get(pk=digest_user_id)
    return {"staff_user": user, **digest_for(user=user)}
