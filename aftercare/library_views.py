"""/library/: the best-practice reports GAOK publishes, searchable and filtered, and their files."""

import mimetypes

from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render

from .library import LibrarySearchForm, library_search
from .models import BestPractice

PER_PAGE = 20


def library(request):
    form = LibrarySearchForm(request.GET or None)
    filters = {}
    invalid = form.is_bound and not form.is_valid()
    if form.is_bound and not invalid:
        filters = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
    reports = library_search(**filters) if not invalid else BestPractice.objects.none()
    number = request.GET.get("page", "1")
    page = Paginator(reports, PER_PAGE).get_page(number if number.isdigit() and len(number) < 7 else 1)
    return render(
        request,
        "aftercare/library.html",
        {"form": form, "page_obj": page, "reports": page.object_list, "invalid": invalid},
        status=400 if invalid else 200,
    )


def library_file(request, pk):
    report = get_object_or_404(BestPractice, pk=pk, is_published=True)
    if not report.file:
        raise Http404
    try:
        handle = report.file.storage.open(report.file.name, "rb")
    except OSError:
        raise Http404 from None
    extension = report.file.name.rsplit(".", 1)[-1]
    filename = f"report-{report.pk}.{extension}"
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)
