"""Template filters for formats/: {% load formats %}, then

    {{ occurrence.start_date|date_long }}   {{ opens_at|datetime_tz }}   {{ start|date_range:end }}
    {{ amount|money }}   {{ "KR"|country_name }}   {{ program.languages|language_names }}
    {{ participant|display_name }}   {% greeting participant %}   {{ participant|name_lang }}

Each uses the active language (emails are rendered inside translation.override).
"""

from django import template
from django.utils.html import format_html

from formats import dates, languages, names

register = template.Library()

register.filter("date_long", dates.date_long)
register.filter("year_month", dates.year_month)
register.filter("datetime_tz", dates.datetime_tz)
register.filter("time_short", dates.time_short)
register.filter("money", languages.money)
register.filter("number", languages.number)
register.filter("country_name", languages.country_name)
register.filter("language_name", languages.language_name)
register.filter("language_names", languages.language_names)
register.filter("display_name", names.display_name)
register.filter("native_name", names.native_name)
register.filter("romanized_name", names.romanized_name)


@register.filter
def date_range(start, end):
    return dates.date_range(start, end)


@register.filter
def datetime_range(start, end):
    return dates.datetime_range(start, end)


@register.filter
def name_lang(person):
    return names.name_lang(person) or ""


@register.simple_tag
def greeting(person):
    return names.greeting(person)


@register.simple_tag
def lang_span(text, country=None):
    """A native-script text in a span carrying its language, so the browser picks the right font
    and line breaking inside a page of another language."""
    if not text:
        return ""
    lang = names.script_lang(text, country=country)
    if lang is None:
        return format_html('<span class="native-name">{}</span>', text)
    return format_html('<span class="native-name" lang="{}">{}</span>', lang, text)


@register.simple_tag
def font_stack():
    """The CSS font-family list for the active language (emails, which have no stylesheet)."""
    return languages.font_stack()


@register.filter
def html_lang(code):
    """A language code as a BCP 47 tag for lang attributes: "zh-hans" -> "zh-Hans"."""
    code = str(code or "")
    head, _sep, tail = code.partition("-")
    return f"{head}-{tail.title()}" if tail in {"hans", "hant"} else code
