"""How each language writes dates, times, money, country and language names, and people's names.

One home for what officials read in their own language's form: pages (template filters in
templatetags/formats.py), emails, exports and PDFs call these functions. Django's own locale
formats are the base; formats/conf/<lang>/formats.py (FORMAT_MODULE_PATH) override only what
they get wrong for this portal. Every function takes an optional `language` (a code of
settings.LANGUAGES) and otherwise uses the active one.
"""
