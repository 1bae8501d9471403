"""The public pages. Their expensive parts are template fragments cached per language and per
public version (workshops/public_cache.py); querysets reach the templates unevaluated, so a cached
fragment costs no query."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from programs.models import Program

from . import public_cache, selectors
from .models import Occurrence
from .page_extras import occurrence_page_extras, occurrence_register_alternative
from .program_links import program_links

EDITIONS_PER_PAGE = 50


@public_cache.cached_page(until=public_cache.next_registration_change)
def home(request):
    now = timezone.now()
    today = timezone.localdate(now)
    # Callables: the template calls them only when its fragment is not cached.
    return render(
        request,
        "workshops/home.html",
        {
            "open_occurrences": lambda: selectors.occurrences_open_for_registration(now=now)[:12],
            "upcoming": lambda: selectors.occurrences_upcoming(today=today)[:12],
            "program_groups": selectors.programs_by_kind,
            "today": today.isoformat(),
            "public_cache": public_cache.fragment_context(until=public_cache.next_registration_change),
        },
    )


def _page_number(request):
    number = request.GET.get("page", "1")
    return number if number.isdigit() and len(number) < 7 else "1"


@public_cache.cached_page()
def program_detail(request, slug):
    program = get_object_or_404(Program, slug=slug)
    page_number = _page_number(request)

    def editions():
        paginator = Paginator(selectors.program_occurrences(program=program), EDITIONS_PER_PAGE)
        return paginator.get_page(page_number)

    return render(
        request,
        "workshops/program_detail.html",
        {
            "program": program,
            "program_links": program_links(program),
            "editions": SimpleLazyObject(editions),
            "page_number": page_number,
            "public_cache": public_cache.fragment_context(),
        },
    )


# Whether registration (or an app's call, such as applications by organizations) is open shows
# in the register box: the page lives until that changes.
@public_cache.cached_page(until=public_cache.next_occurrence_page_change)
def occurrence_detail(request, slug):
    # The register box (seats left, whether registration is open, the visitor's own registration)
    # is drawn from this row on every request; the rest comes from cached fragments, which load
    # the prefetched occurrence only when they are not cached.
    occurrence = get_object_or_404(Occurrence.objects.select_related("program"), slug=slug)

    def page():
        try:
            return selectors.occurrence_for_page(slug=slug)
        except Occurrence.DoesNotExist:
            raise Http404 from None

    return render(
        request,
        "workshops/occurrence_detail.html",
        {
            "occurrence": occurrence,
            "page": SimpleLazyObject(page),
            "public_cache": public_cache.fragment_context(),
            "register_alternative": occurrence_register_alternative(request, occurrence),
            "extras": occurrence_page_extras(request, occurrence),
        },
    )
