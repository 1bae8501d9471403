from django.http import Http404
from django.shortcuts import get_object_or_404, render

from programs.models import Program

from . import selectors
from .models import Occurrence


def home(request):
    return render(
        request,
        "workshops/home.html",
        {
            "open_occurrences": selectors.occurrences_open_for_registration()[:12],
            "upcoming": selectors.occurrences_upcoming()[:12],
            "program_groups": selectors.programs_by_kind(),
        },
    )


def program_detail(request, slug):
    program = get_object_or_404(Program.objects.prefetch_related("hosts", "cost_shares"), slug=slug)
    return render(
        request,
        "workshops/program_detail.html",
        {"program": program, "occurrences": selectors.program_occurrences(program=program)},
    )


def occurrence_detail(request, slug):
    try:
        occurrence = selectors.occurrence_for_page(slug=slug)
    except Occurrence.DoesNotExist:
        raise Http404 from None
    return render(request, "workshops/occurrence_detail.html", {"occurrence": occurrence})
