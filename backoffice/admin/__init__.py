"""The admin pages that bring several apps together. Each data app registers the admins of its
own models; the pages that combine an app's model with what the apps above it add are
registered here, once: nothing is unregistered and registered again."""

from . import agreements, occurrences, registrations  # noqa: F401
