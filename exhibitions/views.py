"""The public exhibition pages, the exhibit images, and the occurrence page's link to them."""

import mimetypes

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string

from workshops import public_cache

from .forms import ExhibitFilterForm
from .models import Exhibit
from .selectors import exhibition_countries, exhibition_for_page, exhibits_of, published_exhibitions_of


def occurrence_exhibitions(request, occurrence):
    """The occurrence page's section linking its published exhibitions (workshops.page_extras)."""
    exhibitions = published_exhibitions_of(occurrence)
    if not exhibitions:
        return ""
    return render_to_string("exhibitions/_occurrence_extras.html", {"exhibitions": exhibitions}, request=request)


def _groups(exhibits):
    """[(section, [exhibits])] in the exhibits' order (they come ordered by section)."""
    groups = []
    for exhibit in exhibits:
        if not groups or groups[-1][0].pk != exhibit.section_id:
            groups.append((exhibit.section, []))
        groups[-1][1].append(exhibit)
    return groups


@public_cache.cached_page()
def exhibition_detail(request, slug):
    exhibition = exhibition_for_page(slug=slug, user=request.user)
    sections = list(exhibition.sections.all())
    countries = exhibition_countries(exhibition=exhibition)
    form = ExhibitFilterForm(request.GET or None, sections=sections, countries=countries)
    section = country = None
    invalid = False
    if form.is_bound:
        if form.is_valid():
            section_pk, country = form.cleaned_data["section"], form.cleaned_data["country"] or None
            section = next((s for s in sections if s.pk == section_pk), None)
        else:
            # An unknown section or country (an old link, a typed address): say so, show everything.
            invalid = True
    exhibits = list(exhibits_of(exhibition=exhibition, section=section, country=country))
    for exhibit in exhibits:
        exhibit.exhibition = exhibition  # their links name the exhibition: no query each
    return render(
        request,
        "exhibitions/exhibition_detail.html",
        {
            "exhibition": exhibition,
            "occurrence": exhibition.occurrence,
            "sections": sections,
            "exhibitors": exhibition.exhibitors.select_related("organization"),
            "groups": _groups(exhibits),
            "count": len(exhibits),
            "form": form,
            "filtered": section is not None or country is not None,
            "invalid": invalid,
        },
        status=400 if invalid else 200,
    )


def _exhibit_for_page(request, slug, pk):
    exhibition = exhibition_for_page(slug=slug, user=request.user)
    exhibit = get_object_or_404(
        Exhibit.objects.select_related("section", "exhibitor__organization"), exhibition=exhibition, pk=pk
    )
    exhibit.exhibition = exhibition
    return exhibit


@public_cache.cached_page()
def exhibit_detail(request, slug, pk):
    exhibit = _exhibit_for_page(request, slug, pk)
    return render(
        request,
        "exhibitions/exhibit_detail.html",
        {"exhibit": exhibit, "exhibition": exhibit.exhibition, "occurrence": exhibit.exhibition.occurrence},
    )


def exhibit_image(request, slug, pk, size):
    exhibit = _exhibit_for_page(request, slug, pk)
    field = exhibit.thumbnail if size == "thumb" else exhibit.image
    if not field:
        raise Http404
    try:
        handle = field.storage.open(field.name, "rb")
    except OSError:
        raise Http404 from None
    response = FileResponse(handle, content_type=mimetypes.guess_type(field.name)[0] or "image/jpeg")
    # A preview of an unpublished exhibition is nobody else's to cache.
    response["Cache-Control"] = "public, max-age=3600" if exhibit.exhibition.is_published else "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
