"""Remember at sign-in whether the official acts for a local government (verified by the Online
Bureau), so the navigation offers "Applications" without a query on every page."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from bureau.selectors import organizations_represented_by

SESSION_KEY = "acts_for_organization"


@receiver(user_logged_in, dispatch_uid="applications.acts_for_organization_flag")
def remember_acts_for_organization(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_KEY] = organizations_represented_by(user).exists()
