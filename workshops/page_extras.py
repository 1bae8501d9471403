"""Apps above workshops add what they own to the occurrence page (aftercare: materials and photos).

Each entry is a function of (request, occurrence) returning HTML (marked safe) or "". They run on
every request, outside the cached fragments, so they may depend on who is reading; an app whose
rows change what an anonymous visitor sees replaces the public version when they change
(`public_cache.public_pages_changed`), since anonymous pages are cached whole.
"""

OCCURRENCE_PAGE_EXTRAS = []


def occurrence_page_extras(request, occurrence):
    return [html for extra in OCCURRENCE_PAGE_EXTRAS if (html := extra(request, occurrence))]
