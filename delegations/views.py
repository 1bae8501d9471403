"""The focal point's pages (their allocations, nominees, letters, substitutions) and the nominee's
invitation. Every id is looked up only among what the signed-in focal point was granted: any
other allocation or nomination is a 404."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from jobs.storage import private_file_response
from participants.forms import ProfileForm, RegistrationForm
from participants.models import Participant, Registration
from participants.self_service import participant_for_user

from .errors import DelegationError, InvitationInvalid
from .forms import LetterForm, NomineeAccountForm, NomineeForm, NomineeListForm
from .models import Nomination
from .nominee_list import ListError, nominee_list_read
from .selectors import allocation_nominations, allocations_of_focal_point
from .services import (
    nomination_from_token,
    nomination_letter_attach,
    nomination_register,
    nomination_substitute,
    nominations_create,
    nominee_account_create,
)


def _own_allocation(view):
    @wraps(view)
    @login_required
    def wrapper(request, pk, *args, **kwargs):
        allocation = allocations_of_focal_point(request.user).filter(pk=pk).first()
        if allocation is None:
            raise Http404
        return view(request, allocation, *args, **kwargs)

    return wrapper


def _own_nomination(allocation, nomination_pk):
    return get_object_or_404(
        Nomination.objects.select_related("allocation__occurrence"), pk=nomination_pk, allocation=allocation
    )


@login_required
def home(request):
    allocations = list(allocations_of_focal_point(request.user))
    return render(request, "delegations/home.html", {"allocations": allocations})


def _allocation_context(request, allocation, **forms):
    nominations = list(allocation_nominations(allocation))
    now = timezone.now()
    return {
        "allocation": allocation,
        "occurrence": allocation.occurrence,
        "current": [n for n in nominations if n.status == Nomination.Status.ACTIVE],
        "replaced": [n for n in nominations if n.status != Nomination.Status.ACTIVE],
        "seats_left": allocation.seats - allocation.seats_nominated,
        "can_nominate": allocation.nomination_deadline is None or now < allocation.nomination_deadline,
        "can_substitute": allocation.substitution_deadline is not None and now < allocation.substitution_deadline,
        "nominee_form": forms.get("nominee_form") or NomineeForm(prefix="one"),
        "list_form": forms.get("list_form") or NomineeListForm(prefix="list"),
        "list_errors": forms.get("list_errors") or [],
        "letter_form": LetterForm(),
        "status_labels": dict(Registration.Status.choices),
    }


@_own_allocation
def allocation_detail(request, allocation):
    return render(request, "delegations/allocation.html", _allocation_context(request, allocation))


@_own_allocation
@require_POST
def nominate(request, allocation):
    form = NomineeForm(request.POST, prefix="one")
    if form.is_valid():
        try:
            nominations_create(allocation=allocation, nominees=[form.cleaned_data], by=request.user)
        except DelegationError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request,
                _("%(name)s is nominated; the invitation is on its way to %(email)s.")
                % {
                    "name": f"{form.cleaned_data['family_name'].upper()} {form.cleaned_data['given_name']}",
                    "email": form.cleaned_data["email"],
                },
            )
            return redirect("delegations:allocation", pk=allocation.pk)
    return render(
        request, "delegations/allocation.html", _allocation_context(request, allocation, nominee_form=form), status=400
    )


@_own_allocation
@require_POST
def nominate_list(request, allocation):
    form = NomineeListForm(request.POST, request.FILES, prefix="list")
    errors = []
    if form.is_valid():
        try:
            nominees = nominee_list_read(form.cleaned_data["file"])
            for nominee in nominees:
                nominee["language"] = nominee["language"] or request.LANGUAGE_CODE
            created = nominations_create(allocation=allocation, nominees=nominees, by=request.user)
        except ListError as exc:
            errors = exc.messages
        except DelegationError as exc:
            errors = [exc.message]
        else:
            messages.success(
                request,
                ngettext("%(count)s official is nominated.", "%(count)s officials are nominated.", len(created))
                % {"count": len(created)},
            )
            return redirect("delegations:allocation", pk=allocation.pk)
    context = _allocation_context(request, allocation, list_form=form, list_errors=errors)
    return render(request, "delegations/allocation.html", context, status=400)


@_own_allocation
@require_POST
def letter_upload(request, allocation, nomination_pk):
    nomination = _own_nomination(allocation, nomination_pk)
    form = LetterForm(request.POST, request.FILES)
    try:
        nomination_letter_attach(nomination=nomination, upload=form.files.get("letter"), by=request.user)
    except DelegationError as exc:
        messages.error(request, f"{nomination.display_name}: {exc.message} " + _("Nothing was saved."))
    else:
        messages.success(
            request, _("The nomination letter of %(name)s is attached.") % {"name": nomination.display_name}
        )
    return redirect(reverse("delegations:allocation", kwargs={"pk": allocation.pk}) + f"#nomination-{nomination.pk}")


def letter_response(nomination):
    return private_file_response(
        nomination.letter.name, filename=f"nomination-letter-{nomination.pk}.pdf", content_type="application/pdf"
    )


@_own_allocation
def letter_download(request, allocation, nomination_pk):
    return letter_response(_own_nomination(allocation, nomination_pk))


@_own_allocation
def substitute(request, allocation, nomination_pk):
    nomination = _own_nomination(allocation, nomination_pk)
    form = NomineeForm(request.POST or None, prefix="sub")
    if request.method == "POST" and form.is_valid():
        try:
            new = nomination_substitute(nomination=nomination, substitute=form.cleaned_data, by=request.user)
        except DelegationError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request,
                _("%(new)s replaces %(old)s; the invitation is on its way.")
                % {"new": new.display_name, "old": nomination.display_name},
            )
            return redirect("delegations:allocation", pk=allocation.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "delegations/substitute.html",
        {"allocation": allocation, "occurrence": allocation.occurrence, "nomination": nomination, "form": form},
        status=status,
    )


# --- The nominee -------------------------------------------------------------------------


def invitation(request, token):
    """The link in the nominee's email: create the account for the nominated address (the email
    proves it), or log in with it, then complete the registration."""
    try:
        nomination = nomination_from_token(token)
    except InvitationInvalid as exc:
        return render(request, "delegations/invitation_invalid.html", {"reason": exc.message}, status=410)
    register_url = reverse("delegations:invitation_register", kwargs={"token": token})
    user = request.user
    if user.is_authenticated and user.email.lower() == nomination.email:
        return redirect(register_url)
    from django.contrib.auth import get_user_model

    has_account = get_user_model().objects.filter(email__iexact=nomination.email).exists()
    form = None
    if not user.is_authenticated and not has_account:
        form = NomineeAccountForm(request.POST or None, email=nomination.email)
        if request.method == "POST" and form.is_valid():
            try:
                new_user = nominee_account_create(nomination=nomination, password=form.cleaned_data["password1"])
            except DelegationError as exc:
                form.add_error(None, exc.message)
            else:
                login(request, new_user, backend="accounts.backends.CachedModelBackend")
                return redirect(register_url)
    context = {
        "nomination": nomination,
        "occurrence": nomination.allocation.occurrence,
        "form": form,
        "wrong_account": user.is_authenticated,
        "login_url": reverse("accounts:login") + f"?next={request.path}",
    }
    return render(
        request, "delegations/invitation.html", context, status=400 if form is not None and form.errors else 200
    )


@login_required
def invitation_register(request, token):
    try:
        nomination = nomination_from_token(token)
    except InvitationInvalid as exc:
        return render(request, "delegations/invitation_invalid.html", {"reason": exc.message}, status=410)
    if request.user.email.lower() != nomination.email:
        return redirect("delegations:invitation", token=token)
    occurrence = nomination.allocation.occurrence
    participant = participant_for_user(request.user)
    initial = {}
    if participant is None:
        initial = {
            "family_name": nomination.family_name,
            "given_name": nomination.given_name,
            "preferred_language": nomination.language,
        }
        if nomination.allocation.organization_id:
            initial["organization"] = nomination.allocation.organization_id
            initial["country"] = nomination.allocation.organization.country
        else:
            initial["country"] = nomination.allocation.country
    profile_form = ProfileForm(
        request.POST or None,
        instance=participant or Participant(email=request.user.email),
        prefix="profile",
        initial=initial,
    )
    form = RegistrationForm(request.POST or None, request.FILES or None, occurrence=occurrence)
    if request.method == "POST" and all([profile_form.is_valid(), form.is_valid()]):
        try:
            with transaction.atomic():
                registration = nomination_register(
                    token=token,
                    user=request.user,
                    profile=profile_form.cleaned_data,
                    answers=form.answers(),
                    uploads=form.uploads(),
                    consent=form.cleaned_data["consent"],
                )
        except DelegationError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request,
                _("Your registration is received. Staff will review it and email you the decision.")
                if registration.status == Registration.Status.SUBMITTED
                else _("You are registered: your place is confirmed."),
            )
            return redirect("participants:registration_detail", pk=registration.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "delegations/invitation_register.html",
        {"nomination": nomination, "occurrence": occurrence, "profile_form": profile_form, "form": form},
        status=status,
    )
