"""Remember at sign-in whether the official acts for a local government (verified by the Online
Bureau), so the navigation offers "Applications" without a query on every page; and replace the
public pages' version when a call or an application changes (the occurrence page shows the places
left, and anonymous occurrence pages are cached whole)."""

from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from bureau.selectors import organizations_represented_by
from workshops.public_cache import public_pages_changed

from .models import OrganizationApplication, OrganizationCall

SESSION_KEY = "acts_for_organization"


@receiver(user_logged_in, dispatch_uid="applications.acts_for_organization_flag")
def remember_acts_for_organization(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_KEY] = organizations_represented_by(user).exists()


@receiver([post_save, post_delete], sender=OrganizationCall, dispatch_uid="applications.call_changed")
@receiver([post_save, post_delete], sender=OrganizationApplication, dispatch_uid="applications.application_changed")
def places_changed(sender, **kwargs):
    public_pages_changed()
