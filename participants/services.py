"""Registration use cases: submit, import a delegate, change status, withdraw, promote from the waitlist.

Every seat decision happens inside one transaction that first locks the occurrence row
and then its seat allocation rows (workshops.CountryQuota: a country's or a sending
organization's seats) in id order (always this order, so two transactions can never
deadlock on them; delegations' nominations take the same locks first). Under those locks the seat counters are recomputed from the
registrations themselves, and check constraints on the counters make the database
refuse any write that would overbook, even from code that skipped this module.
"""

import copy
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from formats.languages import language_for_country
from notifications.services import notification_queue
from workshops.models import CountryQuota, Occurrence

from .answers import answer_files_save
from .checkin_code import registration_checkin_qr_attachment
from .eligibility import registration_check_delegate, registration_check_eligibility
from .errors import AlreadyRegistered, RegistrationError
from .models import (
    HOLDS_SEAT,
    Participant,
    ParticipantCategory,
    Registration,
    RegistrationStatusChange,
    Room,
    SystemNote,
    TravelDetails,
)
from .page_cache import all_officials_changed

S = Registration.Status

# Which status may follow which. Anything else is refused and changes nothing.
TRANSITIONS = {
    S.SUBMITTED: {S.UNDER_REVIEW, S.ACCEPTED, S.WAITLISTED, S.REJECTED, S.WITHDRAWN},
    S.UNDER_REVIEW: {S.ACCEPTED, S.WAITLISTED, S.REJECTED, S.WITHDRAWN},
    S.WAITLISTED: {S.UNDER_REVIEW, S.ACCEPTED, S.REJECTED, S.WITHDRAWN},
    S.ACCEPTED: {S.ATTENDED, S.NO_SHOW, S.CANCELLED, S.WITHDRAWN},
    S.ATTENDED: {S.COMPLETED, S.NO_SHOW},
    S.NO_SHOW: {S.ATTENDED},
    S.REJECTED: set(),
    S.WITHDRAWN: set(),
    S.CANCELLED: set(),
    S.COMPLETED: set(),
}

# The notice a participant gets when their registration reaches a status.
STATUS_NOTICES = {
    S.ACCEPTED: "registration_accepted",
    S.WAITLISTED: "registration_waitlisted",
    S.REJECTED: "registration_rejected",
    S.CANCELLED: "registration_cancelled",
    S.WITHDRAWN: "registration_withdrawn",
}


@dataclass
class _Seats:
    occurrence: Occurrence
    quotas: list  # the occurrence's seat allocations (workshops.CountryQuota), locked, in id order
    categories: list  # the occurrence's participant categories, locked, in id order

    def category(self, category_id):
        return next((c for c in self.categories if c.pk == category_id), None)

    def category_refusal(self, category_id):
        """Why the category `category_id` has no free seat, or None if it has one (or there is no category)."""
        category = self.category(category_id)
        if category is None or not category.is_full:
            return None
        return SystemNote(
            gettext_noop("All %(seats)s seats for %(category)s are taken."),
            {"seats": category.capacity, "category": category.pk},
        )

    def allocation_for(self, country, allocation_id=None):
        """The allocation a registration draws on: the one it was nominated into, else its country's."""
        for quota in self.quotas:
            if allocation_id is not None and quota.pk == allocation_id:
                return quota
            if allocation_id is None and quota.organization_id is None and str(quota.country) == str(country):
                return quota
        return None

    def refusal(self, country, allocation_id=None, category_id=None):
        """Why no seat is free for someone from `country` (nominated into `allocation_id`, registering
        in the participant category `category_id`), or None if one is.

        An allocation's seats go first to the active nominations of its focal points: a nominee's
        seat was reserved when they were nominated, and anyone else fits only beside all of them."""
        occ = self.occurrence
        if occ.capacity is not None and occ.seats_taken >= occ.capacity:
            return SystemNote(
                gettext_noop("All %(capacity)s seats of %(occurrence)s are taken."), {"capacity": occ.capacity}
            )
        category_refusal = self.category_refusal(category_id)
        if category_refusal:
            return category_refusal
        quota = self.allocation_for(country, allocation_id)
        if quota is None:
            return None
        if allocation_id is not None or not quota.seats_nominated:
            used = quota.seats_taken
        else:
            used = quota.seats_nominated + _held_against(quota).filter(allocation__isnull=True).count()
        if used >= quota.seats:
            # The party is named when the note is read: a country by its code, an organization by its id.
            party = (
                {"organization": quota.organization_id} if quota.organization_id else {"country": str(quota.country)}
            )
            return SystemNote(
                gettext_noop("The %(seats)s seats for %(country)s are taken."), {"seats": quota.seats, **party}
            )
        return None

    def recount(self):
        self.occurrence.seats_taken = seats_held(occurrence_id=self.occurrence.pk)
        self.occurrence.save(update_fields=["seats_taken"])
        for quota in self.quotas:
            quota.seats_taken = _held_against(quota).count()
            quota.save(update_fields=["seats_taken"])
        held = Registration.objects.filter(occurrence_id=self.occurrence.pk).holding_seat()
        for category in self.categories:
            category.seats_taken = held.filter(category=category).count()
            category.save(update_fields=["seats_taken"])


def _held_against(quota):
    """Registrations holding a seat of this allocation: those nominated into it, and for a country's
    allocation those of the country that no nomination placed elsewhere."""
    held = Registration.objects.filter(occurrence_id=quota.occurrence_id).holding_seat()
    if quota.organization_id is not None:
        return held.filter(allocation=quota)
    return held.filter(Q(allocation=quota) | Q(allocation__isnull=True, country=quota.country))


def seats_held(*, occurrence_id, country=None, allocation=None):
    """Registrations of the occurrence (of one country, or against one allocation, if given) that hold a seat."""
    if allocation is not None:
        return _held_against(allocation).count()
    held = Registration.objects.filter(occurrence_id=occurrence_id).holding_seat()
    return held.filter(country=country).count() if country else held.count()


def occurrence_seats_recount(*, occurrence_id, by=None):
    """Recount the seat counters after staff edited the capacity or the seat allocations,
    and give any seat that the edit freed to the waitlist."""
    with transaction.atomic():
        seats = _lock_seats(occurrence_id)
        seats.recount()
        _promote_waitlisted(seats, freed_country=None, by=by)


def _lock_seats(occurrence_id):
    occurrence = Occurrence.objects.select_for_update().get(pk=occurrence_id)
    quotas = (
        CountryQuota.objects.select_for_update(of=("self",))
        .filter(occurrence=occurrence)
        .select_related("organization")
        .order_by("pk")
    )
    # Categories after the allocations, in id order: the same order in every seat decision.
    categories = ParticipantCategory.objects.select_for_update().filter(occurrence=occurrence).order_by("pk")
    return _Seats(occurrence, list(quotas), list(categories))


def seats_lock(*, occurrence_ids):
    """Lock the seats of several occurrences, in id order, each occurrence row before its allocation rows
    and then its participant category rows (each in id order): what a transaction that decides seats takes first, before any other row
    (delegations takes them before a nomination row too)."""
    return [_lock_seats(occurrence_id) for occurrence_id in sorted(set(occurrence_ids))]


def _record(registration, from_status, to_status, by, note=""):
    """One history row. A SystemNote is kept untranslated (shown in each reader's language), with
    its English wording in `note`; a staff member's note is kept as written."""
    _status_change(registration, from_status, to_status, by, note).save()


def _status_change(registration, from_status, to_status, by, note=""):
    """The history row _record writes, unsaved."""
    fields = {"note": str(note)[:500]}
    if isinstance(note, SystemNote):
        fields = {
            "note": note.english(registration.occurrence)[:500],
            "note_message": note.message,
            "note_params": note.params,
        }
    return RegistrationStatusChange(
        registration=registration, from_status=from_status or "", to_status=to_status, changed_by=by, **fields
    )


# Notices that give the official their seat carry the check-in QR code (participants.checkin_code).
WITH_CHECKIN_CODE = {"registration_accepted", "registration_promoted"}


def _notify(registration, template):
    participant = registration.participant
    notification_queue(
        key=f"registration:{registration.pk}:{template}:{registration.status_changes.count()}",
        template=template,
        recipient=participant.email,
        language=participant.preferred_language,
        context={"registration_id": registration.pk},
        inline_images=[registration_checkin_qr_attachment(registration)] if template in WITH_CHECKIN_CODE else None,
    )


def _set_status(registration, to_status, *, by, note, seats):
    from_status = registration.status
    registration.status = to_status
    if to_status in {S.ACCEPTED, S.WAITLISTED, S.REJECTED}:
        registration.decided_at = timezone.now()
    registration.save(update_fields=["status", "decided_at", "updated_at"])
    if (from_status in HOLDS_SEAT) != (to_status in HOLDS_SEAT):
        seats.recount()
    _record(registration, from_status, to_status, by, note)


def registration_submit(
    *,
    participant: Participant,
    occurrence: Occurrence,
    answers=None,
    uploads=None,
    consent=False,
    by=None,
    allocation=None,
    nominated_by=None,
    category=None,
):
    """Create a participant's registration; with automatic admission take a seat or join the waitlist.

    When the occurrence has participant categories the official registers in one (`category`); the
    category, not the occurrence, then says whether staff review the registration. A full category
    has a waitlist of its own, as a full occurrence has: a registration it accepts at once is
    waitlisted instead (and promoted when a seat of that category frees, _promote_waitlisted), one
    that staff review stays submitted for them to waitlist or refuse (they cannot accept it past the
    category's seats). A nominee may register without a category (their focal point's allocation is their seat).

    A nominee (delegations.services.nomination_register) registers into the `allocation` their
    focal point (`nominated_by`) reserved for them, within its deadlines rather than the public window.
    An official who withdrew may register again while registration is open (_register_again)."""
    answers = answers or {}
    if not consent:
        raise RegistrationError(_("Please consent to the processing of your personal data to register."))
    registration_check_eligibility(
        participant=participant, occurrence=occurrence, answers=answers, check_window=allocation is None
    )
    with transaction.atomic():
        seats = _lock_seats(occurrence.pk)
        existing = (
            Registration.objects.select_for_update().filter(participant=participant, occurrence=occurrence).first()
        )
        if existing is not None and existing.status != S.WITHDRAWN:
            raise AlreadyRegistered(_("You have already registered for this occurrence."), registration=existing)
        category = _category_check(seats, category, nominee=allocation is not None)
        if existing is not None:
            registration = _register_again(
                existing, participant=participant, answers=answers, by=by, allocation=allocation,
                nominated_by=nominated_by, category=category,
            )  # fmt: skip
        else:
            registration = Registration.objects.create(
                participant=participant,
                occurrence=seats.occurrence,
                country=participant.country,
                answers=answers,
                consent_given_at=timezone.now(),
                is_sample=participant.is_sample,
                allocation=allocation,
                nominated_by=nominated_by,
                category=category,
            )
            _record(registration, "", S.SUBMITTED, by)
        if uploads:
            answer_files_save(registration=registration, uploads=uploads)
        template = "registration_received"
        # A category says itself whether staff review it; without one the occurrence's admission does.
        automatic = seats.occurrence.admission == Occurrence.Admission.AUTOMATIC
        if category is not None:
            automatic = not category.needs_review
        if automatic:
            refusal = seats.refusal(participant.country, registration.allocation_id, registration.category_id)
            to_status = S.WAITLISTED if refusal else S.ACCEPTED
            _set_status(registration, to_status, by=None, note=refusal or "", seats=seats)
            template = STATUS_NOTICES[to_status]
        _notify(registration, template)
    return registration


def _category_check(seats, category, *, nominee):
    """The locked row of the category the official registers in, or a RegistrationError that says why not."""
    if category is None:
        if seats.categories and not nominee:
            raise RegistrationError(_("Please choose the category you register as."))
        return None
    locked = seats.category(category.pk)
    if locked is None:
        raise RegistrationError(_("This category is not one of this occurrence's. Please choose another."))
    # A full category is no refusal: like a full occurrence, it has a waitlist (see registration_submit).
    return locked


def _register_again(registration, *, participant, answers, by, allocation=None, nominated_by=None, category=None):
    """An official who withdrew registers again: the same registration row (one per participant and
    occurrence) starts over as submitted, at the back of any waitlist, with its history kept."""
    now = timezone.now()
    registration.status = S.SUBMITTED
    registration.country = participant.country
    registration.answers = answers
    registration.consent_given_at = now
    registration.submitted_at = now  # waitlist order: the new application, not the first one
    registration.decided_at = None
    registration.allocation = allocation
    registration.nominated_by = nominated_by
    registration.category = category
    registration.save()
    _record(registration, S.WITHDRAWN, S.SUBMITTED, by, _("Registered again after withdrawing"))
    return registration


# What a delegate list may fill in a participant's profile (rosters.resources reads these columns).
DELEGATE_PROFILE_FIELDS = (
    "family_name",
    "given_name",
    "family_name_native",
    "given_name_native",
    "country",
    "organization",
    "department",
    "position",
    "admin_level",
    "phone",
    "preferred_language",
)


def _delegate_participant(*, email, profile):
    """The participant with this email (in any case), new if none, with the list's profile values.

    An official with an account keeps the profile they wrote: a list only fills its gaps.
    Profiles of delegates known only from lists follow the newest list."""
    _check_delegate_profile(profile)
    # lower(email) is what the unique index holds (email__iexact compares upper() and reads every row).
    participant = (
        Participant.objects.select_for_update().alias(email_lower=Lower("email")).filter(email_lower=email.lower())
    ).first()
    new = participant is None
    if new:
        # An official who signed up and verified this address before the list arrived: theirs.
        account = (
            get_user_model()
            .objects.filter(email__iexact=email, email_verified_at__isnull=False, participant__isnull=True)
            .first()
        )
        participant = _new_delegate(email, account)
    _fill_delegate_profile(participant, profile, new=new)
    participant.save()
    return participant


def _check_delegate_profile(profile):
    unknown = set(profile) - set(DELEGATE_PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"Not a delegate profile field: {', '.join(sorted(unknown))}")


def _new_delegate(email, account):
    participant = Participant(email=email, user=account)
    if account is not None:
        participant.preferred_language = account.preferred_language
    return participant


def _fill_delegate_profile(participant, profile, *, new):
    own_profile = participant.user_id is not None
    for name, value in profile.items():
        if value in (None, ""):
            continue
        if own_profile and getattr(participant, name) not in (None, ""):
            continue
        setattr(participant, name, value)
    if new and not own_profile and not profile.get("preferred_language"):
        # A list that does not say, for a delegate without an account (whose account's language
        # is kept): the language of the delegate's country, English otherwise.
        participant.preferred_language = language_for_country(participant.country)


def _imported_registration(seats, participant, consent_given_at, answers):
    """A new registration from a delegate list, not yet saved (one row alone, or a list's batch)."""
    return Registration(
        participant=participant,
        occurrence=seats.occurrence,
        country=participant.country,
        consent_given_at=consent_given_at,
        is_sample=participant.is_sample,
        answers=answers or {},
    )


def registration_import(
    *, occurrence: Occurrence, email: str, profile: dict, consent_given_at=None, by, answers=None, batch=None
):
    """Register a delegate from a list that staff import (rosters.resources.DelegateListResource), or
    update their registration when the list was imported before. Returns (registration, created).

    One transaction with the locks every seat decision takes: the occurrence row, then its quota
    rows in country order (_lock_seats), and only then the delegate's participant and registration
    rows; the status history is written by _record, as for registration_submit. Under those locks:

    - When this email already has a registration for the occurrence, the list is imported again:
      the profile is filled as below, the consent date replaced when the list gives one, and the
      answers the list gives (its answer:<key> columns, checked by rosters.resources) replace those. Status,
      country and seat stay as they are, so no rule is checked again and no history is written.
    - Otherwise the program's rules for an imported delegate (eligibility.registration_check_delegate:
      not cancelled, the country admitted, the administrative level when the list states it), then a
      free seat for the delegate's country (capacity and country quota, the check that review and
      the waitlist make): a delegate whom review could not accept now is not imported.
    - The registration is "submitted" whatever the occurrence's admission: seats are only given by
      registration_transition (staff review), which counts them again under the same locks. No
      notice goes out: the government that nominated the delegate tells them, then the decision does.

    A refusal raises RegistrationError with a message fit for the staff member (the registration
    page's own where it fits), and undoes everything this call wrote, the profile too. Callers that import several occurrences
    in one transaction take seats_lock() for all of them first.

    With a DelegateBatch (a whole list in one transaction), the same decisions are taken on what
    the batch read and locked, and nothing is written until batch.save(): the returned registration
    has no id before then, and a refusal leaves the batch as it was.
    """
    if not email:
        raise ValueError("A delegate is identified by their email.")
    if batch is not None:
        return batch.add(
            occurrence=occurrence, email=email, profile=profile, consent_given_at=consent_given_at, answers=answers
        )
    with transaction.atomic():
        seats = _lock_seats(occurrence.pk)
        participant = _delegate_participant(email=email, profile=profile)
        registration = (
            Registration.objects.select_for_update()
            .filter(participant=participant, occurrence=seats.occurrence)
            .first()
        )
        if registration is not None:
            if consent_given_at is not None:
                registration.consent_given_at = consent_given_at
            registration.answers = {**registration.answers, **(answers or {})}
            registration.save(update_fields=["consent_given_at", "answers", "updated_at"])
            return registration, False
        refusal = _delegate_refusal(seats, participant)
        if refusal:
            raise RegistrationError(refusal)
        registration = _imported_registration(seats, participant, consent_given_at, answers)
        registration.save()
        _record(registration, "", S.SUBMITTED, by, _imported_by(by))
    return registration, True


def _imported_by(by):
    return SystemNote(gettext_noop("Imported by %(staff)s"), {"staff": str(by)})


def _delegate_refusal(seats, participant):
    """Why this delegate may not be imported into the locked occurrence (the program's rules, then a
    free seat for their country), as a message; None when they may."""
    try:
        registration_check_delegate(participant=participant, occurrence=seats.occurrence)
    except RegistrationError as refused:
        return refused.message
    refusal = seats.refusal(participant.country)
    return refusal.render(seats.occurrence) if refusal else None


class DelegateBatch:
    """A whole delegate list imported in one transaction (rosters.resources.DelegateListResource):
    registration_import(batch=...) decides each row as it does alone, on what the batch read once,
    and save() writes every row at the end in a few statements (a row at a time, a 10,000-row list
    took 16 queries a row).

    Created inside the import's transaction, it takes the seat locks of the list's occurrences
    (seats_lock: in id order, before any other row), then locks the participants with the list's
    emails and their registrations for those occurrences, and reads the verified accounts with
    those emails that have no participant yet. The locks are held until the transaction ends, so
    what was read stays true until save(). A refused row changes nothing in the batch.

    A refusal (the program's rules, a free seat) is decided once per occurrence, country and
    administrative level: imported registrations are "submitted" and hold no seat, so nothing an
    import writes changes it. Each participant and registration gets one history row, as each got
    when it was saved; the status history is the same as registration_import's alone.
    """

    def __init__(self, *, occurrence_ids, emails, by):
        self.by = by
        self.seats = {seats.occurrence.pk: seats for seats in seats_lock(occurrence_ids=occurrence_ids)}
        self.participants = {}  # email -> participant, or None when no participant has it
        self.accounts = {}  # email -> a verified account with no participant
        self.registrations = {}  # (email, occurrence id) -> registration
        self._refusals = {}
        self._save_participants = {}  # email -> participant to write
        self._created = []  # new registrations, in row order
        self._changed = {}  # (email, occurrence id) -> registration to write
        self._occurrences_of = {}  # email -> the occurrences of its registrations in self.registrations
        self._load({email.strip().lower() for email in emails if email and email.strip()})

    def _load(self, emails):
        emails = sorted(set(emails) - set(self.participants))
        if not emails:
            return
        self.participants.update(dict.fromkeys(emails))
        found = (
            Participant.objects.select_for_update(of=("self",))
            .select_related("organization")
            .alias(email_lower=Lower("email"))
            .filter(email_lower__in=emails)
            .order_by("pk")
        )
        known = {}
        for participant in found:
            self.participants[participant.email.lower()] = participant
            known[participant.pk] = participant
        accounts = (
            get_user_model()
            .objects.alias(email_lower=Lower("email"))
            .filter(email_lower__in=emails, email_verified_at__isnull=False, participant__isnull=True)
            .order_by("pk")
        )
        for account in accounts:
            self.accounts.setdefault(account.email.lower(), account)
        registrations = (
            Registration.objects.select_for_update()
            .filter(participant_id__in=known, occurrence_id__in=self.seats)
            .order_by("pk")
        )
        for registration in registrations:
            participant = known[registration.participant_id]
            registration.occurrence = self.seats[registration.occurrence_id].occurrence
            self.registrations[participant.email.lower(), registration.occurrence_id] = registration
            self._occurrences_of.setdefault(participant.email.lower(), set()).add(registration.occurrence_id)

    def registration(self, *, email, occurrence_id):
        """The registration of this email for the occurrence as the batch knows it (None if none),
        with the delegate's profile as the rows before this one left it."""
        email = email.lower()
        self._load([email])
        registration = self.registrations.get((email, occurrence_id))
        if registration is not None:
            registration.participant = self.participants[email]
        return registration

    def add(self, *, occurrence, email, profile, consent_given_at, answers):
        _check_delegate_profile(profile)
        email = email.lower()
        self._load([email])
        seats = self.seats[occurrence.pk]
        known = self.participants[email]
        if known is None:
            participant = _new_delegate(email, self.accounts.get(email))
        else:
            # A copy: a refused row leaves the batch's participant as it was.
            participant = copy.copy(known)
            participant._state = copy.copy(known._state)
        _fill_delegate_profile(participant, profile, new=known is None)
        key = (email, seats.occurrence.pk)
        registration = self.registrations.get(key)
        created = registration is None
        if created:
            refusal = self.refusal(seats, participant)
            if refusal:
                raise RegistrationError(refusal)
            registration = _imported_registration(seats, participant, consent_given_at, answers)
            self._created.append(registration)
        else:
            registration.participant = participant
            if consent_given_at is not None:
                registration.consent_given_at = consent_given_at
            registration.answers = {**registration.answers, **(answers or {})}
            self._changed[key] = registration
        self.participants[email] = participant
        self.accounts.pop(email, None)
        self.registrations[key] = registration
        self._save_participants[email] = participant
        for occurrence_id in self._occurrences_of.setdefault(email, set()) - {key[1]}:
            # The delegate's other registrations of the list point at this newest profile too.
            self.registrations[email, occurrence_id].participant = participant
        self._occurrences_of[email].add(key[1])
        return registration, created

    def refusal(self, seats, participant):
        key = (seats.occurrence.pk, str(participant.country or ""), participant.admin_level)
        if key not in self._refusals:
            self._refusals[key] = _delegate_refusal(seats, participant)
        return self._refusals[key]

    def save(self):
        """Write every row added: participants, then registrations, then the status history, each
        with its history rows, in a few statements each."""
        now = timezone.now()
        participants = list(self._save_participants.values())
        new = [p for p in participants if p.pk is None]
        changed = [p for p in participants if p.pk is not None]
        for participant in participants:
            # What Participant.save() does.
            participant.email = (participant.email or "").strip().lower()
            participant.search_key = participant.compute_search_key()
            participant.updated_at = now
        Participant.objects.bulk_create(new, batch_size=1000)
        Participant.history.bulk_history_create(new, batch_size=1000)
        Participant.objects.bulk_update(
            changed, [*DELEGATE_PROFILE_FIELDS, "email", "search_key", "updated_at"], batch_size=1000
        )
        Participant.history.bulk_history_create(changed, batch_size=1000, update=True)
        for registration in self._created:
            registration.participant = registration.participant  # its id, now that it has one
        Registration.objects.bulk_create(self._created, batch_size=1000)
        Registration.history.bulk_history_create(self._created, batch_size=1000)
        changed = list(self._changed.values())
        for registration in changed:
            registration.updated_at = now
        Registration.objects.bulk_update(changed, ["consent_given_at", "answers", "updated_at"], batch_size=1000)
        Registration.history.bulk_history_create(changed, batch_size=1000, update=True)
        # Written in bulk, without the signals that replace each official's kept registration page.
        all_officials_changed()
        note = _imported_by(self.by)
        notes = {}
        changes = []
        for registration in self._created:
            if registration.occurrence_id not in notes:
                notes[registration.occurrence_id] = _status_change(registration, "", S.SUBMITTED, self.by, note)
            change = copy.copy(notes[registration.occurrence_id])
            change.registration = registration
            changes.append(change)
        RegistrationStatusChange.objects.bulk_create(changes, batch_size=1000)
        self._save_participants, self._created, self._changed = {}, [], {}


def registration_transition(*, registration: Registration, to_status: str, by=None, note: str = ""):
    """Move one registration to `to_status`, or refuse with a RegistrationError and change nothing."""
    with transaction.atomic():
        seats = _lock_seats(registration.occurrence_id)
        registration = Registration.objects.select_for_update().select_related("participant").get(pk=registration.pk)
        from_status = registration.status
        if to_status not in TRANSITIONS.get(from_status, set()):
            raise RegistrationError(
                _("A registration that is %(from)s cannot become %(to)s.")
                % {"from": S(from_status).label.lower(), "to": S(to_status).label.lower()},
                registration=registration,
            )
        if to_status in HOLDS_SEAT and from_status not in HOLDS_SEAT:
            refusal = seats.refusal(registration.country, registration.allocation_id, registration.category_id)
            if refusal:
                raise RegistrationError(refusal.render(seats.occurrence), registration=registration)
        _set_status(registration, to_status, by=by, note=note, seats=seats)
        if to_status in STATUS_NOTICES:
            _notify(registration, STATUS_NOTICES[to_status])
        if from_status in HOLDS_SEAT and to_status not in HOLDS_SEAT:
            _promote_waitlisted(seats, freed_country=registration.country, by=by)
    return registration


def registration_attendance_undo(*, registration: Registration, by=None, note: str = ""):
    """Put back the status an attended registration had before its check-in, when that check-in
    was a mistake and no day of attendance is left (cohorts.services.attendance_undo).

    Not a transition staff choose: "attended" goes back only to what the history says it came
    from (accepted or no-show, both holding the seat), with no notice to the participant.
    """
    with transaction.atomic():
        _lock_seats(registration.occurrence_id)
        registration = Registration.objects.select_for_update().select_related("participant").get(pk=registration.pk)
        if registration.status != S.ATTENDED:
            return registration
        last = registration.status_changes.order_by("-changed_at", "-pk").first()
        previous = last.from_status if last is not None and last.to_status == S.ATTENDED else ""
        if previous not in (S.ACCEPTED, S.NO_SHOW):
            raise RegistrationError(
                _("%(name)s's attendance was not recorded by a check-in, so it cannot be undone here.")
                % {"name": registration.participant},
                registration=registration,
            )
        # Both statuses hold the seat, and the decision's date stays the decision's.
        registration.status = previous
        registration.save(update_fields=["status", "updated_at"])
        _record(registration, S.ATTENDED, previous, by, note)
    return registration


def registrations_transition_bulk(*, registrations, to_status: str, by=None, note: str = ""):
    """All or nothing: either every registration moves, or none does and the first refusal is raised."""
    registrations = list(registrations)
    with transaction.atomic():
        # Lock every occurrence involved up front, in id order, before any registration.
        seats_lock(occurrence_ids={r.occurrence_id for r in registrations})
        return [
            registration_transition(registration=r, to_status=to_status, by=by, note=note)
            for r in sorted(registrations, key=lambda r: (r.occurrence_id, r.pk))
        ]


def registrations_delete(*, registrations, by=None):
    """Delete registrations (a superuser's clean-up) and give the seats they held to the waitlist."""
    registrations = list(registrations)
    with transaction.atomic():
        # The same lock order as every seat decision: occurrences by id, before any registration row.
        locked = seats_lock(occurrence_ids={r.occurrence_id for r in registrations})
        Registration.objects.filter(pk__in=[r.pk for r in registrations]).delete()
        for seats in locked:
            seats.recount()
            _promote_waitlisted(seats, freed_country=None, by=by)


def registration_withdraw(*, registration: Registration, by=None):
    """The official withdraws; a seat they held goes to the first waitlisted official who fits."""
    return registration_transition(
        registration=registration,
        to_status=S.WITHDRAWN,
        by=by,
        note=SystemNote(gettext_noop("Withdrawn by the participant")),
    )


def _promote_waitlisted(seats: _Seats, *, freed_country, by):
    """Fill free seats from the waitlist: the freed seat's country first, then by submission time.
    A candidate whose participant category is still full is passed over (seats.refusal), so a seat
    that frees in a category goes to that category's waitlist."""
    waiting = (
        Registration.objects.select_for_update()
        .filter(occurrence=seats.occurrence, status=S.WAITLISTED)
        .annotate(
            other_country=Case(
                When(country=freed_country, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .order_by("other_country", "submitted_at", "pk")
    )
    for candidate in waiting:
        if seats.occurrence.capacity is not None and seats.occurrence.seats_taken >= seats.occurrence.capacity:
            return
        if seats.refusal(candidate.country, candidate.allocation_id, candidate.category_id):
            continue
        _set_status(
            candidate, S.ACCEPTED, by=by, note=SystemNote(gettext_noop("Promoted from the waitlist")), seats=seats
        )
        _notify(candidate, "registration_promoted")


def travel_room_refusal(*, travel, room):
    """Why `room` cannot take this official (another occurrence's hotel, or full), or None."""
    if room.hotel.occurrence_id != travel.registration.occurrence_id:
        return _("This room belongs to a hotel of another occurrence.")
    if room.occupants.exclude(pk=travel.pk).count() >= room.beds:
        return _("Room %(room)s is full: all %(beds)s beds are taken.") % {"room": room.number, "beds": room.beds}
    return None


def travel_room_assign(*, travel, room):
    """Put an official in a room of their occurrence's hotels, or take them out (room=None).

    The room row is locked while its occupants are counted, so two staff members filling its
    last bed at the same moment cannot both succeed; sharing is `beds` officials per room.
    """
    with transaction.atomic():
        travel = TravelDetails.objects.select_for_update().select_related("registration").get(pk=travel.pk)
        if room is not None:
            room = Room.objects.select_for_update().select_related("hotel").get(pk=room.pk)
            refusal = travel_room_refusal(travel=travel, room=room)
            if refusal:
                raise RegistrationError(refusal)
        travel.room = room
        travel.save(update_fields=["room", "updated_at"])
    return travel
