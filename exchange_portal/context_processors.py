"""What every page's frame shows: the portal's host organizations and its contact."""

from django.conf import settings


def portal(request):
    return {
        "PORTAL_HOST_ORGANIZATIONS": settings.PORTAL_HOST_ORGANIZATIONS,
        "PORTAL_CONTACT_EMAIL": settings.PORTAL_CONTACT_EMAIL,
        "PORTAL_CONTACT_PHONE": settings.PORTAL_CONTACT_PHONE,
    }
