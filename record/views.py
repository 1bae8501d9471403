"""The public record: each program's history and the participation statistics, with no personal data."""

import io

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django_countries import countries

from formats.dates import year_only
from formats.languages import country_name
from jobs.storage import private_file_response
from programs.models import Agreement, AgreementSignatory, DatePrecision
from rosters.exporters import get_exporter
from rosters.renderers import CONTENT_TYPES
from rosters.renderers import render as render_file
from workshops import public_cache
from workshops.editions import rotation_next_host
from workshops.models import Occurrence

from . import calendar as record_calendar
from . import charts, selectors
from .forms import PartnershipFilterForm
from .regions import region_countries


def _program_or_404(slug):
    return get_object_or_404(selectors.public_programs(), slug=slug) if slug else None


@require_GET
@public_cache.cached_page()
def index(request):
    return render(
        request,
        "record/index.html",
        {
            "programs": selectors.public_programs(),
            "countries": sorted(((str(code), name) for code, name in countries), key=lambda pair: pair[1]),
        },
    )


@require_GET
@public_cache.cached_page()
def history(request, slug):
    program = _program_or_404(slug)
    return render(
        request,
        "record/history.html",
        {
            "program": program,
            "occurrences": selectors.program_history(program=program),
            "rotation": [str(code) for code in program.rotation_countries],
            "next_host": rotation_next_host(program=program),
        },
    )


def _year_label(year):
    return year_only(year) if year else _("Year not stated")


@require_GET
@public_cache.cached_page()
def statistics(request, slug=None):
    program = _program_or_404(slug)
    rows = selectors.participation(program=program)
    countries = selectors.countries_of(rows)
    by_year = selectors.per_country_by_year(rows)
    occurrence_chart = charts.stacked_bars(
        title=_("Participants per occurrence"),
        rows=[
            (row.occurrence.title if program is None else row.occurrence.date_display, row.by_country) for row in rows
        ],
        series=countries,
    )
    year_chart = charts.stacked_bars(
        title=_("Participants per country and year"),
        rows=[(_year_label(year), figures) for year, figures in by_year.items()],
        series=countries,
    )
    return render(
        request,
        "record/statistics.html",
        {
            "program": program,
            "rows": rows,
            "countries": [(code, selectors.country_label(code)) for code in countries],
            "by_year": [
                (_year_label(year), [figures.get(code) for code in countries]) for year, figures in by_year.items()
            ],
            "occurrence_table": [(row, [row.by_country.get(code) for code in countries]) for row in rows],
            "occurrence_chart": occurrence_chart,
            "year_chart": year_chart,
            "small_count": selectors.SMALL_COUNT,
        },
    )


@require_GET
def statistics_download(request, fmt, slug=None):
    if fmt not in CONTENT_TYPES:
        raise Http404
    program = _program_or_404(slug)
    exporter = get_exporter("public_statistics")(
        user=None, filters={"program": program}, language=translation.get_language()
    )
    out = io.BytesIO()
    render_file(exporter, fmt, out, sheet_name=_("Participants")[:31])
    response = HttpResponse(out.getvalue(), content_type=CONTENT_TYPES[fmt])
    name = f"participants-{program.slug if program else 'all-programs'}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


PARTNERSHIPS_PER_PAGE = 25


@require_GET
def partnerships(request):
    form = PartnershipFilterForm(request.GET or None, agreements=selectors.public_agreements())
    agreements = selectors.public_agreements().none()
    if not form.is_bound:
        agreements = selectors.agreements_matching()
    elif form.is_valid():
        data = form.cleaned_data
        agreements = selectors.agreements_matching(
            q=data["q"].strip(),
            kind=data["kind"],
            country=data["country"],
            countries=region_countries(data["region"]) if data["region"] else (),
            organization=data["organization"],
            year=data["year"],
        )
    page_number = request.GET.get("page", "1")
    page = Paginator(agreements, PARTNERSHIPS_PER_PAGE).get_page(page_number if page_number.isdigit() else 1)
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "record/partnerships.html", {"form": form, "page_obj": page, "query": query.urlencode()})


@require_GET
def partnership_detail(request, slug):
    try:
        agreement = selectors.agreement_for_page(slug=slug)
    except Agreement.DoesNotExist:
        raise Http404 from None
    signatories = [s for s in agreement.signatories.all() if s.role == AgreementSignatory.Role.SIGNATORY]
    witnesses = [s for s in agreement.signatories.all() if s.role == AgreementSignatory.Role.WITNESS]
    return render(
        request,
        "record/partnership_detail.html",
        {"agreement": agreement, "signatories": signatories, "witnesses": witnesses},
    )


@require_GET
def partnership_document(request, slug):
    agreement = get_object_or_404(selectors.public_agreements(), slug=slug, document_is_public=True)
    return private_file_response(agreement.document.name, filename=agreement.document.name.split("/")[-1])


def _calendar_language(request):
    """?lang= chooses the feed's language (a calendar app sends no Accept-Language of the reader's)."""
    lang = request.GET.get("lang", "")
    codes = {code for code, _name in settings.LANGUAGES}
    return lang if lang in codes else translation.get_language()


def _calendar_response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
def calendar_feed(request, slug=None):
    program = _program_or_404(slug)
    country = request.GET.get("country", "").upper()
    if country and not countries.name(country):
        return HttpResponseBadRequest(_("Unknown country code."), content_type="text/plain; charset=utf-8")
    with translation.override(_calendar_language(request)):
        occurrences = record_calendar.calendar_occurrences(program=program, country=country or None)
        name = program.name if program else _("Exchange Portal: occurrences")
        if country:
            name = f"{name} ({country_name(country)})"
        content = record_calendar.calendar_bytes(occurrences, name=name)
    return _calendar_response(content, f"{slug or 'occurrences'}.ics")


@require_GET
def occurrence_calendar(request, slug):
    occurrence = get_object_or_404(
        Occurrence.objects.select_related("program"),
        slug=slug,
        date_precision=DatePrecision.DAY,
        start_date__isnull=False,
    )
    with translation.override(_calendar_language(request)):
        content = record_calendar.calendar_bytes([occurrence], name=occurrence.title)
    return _calendar_response(content, f"{occurrence.slug}.ics")
