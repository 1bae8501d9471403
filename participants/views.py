"""The official's side: profile, registration form, "My registrations", withdraw, calendar, follow-up."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from workshops.models import Occurrence
from workshops.public_cache import remembered

from . import self_service
from .answers import answer_file_response, registration_answers_editable, registration_answers_update
from .calendar import occurrence_has_calendar_dates, registration_ical
from .checkin_code import registration_checkin_qr_png
from .eligibility import program_eligibility, registration_precheck
from .errors import AlreadyRegistered, RegistrationError
from .form_models import AnswerFile
from .forms import PassportForm, ProfileForm, RegistrationForm, TravelDetailsForm
from .models import Participant, PassportDetails, Registration
from .page_cache import kept_per_official
from .questionnaire import answers_for_display
from .selectors import occurrence_categories
from .services import TRANSITIONS, registration_submit, registration_withdraw

S = Registration.Status
REGISTRATIONS_PER_PAGE = 20


def _own_registration(view):
    """Load the registration by pk only among the user's own; anyone else's is a 404."""

    @wraps(view)
    @login_required
    def wrapper(request, pk, *args, **kwargs):
        try:
            registration = self_service.registration_of_user(user=request.user, pk=pk)
        except Registration.DoesNotExist:
            raise Http404 from None
        return view(request, registration, *args, **kwargs)

    return wrapper


def _profile_initial(user, participant):
    if participant is None:
        return {"preferred_language": user.preferred_language}
    return {}


@login_required
def profile(request):
    participant = self_service.participant_for_user(request.user)
    form = ProfileForm(
        request.POST or None,
        instance=participant or Participant(email=request.user.email),
        initial=_profile_initial(request.user, participant),
    )
    if request.method == "POST" and form.is_valid():
        try:
            self_service.participant_profile_save(user=request.user, data=form.cleaned_data)
        except RegistrationError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Your profile is saved."))
            return redirect(request.GET.get("next") if _safe_next(request) else "participants:profile")
    return render(request, "participants/profile.html", {"form": form, "participant": participant})


def _safe_next(request):
    return url_has_allowed_host_and_scheme(
        request.GET.get("next", ""), allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def _submitted_message(registration):
    if registration.status == S.ACCEPTED:
        return messages.SUCCESS, _("You are registered: your place is confirmed.")
    if registration.status == S.WAITLISTED:
        last = registration.status_changes.order_by("-id").first()
        reason = last.note_display if last is not None else ""
        return messages.WARNING, " ".join(
            part for part in (reason, _("You are on the waitlist; we will email you if a place frees up.")) if part
        )
    return messages.SUCCESS, _("Your registration is received. Staff will review it and email you the decision.")


@login_required
@kept_per_official
def register(request, slug):
    occurrence = _occurrence_for_registration(request, slug)
    participant = self_service.participant_for_user(request.user)
    existing = None
    if participant is not None:
        # One row at most (registration_one_per_occurrence): no need for Meta.ordering's joins.
        existing = Registration.objects.filter(participant=participant, occurrence=occurrence).order_by().first()
        if existing is not None and existing.status != S.WITHDRAWN:
            messages.info(request, _("You have already registered for this occurrence."))
            return redirect("participants:registration_detail", pk=existing.pk)
    context = {
        "occurrence": occurrence,
        "is_open": occurrence.registration_is_open(),
        "verified": bool(request.user.email_verified_at),
        "withdrawn": existing,
        "eligibility": program_eligibility(occurrence.program),
        # Why the profile on file cannot register, said before the official fills anything in.
        "refusal": registration_precheck(participant=participant, occurrence=occurrence) if participant else None,
    }
    if context["refusal"] or not context["is_open"]:
        return render(request, "participants/register.html", context, status=400 if request.method == "POST" else 200)
    categories = occurrence_categories(occurrence)
    category = None
    if categories:
        category, category_error = _chosen_category(request, categories)
        if category is None:
            # First the category: its own form may ask other questions than the occurrence's.
            context.update(categories=categories, category_error=category_error)
            status = 400 if request.method == "POST" or category_error else 200
            return render(request, "participants/register.html", context, status=status)
        context["category"] = category
    profile_form = ProfileForm(
        request.POST or None,
        instance=participant or Participant(email=request.user.email),
        prefix="profile",
        initial=_profile_initial(request.user, participant),
    )
    # Registering again: the answers given the first time are filled in.
    form = RegistrationForm(
        request.POST or None,
        request.FILES or None,
        occurrence=occurrence,
        answers=existing.answers if existing else None,
        category=category,
    )
    # Validate both forms, so every field error shows at once.
    forms_valid = all([profile_form.is_valid(), form.is_valid()]) if request.method == "POST" else False
    if forms_valid and context["verified"]:
        try:
            # The profile update and the registration stand or fall together.
            with transaction.atomic():
                participant = self_service.participant_profile_save(user=request.user, data=profile_form.cleaned_data)
                registration = registration_submit(
                    participant=participant,
                    occurrence=occurrence,
                    answers=form.answers(),
                    uploads=form.uploads(),
                    consent=form.cleaned_data["consent"],
                    by=request.user,
                    category=category,
                )
        except AlreadyRegistered as exc:
            messages.info(request, exc.message)
            return redirect("participants:registration_detail", pk=exc.registration.pk)
        except RegistrationError as exc:
            form.add_error(None, exc.message)
        else:
            level, text = _submitted_message(registration)
            messages.add_message(request, level, text)
            return redirect("participants:registration_detail", pk=registration.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "participants/register.html", {**context, "profile_form": profile_form, "form": form}, status=status
    )


def _occurrence_for_registration(request, slug):
    """The occurrence with its program and hosts. A GET takes it from the cache while the public
    pages' version stands (any edit of an occurrence, its program, hosts or seats replaces it:
    workshops.public_cache); a POST reads the rows, as the registration is decided on them."""
    queryset = Occurrence.objects.select_related("program").prefetch_related("hosts")
    if request.method != "GET":
        return get_object_or_404(queryset, slug=slug)
    # False, not None, for no such occurrence: the cache says None for "nothing kept".
    occurrence = remembered(f"register-occurrence:{slug}", lambda: queryset.filter(slug=slug).first() or False)
    if not occurrence:
        raise Http404
    return occurrence


def _chosen_category(request, categories):
    """(the category chosen on the page, "") or (None, why not or ""). A full category may be chosen:
    the official then joins its waitlist (participants.services.registration_submit)."""
    chosen = (request.POST if request.method == "POST" else request.GET).get("category", "")
    category = next((c for c in categories if str(c.pk) == chosen.strip()), None)
    if category is None:
        return None, _("Please choose the category you register as.") if chosen else ""
    return category, ""


@login_required
def my_registrations(request):
    page = Paginator(self_service.registrations_of_user(request.user), REGISTRATIONS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "participants/my_registrations.html", {"registrations": page.object_list, "page_obj": page})


@_own_registration
def registration_detail(request, registration):
    return render(
        request,
        "participants/registration_detail.html",
        {
            "registration": registration,
            "answers": answers_for_display(registration.occurrence, registration.answers, registration.category),
            "can_edit_answers": registration_answers_editable(registration),
            "can_withdraw": S.WITHDRAWN in _next_statuses(registration),
            "can_register_again": registration.status == S.WITHDRAWN and registration.occurrence.registration_is_open(),
            "has_calendar": _has_calendar(registration),
            "has_checkin_code": _has_checkin_code(registration),
            "needs_followup": self_service.registration_needs_followup(registration),
            "needs_passport": self_service.registration_needs_passport(registration),
            "has_passport": PassportDetails.objects.filter(participant_id=registration.participant_id).exists(),
            **self_service.registration_page_extras(registration),
        },
    )


def _next_statuses(registration):
    return TRANSITIONS.get(registration.status, set())


def _has_calendar(registration):
    return registration.status == S.ACCEPTED and occurrence_has_calendar_dates(registration.occurrence)


@_own_registration
def registration_withdraw_view(request, registration):
    if S.WITHDRAWN not in _next_statuses(registration):
        messages.error(request, _("This registration can no longer be withdrawn."))
        return redirect("participants:registration_detail", pk=registration.pk)
    if request.method == "POST":
        try:
            registration_withdraw(registration=registration, by=request.user)
        except RegistrationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request, _("Your registration for %(title)s is withdrawn.") % {"title": registration.occurrence.title}
            )
        return redirect("participants:my_registrations")
    return render(request, "participants/withdraw_confirm.html", {"registration": registration})


@_own_registration
def registration_calendar(request, registration):
    if not _has_calendar(registration):
        raise Http404
    response = HttpResponse(registration_ical(registration), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{registration.occurrence.slug}.ics"'
    return response


@_own_registration
def registration_checkin_qr(request, registration):
    """The official's own check-in code (the one in their acceptance email), while they hold a seat."""
    if not _has_checkin_code(registration):
        raise Http404
    return HttpResponse(registration_checkin_qr_png(registration), content_type="image/png")


def _has_checkin_code(registration):
    return registration.status in (S.ACCEPTED, S.ATTENDED)


@_own_registration
def registration_followup(request, registration):
    if not self_service.registration_needs_followup(registration):
        raise Http404
    form = TravelDetailsForm(
        request.POST or None,
        instance=self_service.travel_details_for(registration),
        occurrence=registration.occurrence,
    )
    if request.method == "POST" and form.is_valid():
        try:
            self_service.travel_details_save(registration=registration, data=form.cleaned_data)
        except RegistrationError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Thank you: your travel details are saved."))
            return redirect("participants:registration_detail", pk=registration.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "participants/followup.html", {"registration": registration, "form": form}, status=status)


@_own_registration
def registration_passport(request, registration):
    if not self_service.registration_needs_passport(registration):
        raise Http404
    current = PassportDetails.objects.filter(participant_id=registration.participant_id).first()
    form = PassportForm(request.POST or None, instance=current, occurrence=registration.occurrence)
    if request.method == "POST" and form.is_valid():
        try:
            self_service.passport_details_save(registration=registration, data=form.cleaned_data)
        except RegistrationError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Thank you: your passport details are saved."))
            return redirect("participants:registration_detail", pk=registration.pk)
    return render(request, "participants/passport.html", {"registration": registration, "form": form})


@_own_registration
def registration_answers_edit(request, registration):
    """The official changes their answers until the registration deadline."""
    if not registration_answers_editable(registration):
        messages.error(request, _("Your answers can no longer be changed: registration has closed."))
        return redirect("participants:registration_detail", pk=registration.pk)
    form = RegistrationForm(
        request.POST or None,
        request.FILES or None,
        occurrence=registration.occurrence,
        category=registration.category,
        answers=registration.answers,
        stored_files=AnswerFile.objects.filter(registration=registration).values_list("key", flat=True),
        ask_consent=False,
    )
    if request.method == "POST" and form.is_valid():
        try:
            changed = registration_answers_update(
                registration=registration, answers=form.answers(), uploads=form.uploads(), by=request.user
            )
        except RegistrationError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Your answers are saved.") if changed else _("Nothing was changed."))
            return redirect("participants:registration_detail", pk=registration.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "participants/answers_edit.html", {"registration": registration, "form": form}, status=status
    )


@_own_registration
def registration_answer_file(request, registration, key):
    return answer_file_response(registration=registration, key=key)
