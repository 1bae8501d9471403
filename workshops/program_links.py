"""Links an app above adds to a program's public page (the Online Bureau's "file a request").

`PROGRAM_PAGE_LINKS[slug]` is a list of (label, url name) pairs, filled from the app's
`AppConfig.ready()`, so this layer links to a higher app's page without importing it.
"""

from django.urls import reverse

PROGRAM_PAGE_LINKS = {}


def program_page_link(slug, label, url_name):
    PROGRAM_PAGE_LINKS.setdefault(slug, []).append((label, url_name))


def program_links(program):
    return [{"label": label, "url": reverse(name)} for label, name in PROGRAM_PAGE_LINKS.get(program.slug, [])]
