"""The page a speaker's private link opens: their materials for the occurrence, added or taken back."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from .models import Material
from .services import AftercareError
from .speakers import speaker_invitation_usable, speaker_material_add, speaker_material_remove
from .views import _file_response


class SpeakerMaterialForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=Material.Kind.choices)
    title = forms.CharField(label=gettext_lazy("Title"), max_length=300)
    file = forms.FileField(
        label=gettext_lazy("File"),
        required=False,
        help_text=gettext_lazy("PDF, PowerPoint, Word, Hangul, Excel, OpenDocument or text; at most 30 MB."),
    )
    url = forms.URLField(
        label=gettext_lazy("Link"),
        required=False,
        assume_scheme="https",
        help_text=gettext_lazy("Or a link instead of a file."),
    )


def _invalid(request):
    return render(request, "aftercare/speaker_link_invalid.html", status=404)


@require_http_methods(["GET", "POST"])
def speaker_materials(request, token):
    invitation = speaker_invitation_usable(token)
    if invitation is None:
        return _invalid(request)
    error = None
    form = SpeakerMaterialForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            material = speaker_material_add(
                invitation=invitation, kind=data["kind"], title=data["title"], upload=data["file"], url=data["url"]
            )
        except AftercareError as refused:
            error = refused.message
        else:
            messages.success(request, _("“%(title)s” is added.") % {"title": material.title})
            return redirect("aftercare:speaker_materials", token=token)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "aftercare/speaker_materials.html",
        {
            "invitation": invitation,
            "occurrence": invitation.occurrence,
            "materials": list(invitation.materials.all()),
            "form": form,
            "error": error,
        },
        status=status,
    )


@require_POST
def speaker_material_remove_view(request, token, pk):
    invitation = speaker_invitation_usable(token)
    if invitation is None:
        return _invalid(request)
    try:
        speaker_material_remove(invitation=invitation, material_id=pk)
    except AftercareError as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("The material is removed."))
    return redirect("aftercare:speaker_materials", token=token)


def speaker_material_download(request, token, pk):
    invitation = speaker_invitation_usable(token)
    if invitation is None:
        return _invalid(request)
    material = get_object_or_404(invitation.materials, pk=pk)
    if material.url:
        return redirect(material.url)
    extension = material.file.name.rsplit(".", 1)[-1]
    return _file_response(material.file, filename=f"material-{material.pk}.{extension}", as_attachment=True)
