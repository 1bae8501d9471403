"""Reads of the public exhibition pages: one query each for the exhibition, its sections, its
exhibits (with section and exhibitor) and the countries to filter by, however many exhibits."""

from django.http import Http404
from django.utils import translation

from workshops.public_cache import remembered
from workshops.selectors import occurrences_visible_to

from .models import Exhibit, Exhibition, Exhibitor


def exhibition_manageable(user, exhibition):
    """Staff of the occurrence's program who may see exhibitions in the admin (they may preview)."""
    if not (user.is_authenticated and user.is_staff and user.has_perm("exhibitions.view_exhibition")):
        return False
    return occurrences_visible_to(user).filter(pk=exhibition.occurrence_id).exists()


def exhibition_for_page(*, slug, user):
    """The exhibition a visitor may read: published, or previewed by its staff; else Http404."""
    exhibition = Exhibition.objects.select_related("occurrence__program").filter(slug=slug).first()
    if exhibition is None or not (exhibition.is_published or exhibition_manageable(user, exhibition)):
        raise Http404
    return exhibition


def exhibits_of(*, exhibition, section=None, country=None):
    exhibits = Exhibit.objects.filter(exhibition=exhibition).select_related("section", "exhibitor__organization")
    if section is not None:
        exhibits = exhibits.filter(section=section)
    if country:
        exhibits = exhibits.filter(exhibitor__country=country)
    return exhibits.order_by("section__order", "section_id", "order", "pk")


def exhibition_countries(*, exhibition):
    """The exhibitors' countries that have an exhibit here (codes, sorted)."""
    codes = (
        Exhibitor.objects.filter(exhibition=exhibition, exhibits__isnull=False)
        .exclude(country="")
        .values_list("country", flat=True)
        .distinct()
    )
    return sorted(codes)


def published_exhibitions_of(occurrence):
    """[(url, title)] of the occurrence's published exhibitions in the active language, remembered
    under the public version (every exhibitions change replaces it): a page that has none costs no query."""

    def found():
        exhibitions = Exhibition.objects.filter(occurrence=occurrence, is_published=True)
        return [
            (exhibition.get_absolute_url(), exhibition.title) for exhibition in exhibitions.order_by("start_date", "pk")
        ]

    return remembered(f"exhibitions-of:{translation.get_language()}:{occurrence.pk}", found)
