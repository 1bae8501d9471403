"""The requester's pages: the Bureau's home (verification, the organization's requests), the
request form, the tracking page with its conversation, and the permission-checked downloads."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors
from .forms import MessageForm, RequesterAskForm, ServiceRequestForm
from .models import Attachment, ServiceRequest
from .services import ServiceRequestError, requester_ask, service_request_submit
from .timeline import timeline


def request_list(request):
    context = {"service_requests": [], "links": [], "ask_form": None}
    if request.user.is_authenticated:
        context.update(
            service_requests=selectors.requests_visible_to_requester(request.user)
            .select_related("requesting_organization", "department")
            .order_by("-created_at"),
            links=list(selectors.requester_links(request.user)),
            ask_form=RequesterAskForm(),
            can_file=selectors.organizations_represented_by(request.user).exists(),
        )
    return render(request, "bureau/request_list.html", context)


@login_required
@require_POST
def requester_ask_view(request):
    form = RequesterAskForm(request.POST)
    if form.is_valid():
        try:
            link = requester_ask(user=request.user, organization=form.cleaned_data["organization"])
        except ServiceRequestError as exc:
            messages.error(request, exc.message)
        else:
            if link.is_verified:
                messages.success(
                    request, _("You can now file requests for %(organization)s.") % {"organization": link.organization}
                )
            else:
                messages.info(
                    request,
                    _("Bureau staff will confirm that you work for %(organization)s; you can file requests then.")
                    % {"organization": link.organization},
                )
    else:
        messages.error(request, _("Choose a Korean local government."))
    return redirect("bureau:request_list")


@login_required
def request_create(request):
    organizations = selectors.organizations_represented_by(request.user)
    if not organizations.exists():
        messages.info(request, _("First ask to act for your local government; staff confirm it."))
        return redirect("bureau:request_list")
    form = ServiceRequestForm(
        request.POST or None,
        request.FILES or None,
        organizations=organizations,
        initial={"contact_email": request.user.email},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            service_request = service_request_submit(
                requested_by=request.user,
                organization=data["requesting_organization"],
                uploads=data["attachments"],
                **{key: data[key] for key in ServiceRequestForm.Meta.fields if key != "requesting_organization"},
            )
        except ServiceRequestError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request, _("Your request %(reference)s has been received.") % {"reference": service_request.reference}
            )
            return redirect("bureau:request_detail", reference=service_request.reference)
    return render(request, "bureau/request_form.html", {"form": form})


def _own_request(request, reference):
    service_request = selectors.request_for_requester(request.user, reference)
    if service_request is None:
        raise Http404
    return service_request


@login_required
def request_detail(request, reference):
    service_request = _own_request(request, reference)
    form = MessageForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.send(request=service_request, author=request.user):
        messages.success(request, _("Your message has been sent to the Bureau."))
        return redirect("bureau:request_detail", reference=reference)
    context = {
        "service_request": service_request,
        "steps": timeline(service_request),
        "conversation": selectors.conversation(service_request, staff=False),
        "attachments": service_request.attachments.filter(message__isnull=True),
        "form": form,
    }
    return render(request, "bureau/request_detail.html", context)


@login_required
def attachment_download(request, pk):
    """The requesting organization's members and the Bureau staff who reach the request; 404 for anyone else."""
    attachment = get_object_or_404(Attachment.objects.select_related("message"), pk=pk)
    visible = selectors.requests_visible_to_requester(request.user).filter(pk=attachment.request_id)
    if attachment.message_id and attachment.message.internal:
        visible = ServiceRequest.objects.none()
    if request.user.is_staff:
        visible = visible | selectors.requests_visible_to_staff(request.user).filter(pk=attachment.request_id)
    if not visible.exists():
        raise Http404
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(handle, content_type=attachment.content_type, as_attachment=True, filename=attachment.name)
