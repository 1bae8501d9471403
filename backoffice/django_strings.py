"""Strings of Django's own admin templates that Django's catalog leaves untranslated in some of
our languages (zh-hans in Django 5.2): marked here so makemessages puts them in our catalog,
which takes precedence. Screen readers read these table headers of the admin's index page."""

from django.utils.translation import gettext_noop

DJANGO_ADMIN_STRINGS = (
    gettext_noop("Model name"),
    gettext_noop("Add link"),
    gettext_noop("Change or view list link"),
)
