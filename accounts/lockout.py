"""The name django-axes records a login attempt under (AXES_USERNAME_CALLABLE).

Django's login forms (ours and the admin's) hand any typed username to authenticate(), however
long; axes keeps it in a 255-character column. An address can be at most 254 characters, so a
longer one is cut there: the attempt is still counted against that name, and nothing answers 500.
"""

from django.conf import settings

MAX_LENGTH = 254


def attempt_username(request, credentials=None):
    field = settings.AXES_USERNAME_FORM_FIELD
    if credentials:
        username = credentials.get(field)
    else:
        username = getattr(request, "data", request.POST).get(field)
    return username[:MAX_LENGTH] if isinstance(username, str) else username
