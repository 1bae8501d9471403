"""The admin pages that bring several apps together. Each data app registers the admins of its
own models; the pages that combine an app's model with what the apps above it add are
registered here, once: nothing is unregistered and registered again."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from . import agreements, alumni, occurrences, registrations  # noqa: F401

# The admin names itself for staff (its header, the browser tab and the login page);
# templates/admin/base_site.html adds the host organizations under the name.
admin.site.site_header = _("Exchange Portal — staff")
admin.site.site_title = _("Exchange Portal — staff")
