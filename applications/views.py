"""The applicant's pages: the form (for a local government the official is verified for), the
organization's applications and one application with its history; and the occurrence page's
paragraph that leads to the form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from bureau.selectors import organizations_represented_by
from workshops.public_cache import public_version

from . import selectors
from .forms import ApplicationForm
from .models import OrganizationApplication, OrganizationCall
from .receivers import SESSION_KEY
from .services import ApplicationError, application_submit, application_withdraw, withdrawal_refusal


def occurrence_call_extra(request, occurrence):
    """The occurrence page's box, in the register box's place, for an occurrence local governments
    apply for: who applies, the window, the places left, and the way in for this reader (the
    form; the organization's own application; or how to be verified). Anonymous readers all get
    the same box, so their page may be cached whole."""
    # Most occurrences take no applications: known from the cache (under the public pages' version,
    # which every change of a call or an application replaces), their page costs no query here.
    key = f"applications:has_call:{public_version()}:{occurrence.pk}"
    if cache.get(key) is False:
        return ""
    call = OrganizationCall.objects.filter(occurrence=occurrence).first()
    cache.set(key, call is not None, timeout=3600)
    if call is None:
        return ""
    call.occurrence = occurrence  # the page's row: is_open and the links need no query
    acts_for_organization = request.user.is_authenticated and request.session.get(SESSION_KEY, False)
    applied = []
    if acts_for_organization:
        applied = list(
            selectors.applications_of_user_organizations(request.user)
            .filter(call=call)
            .exclude(status=OrganizationApplication.Status.WITHDRAWN)
        )
    return render_to_string(
        "applications/_occurrence_call.html",
        {
            "call": call,
            "is_open": call.is_open(),
            "acts_for_organization": acts_for_organization,
            "applied": applied,
        },
        request=request,
    )


@login_required
def application_list(request):
    return render(
        request,
        "applications/application_list.html",
        {
            "applications": selectors.applications_of_user_organizations(request.user),
            "organizations": organizations_represented_by(request.user),
            "open_calls": selectors.calls_open(),
        },
    )


def _page_refusal(call, organizations):
    """What stops every application from this official before anything is typed (the service
    checks these again under the lock, with the rules that depend on the organization chosen)."""
    if not call.is_open():
        return _("Applications for this occurrence are not open.")
    if not organizations.exists():
        return _(
            "Only an official whom the Online Bureau verified for a local government can apply. "
            "Ask for it on the Online Bureau's page; staff confirm it."
        )
    if call.places_taken >= call.places:
        return _("All %(places)s places are taken. Write to the organizers if you would like them to add places.") % {
            "places": call.places
        }
    return None


@login_required
def application_create(request, slug):
    call = get_object_or_404(OrganizationCall.objects.select_related("occurrence__program"), occurrence__slug=slug)
    organizations = organizations_represented_by(request.user)
    form = ApplicationForm(
        request.POST or None,
        organizations=organizations,
        initial={
            "contact_email": request.user.email,
            "contact_name": request.user.get_full_name(),
            "organization": organizations.first() if organizations.count() == 1 else None,
        },
    )
    # A posted form always goes to the service, which checks every rule under the lock: a refusal
    # (the last place taken meanwhile) is shown above the form with everything typed kept.
    refusal = _page_refusal(call, organizations) if request.method != "POST" else None
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            application = application_submit(call=call, user=request.user, **data)
        except ApplicationError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request,
                _("%(organization)s has applied. GAOK's staff will review the application and write to you.")
                % {"organization": application.organization},
            )
            return redirect("applications:detail", pk=application.pk)
    return render(
        request,
        "applications/application_form.html",
        {"call": call, "occurrence": call.occurrence, "form": form, "refusal": refusal},
    )


@login_required
def application_detail(request, pk):
    application = selectors.application_for_user(request.user, pk)
    if application is None:
        raise Http404
    return render(
        request,
        "applications/application_detail.html",
        {
            "application": application,
            "can_withdraw": withdrawal_refusal(application=application, user=request.user) is None,
        },
    )


@login_required
def application_withdraw_view(request, pk):
    """GET asks for confirmation; POST withdraws. A refusal (staff decided meanwhile, or already
    withdrawn) comes back as a message on the application's page."""
    application = selectors.application_for_user(request.user, pk)
    if application is None:
        raise Http404
    refusal = withdrawal_refusal(application=application, user=request.user)
    if request.method == "POST" and refusal is None:
        try:
            application_withdraw(application=application, by=request.user)
        except ApplicationError as exc:
            refusal = exc.message
        else:
            messages.success(
                request,
                _("The application of %(organization)s is withdrawn; its place is free for another local government.")
                % {"organization": application.organization},
            )
            return redirect("applications:detail", pk=application.pk)
    if refusal:
        messages.error(request, refusal)
        return redirect("applications:detail", pk=application.pk)
    return render(request, "applications/withdraw_confirm.html", {"application": application})
