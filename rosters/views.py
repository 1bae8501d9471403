"""Staff pages for roster exports: choose columns, download now or follow a background job."""

from itertools import groupby

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from jobs.selectors import job_for_owner_or_404
from jobs.storage import private_file_response
from participants.models import Hotel
from participants.selectors import registrations_missing_travel, registrations_visible_to
from programs.access import programs_visible_to
from workshops.selectors import occurrences_visible_to

from .exporters import get_exporter
from .forms import ExportForm
from .imports import import_job_confirm
from .models import ExportJob, ImportJob
from .renderers import CONTENT_TYPES
from .resources import delegate_list_template
from .selectors import column_set_for
from .services import column_set_save, roster_export


def download_response(job, fileobj):
    response = FileResponse(
        fileobj, as_attachment=True, filename=job.filename(), content_type=CONTENT_TYPES[job.format]
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _export_page(request, *, program, filters, subject, description):
    exporter = get_exporter("registrations")(
        user=request.user, filters=filters, language=request.user.preferred_language
    )
    columns = exporter.available_columns()
    saved = column_set_for(program=program, owner=request.user)
    initial = saved.columns if saved else [c.key for c in columns if c.default]
    form = ExportForm(request.POST or None, columns=columns, initial_columns=initial)
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data["columns"]
        if form.cleaned_data["save_columns"]:
            column_set_save(program=program, owner=request.user, columns=chosen)
        job, fileobj = roster_export(
            user=request.user,
            filters=filters,
            columns=chosen,
            fmt=form.cleaned_data["format"],
            description=description,
        )
        if fileobj is not None:
            return download_response(job, fileobj)
        return redirect("rosters:job_detail", pk=job.pk)
    return render(
        request,
        "rosters/export_form.html",
        {
            "form": form,
            "subject": subject,
            "row_count": exporter.count(),
            "title": _("Export roster"),
        },
    )


def _may_export(request):
    # add_exportjob is the right to export (programs/roles.py): program staff, not reviewers.
    if not request.user.has_perm("rosters.add_exportjob"):
        raise PermissionDenied


@staff_member_required
def export_occurrence(request, pk):
    _may_export(request)
    occurrence = get_object_or_404(occurrences_visible_to(request.user).select_related("program"), pk=pk)
    return _export_page(
        request,
        program=occurrence.program,
        filters={"occurrence": occurrence.pk},
        subject=occurrence.title,
        description=_("Occurrence: %(title)s") % {"title": occurrence.title},
    )


@staff_member_required
def export_program(request, pk):
    _may_export(request)
    program = get_object_or_404(programs_visible_to(request.user), pk=pk)
    return _export_page(
        request,
        program=program,
        filters={"program": program.pk},
        subject=program.name,
        description=_("Program: %(name)s") % {"name": program.name},
    )


def _job_for(request, pk):
    # Someone else's export is reported as missing, not as forbidden: its existence is private too.
    return job_for_owner_or_404(ExportJob.objects.select_related("owner"), user=request.user, pk=pk)


@staff_member_required
@require_GET
def job_detail(request, pk):
    job = _job_for(request, pk)
    return render(request, "rosters/job_detail.html", {"job": job, "title": _("Roster export")})


@staff_member_required
@require_GET
def job_download(request, pk):
    job = _job_for(request, pk)
    if job.is_expired:
        return render(request, "rosters/job_gone.html", {"job": job, "title": _("Export expired")}, status=410)
    if not job.is_downloadable:
        raise Http404(_("This export is not ready."))
    return private_file_response(job.file.name, filename=job.filename(), content_type=CONTENT_TYPES[job.format])


@staff_member_required
@require_GET
def import_template(request, fmt):
    if fmt not in CONTENT_TYPES:
        raise Http404
    response = FileResponse(
        delegate_list_template(fmt),
        as_attachment=True,
        filename=f"delegate-list-template.{fmt}",
        content_type=CONTENT_TYPES[fmt],
    )
    return response


LOGISTICS_LISTS = ("arrivals", "rooming", "dietary")


def _logistics_filters(request, occurrence):
    filters = {"occurrence": occurrence.pk}
    hotel = request.GET.get("hotel", "")
    if hotel.isdigit() and Hotel.objects.filter(pk=hotel, occurrence=occurrence).exists():
        filters["hotel"] = int(hotel)
    return filters


@staff_member_required
def logistics_list(request, pk, kind):
    """An arrivals, rooming or dietary list of one occurrence: on screen, grouped, and as XLSX or CSV
    through the same exporter, so the file holds exactly what the page shows."""
    if kind not in LOGISTICS_LISTS:
        raise Http404
    if not request.user.has_perm("participants.view_traveldetails"):
        raise PermissionDenied
    occurrence = get_object_or_404(occurrences_visible_to(request.user).select_related("program"), pk=pk)
    filters = _logistics_filters(request, occurrence)
    language = translation.get_language()
    exporter = get_exporter(kind)(user=request.user, filters=filters, language=language)
    if request.method == "POST":
        fmt = request.POST.get("format")
        if fmt not in ExportJob.Format.values:
            messages.error(request, _("Please choose XLSX or CSV."))
            return redirect(request.get_full_path())
        job, fileobj = roster_export(
            user=request.user,
            filters=filters,
            fmt=fmt,
            exporter=kind,
            language=language,
            description=f"{exporter.verbose_name}: {occurrence.title}",
        )
        if fileobj is not None:
            return download_response(job, fileobj)
        return redirect("rosters:job_detail", pk=job.pk)
    header = exporter.header()
    rows = list(exporter.rows())
    keys = [c.key for c in exporter.columns()]
    groups = [(None, rows)]
    if exporter.group_by:
        index = keys.index(exporter.group_by)
        groups = [(key, list(items)) for key, items in groupby(rows, key=lambda row: row[index])]
    pickup = keys.index("pickup_needed") if "pickup_needed" in keys else None
    yes = str(_("Yes"))
    groups = [
        {"key": key, "rows": items, "pickups": sum(1 for r in items if pickup is not None and r[pickup] == yes)}
        for key, items in groups
    ]
    missing = registrations_missing_travel(registrations_visible_to(request.user).filter(occurrence=occurrence))
    return render(
        request,
        "rosters/logistics_list.html",
        {
            "title": exporter.verbose_name,
            "occurrence": occurrence,
            "kind": kind,
            "header": header,
            "groups": groups,
            "row_count": len(rows),
            "hotels": occurrence.hotels.all() if kind == "rooming" else (),
            "hotel_filter": filters.get("hotel"),
            "missing_travel": missing.select_related("participant").order_by("participant__family_name"),
            "lists": [(name, get_exporter(name).verbose_name) for name in LOGISTICS_LISTS],
        },
    )


def _import_job_for(request, pk):
    return job_for_owner_or_404(ImportJob.objects.select_related("owner"), user=request.user, pk=pk)


@staff_member_required
def import_job_detail(request, pk):
    """The preview's progress, then its rows; with no refused row, the button that imports them."""
    job = _import_job_for(request, pk)
    if request.method == "POST":
        if not request.user.has_perm("participants.add_registration") or not job.is_confirmable:
            raise Http404
        import_job_confirm(job=job)
        return redirect("rosters:import_job_detail", pk=job.pk)
    return render(request, "rosters/import_job_detail.html", {"job": job, "title": _("Delegate-list import")})
