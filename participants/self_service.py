"""What an official does with their own data: the profile, the follow-up form, and the reads
behind "My registrations". Every read is scoped to the official's own account."""

from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from .errors import RegistrationError
from .models import Participant, PassportDetails, Registration, RegistrationStatusChange, TravelDetails
from .selectors import asks_followup

S = Registration.Status
PROFILE_FIELDS = (
    "family_name_native",
    "given_name_native",
    "family_name",
    "given_name",
    "country",
    "organization",
    "department",
    "position",
    "admin_level",
    "languages",
    "phone",
    "preferred_language",
)
# What the official fills in on the travel details form; the room is staff's.
TRAVEL_FIELDS = (
    "arrival_date",
    "arrival_time",
    "arrival_number",
    "arrival_place",
    "pickup_needed",
    "departure_date",
    "departure_time",
    "departure_number",
    "departure_place",
    "accommodation",
    "emergency_name",
    "emergency_relation",
    "emergency_phone",
    "diet",
    "diet_notes",
    "accessibility_needs",
    "notes",
)


def participant_for_user(user):
    if not user.is_authenticated:
        return None
    return Participant.objects.filter(user=user).select_related("organization").first()


def participant_profile_save(*, user, data):
    """Create or update the official's profile; the account's email and language follow it.

    A profile imported earlier for the same address (a delegate list) is taken over once the
    email is verified, since that proves the address belongs to this user.
    """
    with transaction.atomic():
        participant = Participant.objects.select_for_update().filter(user=user).first()
        if participant is None and user.email_verified_at:
            participant = (
                Participant.objects.select_for_update().filter(user__isnull=True, email__iexact=user.email).first()
            )
        if participant is None:
            if Participant.objects.filter(email__iexact=user.email).exists():
                raise RegistrationError(
                    _("A profile with your email address already exists. Verify your email address to take it over.")
                )
            participant = Participant(email=user.email)
        participant.user = user
        for field in PROFILE_FIELDS:
            if field in data:
                setattr(participant, field, data[field])
        participant.save()
        if user.preferred_language != participant.preferred_language:
            user.preferred_language = participant.preferred_language
            user.save(update_fields=["preferred_language"])
    return participant


def participant_link_account(*, user):
    """Give a verified account the profile staff imported for its address (a delegate list), once.

    Only a verified address proves the person: an unverified sign-up links nothing. A profile that
    already has an account, an account that already has a profile, and an anonymised profile are
    left as they are. The link is recorded in the profile's history. Returns the participant or None.
    """
    if not user.email_verified_at:
        return None
    with transaction.atomic():
        if Participant.objects.filter(user=user).exists():
            return None
        participant = (
            Participant.objects.select_for_update()
            .not_anonymised()
            .filter(user__isnull=True, email__iexact=user.email)
            .first()
        )
        if participant is None:
            return None
        participant.user = user
        participant._history_user = user
        participant._change_reason = "Linked to the account whose email address was verified"
        participant.save(update_fields=["user", "updated_at"])
    return participant


def registrations_of_user(user):
    """The official's registrations with what the list page shows, in a fixed number of queries."""
    return (
        Registration.objects.filter(participant__user=user)
        .select_related("occurrence__program", "category")
        .prefetch_related(
            Prefetch("status_changes", queryset=RegistrationStatusChange.objects.order_by("changed_at", "id"))
        )
        .order_by("-submitted_at", "-id")
    )


def registration_of_user(*, user, pk):
    """One of the official's own registrations; DoesNotExist for anyone else's."""
    return registrations_of_user(user).prefetch_related("occurrence__hosts").get(pk=pk)


# Apps above participants add what they own to the official's registration page (cohorts: the
# certificate download), as functions of the registration returning template context.
REGISTRATION_PAGE_EXTRAS = []


def registration_page_extras(registration):
    context = {}
    for extra in REGISTRATION_PAGE_EXTRAS:
        context.update(extra(registration))
    return context


def registration_needs_followup(registration):
    return registration.status == S.ACCEPTED and asks_followup(registration.occurrence.program)


def travel_details_for(registration):
    """The registration's travel details, or an unsaved row prefilled from its answers (diet)."""
    try:
        return registration.travel
    except TravelDetails.DoesNotExist:
        return TravelDetails(
            registration=registration, diet_notes=(registration.answers or {}).get("dietary_needs", "")
        )


def travel_details_save(*, registration, data):
    """Store the travel details an accepted official sent and mark them complete; the room staff
    assigned stays. `data` is a TravelDetailsForm's cleaned data: all of it is written or none."""
    with transaction.atomic():
        registration = (
            Registration.objects.select_for_update().select_related("occurrence__program").get(pk=registration.pk)
        )
        if not registration_needs_followup(registration):
            raise RegistrationError(_("Travel details can only be sent for an accepted registration."))
        fields = {name: data[name] for name in TRAVEL_FIELDS if name in data}
        travel, _created = TravelDetails.objects.update_or_create(registration=registration, defaults=fields)
        registration.followup_completed_at = timezone.now()
        registration.save(update_fields=["followup_completed_at", "updated_at"])
    return travel


# --- Passport details for a visa invitation letter ----------------------------------------


def occurrence_host_country(occurrence):
    """The country the officials travel to: the occurrence's, else its hosts', else the program's hosts'."""
    if occurrence.country:
        return str(occurrence.country)
    for organization in [*occurrence.hosts.all(), *occurrence.program.hosts.all()]:
        if organization.country:
            return str(organization.country)
    return ""


def registration_is_foreign(registration):
    host = occurrence_host_country(registration.occurrence)
    return bool(host) and str(registration.country) != host


def registration_needs_passport(registration):
    """Passport details are asked only where the program issues visa letters, of accepted foreign officials."""
    return (
        registration.occurrence.program.asks_passport
        and registration.status in (S.ACCEPTED, S.ATTENDED)
        and registration_is_foreign(registration)
    )


PASSPORT_FIELDS = ("full_name", "nationality", "number", "expires_on")


def passport_details_save(*, registration, data):
    """Store the official's passport details (one set per person, used by every letter after)."""
    with transaction.atomic():
        registration = (
            Registration.objects.select_for_update()
            .select_related("occurrence__program", "participant")
            .get(pk=registration.pk)
        )
        if not registration_needs_passport(registration):
            raise RegistrationError(_("This program does not ask for passport details."))
        passport = PassportDetails.objects.filter(participant=registration.participant).first()
        passport = passport or PassportDetails(participant=registration.participant)
        for field in PASSPORT_FIELDS:
            setattr(passport, field, data[field])
        passport.save()
    return passport
