"""Exhibitions for tests: every visitor-facing text written in the five languages."""

from exhibitions.models import Exhibit, Exhibition, Exhibitor, Section

LANGS = ("en", "ko", "zh_hans", "zh_hant", "ja")


def texts(field, english, **others):
    values = {lang: others.get(lang, f"{english} [{lang}]") for lang in LANGS}
    values["en"] = english
    return {f"{field}_{lang}": value for lang, value in values.items()}


def exhibition(occurrence, *, slug="expo", published=True, **extra):
    return Exhibition.objects.create(
        occurrence=occurrence, slug=slug, is_published=published, **texts("title", "Innovation Expo"), **extra
    )


def section(exhibition, title, order=0):
    return Section.objects.create(exhibition=exhibition, order=order, **texts("title", title))


def exhibitor(exhibition, name, country, organization=None):
    return Exhibitor.objects.create(
        exhibition=exhibition, organization=organization, country=country, **(texts("name", name) if name else {})
    )


def exhibit(exhibition, section, title, exhibitor=None, **extra):
    return Exhibit.objects.create(
        exhibition=exhibition, section=section, exhibitor=exhibitor, **texts("title", title), **extra
    )
