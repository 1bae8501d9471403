from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from .forms import ServiceRequestForm
from .models import ServiceRequest
from .services import service_request_submit


@login_required
def request_list(request):
    requests = ServiceRequest.objects.filter(requested_by=request.user).select_related("requesting_organization")
    return render(request, "bureau/request_list.html", {"service_requests": requests})


@login_required
def request_create(request):
    form = ServiceRequestForm(request.POST or None, initial={"contact_email": request.user.email})
    if request.method == "POST" and form.is_valid():
        service_request = service_request_submit(
            requested_by=request.user,
            **{
                "organization": form.cleaned_data["requesting_organization"],
                **{k: form.cleaned_data[k] for k in ("contact_email", "service", "subject", "body")},
            },
        )
        messages.success(
            request, _("Your request %(reference)s has been received.") % {"reference": service_request.reference}
        )
        return redirect("bureau:request_detail", reference=service_request.reference)
    return render(request, "bureau/request_form.html", {"form": form})


@login_required
def request_detail(request, reference):
    service_request = get_object_or_404(
        ServiceRequest.objects.select_related("requesting_organization").prefetch_related("events"),
        reference=reference,
        requested_by=request.user,
    )
    return render(request, "bureau/request_detail.html", {"service_request": service_request})
