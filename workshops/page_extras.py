"""Apps above workshops add what they own to the occurrence page (aftercare: materials and photos).

Each entry is a function of (request, occurrence) returning HTML (marked safe) or "". They run on
every request, outside the cached fragments, so they may depend on who is reading; an app whose
rows change what an anonymous visitor sees replaces the public version when they change
(`public_cache.public_pages_changed`), since anonymous pages are cached whole.
"""

OCCURRENCE_PAGE_EXTRAS = []

# An occurrence that is applied for otherwise than by a person's registration (applications: by
# local governments) shows its own box in the register box's place, instead of "Registration is
# not open.". Same signature; the first non-empty answer wins.
OCCURRENCE_REGISTER_ALTERNATIVES = []


def occurrence_page_extras(request, occurrence):
    return [html for extra in OCCURRENCE_PAGE_EXTRAS if (html := extra(request, occurrence))]


def occurrence_register_alternative(request, occurrence):
    for alternative in OCCURRENCE_REGISTER_ALTERNATIVES:
        if html := alternative(request, occurrence):
            return html
    return ""
