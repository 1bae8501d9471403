"""The occurrence page's materials and photos (workshops.page_extras), downloads and photo files
read through the storage after a permission check, and a participant's photo removal request."""

import mimetypes

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .models import Material, Photo
from .selectors import (
    material_readable,
    materials_for,
    occurrence_has_aftercare,
    occurrence_insider,
    occurrence_participant,
    photo_readable,
    photos_for,
)
from .services import AftercareError, photo_removal_request


def occurrence_materials_and_photos(request, occurrence):
    # Most occurrences have neither: known from the cache (under the public version, which every
    # change of a material or photo replaces), their signed-in page costs no query here.
    if not occurrence_has_aftercare(occurrence):
        return ""
    insider = occurrence_insider(request.user, occurrence)
    materials = list(materials_for(user=request.user, occurrence=occurrence, insider=insider))
    photos = list(photos_for(user=request.user, occurrence=occurrence, insider=insider))
    if not materials and not photos:
        return ""
    return render_to_string(
        "aftercare/_occurrence_extras.html",
        {
            "materials": materials,
            "photos": photos,
            "can_ask_removal": insider and occurrence_participant(request.user, occurrence),
        },
        request=request,
    )


def _file_response(field, *, filename, as_attachment):
    try:
        handle = field.storage.open(field.name, "rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    response = FileResponse(handle, as_attachment=as_attachment, filename=filename, content_type=content_type)
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def material_download(request, pk):
    material = get_object_or_404(Material.objects.select_related("occurrence"), pk=pk)
    if not material_readable(user=request.user, material=material):
        # Not a participant: say it plainly, and let a visitor who is not signed in sign in.
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return render(request, "aftercare/material_refused.html", {"material": material}, status=403)
    if material.url:
        return redirect(material.url)
    if not material.file:
        raise Http404
    extension = material.file.name.rsplit(".", 1)[-1]
    return _file_response(material.file, filename=f"material-{material.pk}.{extension}", as_attachment=True)


def photo_file(request, pk, size):
    photo = get_object_or_404(Photo.objects.select_related("occurrence"), pk=pk)
    if not photo_readable(user=request.user, photo=photo):
        raise Http404
    field = photo.thumbnail if size == "thumb" else photo.image
    if not field:
        raise Http404
    return _file_response(field, filename=f"photo-{photo.pk}.jpg", as_attachment=False)


@login_required
@require_http_methods(["GET", "POST"])
def photo_removal(request, pk):
    photo = get_object_or_404(Photo.objects.select_related("occurrence"), pk=pk, is_removed=False)
    if not photo_readable(user=request.user, photo=photo):
        raise Http404
    error = None
    if request.method == "POST":
        try:
            photo_removal_request(photo=photo, user=request.user, reason=request.POST.get("reason", ""))
        except AftercareError as exc:
            error = exc.message
        else:
            messages.success(
                request, _("Your request has been sent to the staff. The photo is taken down if it shows you.")
            )
            return redirect(photo.occurrence.get_absolute_url())
    return render(
        request,
        "aftercare/photo_removal.html",
        {"photo": photo, "error": error, "participant": occurrence_participant(request.user, photo.occurrence)},
        status=400 if error else 200,
    )
