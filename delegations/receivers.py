"""Remember at sign-in whether the official is a focal point, so the navigation can offer
"My delegations" without a query on every page (a grant made later shows from the next sign-in;
the invitation email links to the page directly)."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .selectors import focal_points_of

SESSION_KEY = "is_focal_point"


@receiver(user_logged_in, dispatch_uid="delegations.focal_point_flag")
def remember_focal_point(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_KEY] = focal_points_of(user).exists()
